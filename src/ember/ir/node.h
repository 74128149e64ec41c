// A Node is one operation: a kind (aten::add, prim::If), inputs and outputs
// (Values), nested blocks for control flow, named attributes (prim::Constant's
// `value`, prim::GetAttr's `name`), the resolved operator once the compiler
// has picked an overload, and the source location it came from.
//
//   %4 : Tensor = aten::add(%x.1, %x.1, %3) # file.py:5:11
//   ^outputs      ^kind     ^inputs          ^source location
//
// Nodes live in their block's doubly linked list; they are created by the
// Graph (Graph::create) and edited only through this API, which keeps every
// value's use list in step with the inputs.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "ember/ir/source_loc.h"
#include "ember/ir/symbol.h"
#include "ember/ir/value.h"
#include "ember/support/array_ref.h"
#include "ember/value/ivalue.h"

namespace ember::ops {
struct Operator;
}

namespace ember::ir {

// The order matches AttributeValue's alternatives.
enum class AttributeKind : uint8_t { Int, Float, String, Ints, Floats, Strings, Type, IValue };
std::string_view attributeKindName(AttributeKind kind);

using AttributeValue = std::variant<int64_t, double, std::string, std::vector<int64_t>, std::vector<double>,
                                    std::vector<std::string>, TypePtr, IValue>;

struct Attribute {
  Symbol name;
  AttributeValue value;
  AttributeKind kind() const { return static_cast<AttributeKind>(value.index()); }
};

class Node {
 public:
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  Symbol kind() const { return kind_; }
  Graph* owningGraph() const { return graph_; }
  // The block whose node list holds this node; nullptr until inserted.
  Block* owningBlock() const { return owningBlock_; }
  bool inBlockList() const { return next_ != nullptr; }

  // ---- inputs and outputs
  ArrayRef<Value*> inputs() const { return inputs_; }
  ArrayRef<Value*> outputs() const { return outputs_; }
  Value* input(size_t i) const;
  Value* output(size_t i) const;
  // The only input / output; checks there is exactly one.
  Value* input() const;
  Value* output() const;
  bool hasUses() const;

  Value* addInput(Value* v);
  Value* insertInput(size_t i, Value* v);
  // Returns the value that was there.
  Value* replaceInput(size_t i, Value* v);
  // Every input slot reading `from` reads `to` instead.
  void replaceInputWith(Value* from, Value* to);
  void removeInput(size_t i);
  void removeAllInputs();

  Value* addOutput();
  Value* insertOutput(size_t i);
  // The output must have no uses.
  void eraseOutput(size_t i);

  // ---- nested blocks (prim::If has two, prim::Loop one)
  const std::vector<Block*>& blocks() const { return blocks_; }
  Block* addBlock();
  void eraseBlock(size_t i);

  // ---- position in the block
  Node* next() const { return next_; }
  Node* prev() const { return prev_; }
  // Insert this (not yet inserted) node before / after n.
  Node* insertBefore(Node* n);
  Node* insertAfter(Node* n);
  // Move this (inserted) node before / after n, which may be in another block.
  void moveBefore(Node* n);
  void moveAfter(Node* n);
  // Unlink from the block, keeping inputs and outputs: the node can be
  // inserted elsewhere.
  void removeFromList();
  // Unlink and free the node, its blocks and its outputs. The outputs must have
  // no uses outside the node.
  void destroy();

  // Program order: whether this node runs before n. As in PyTorch, a node is
  // neither before nor after the nodes inside its own blocks. Both must be
  // inserted in the same graph.
  bool isBefore(const Node* n) const;
  bool isAfter(const Node* n) const { return n->isBefore(this); }
  // Whether n is this node or nested (at any depth) in one of its blocks.
  bool encloses(const Node* n) const;

  // ---- attributes, in insertion order (that is the printed order)
  bool hasAttribute(Symbol name) const { return findAttribute(name) != nullptr; }
  bool hasAttributes() const { return !attributes_.empty(); }
  const std::vector<Attribute>& attributes() const { return attributes_; }
  // Checks that the attribute exists.
  AttributeKind attributeKind(Symbol name) const;
  void removeAttribute(Symbol name);
  Node* setAttribute(Symbol name, AttributeValue value);
  void copyAttributes(const Node& from);

  // Typed accessors as PyTorch spells them: i_ sets, i gets (checking kind).
  Node* i_(Symbol name, int64_t v) { return setAttribute(name, v); }
  Node* f_(Symbol name, double v) { return setAttribute(name, v); }
  Node* s_(Symbol name, std::string v) { return setAttribute(name, std::move(v)); }
  Node* is_(Symbol name, std::vector<int64_t> v) { return setAttribute(name, std::move(v)); }
  Node* fs_(Symbol name, std::vector<double> v) { return setAttribute(name, std::move(v)); }
  Node* ss_(Symbol name, std::vector<std::string> v) { return setAttribute(name, std::move(v)); }
  Node* ty_(Symbol name, TypePtr v) { return setAttribute(name, std::move(v)); }
  Node* ival_(Symbol name, IValue v) { return setAttribute(name, std::move(v)); }
  int64_t i(Symbol name) const { return get<int64_t>(name, AttributeKind::Int); }
  double f(Symbol name) const { return get<double>(name, AttributeKind::Float); }
  const std::string& s(Symbol name) const { return get<std::string>(name, AttributeKind::String); }
  const std::vector<int64_t>& is(Symbol name) const { return get<std::vector<int64_t>>(name, AttributeKind::Ints); }
  const std::vector<double>& fs(Symbol name) const { return get<std::vector<double>>(name, AttributeKind::Floats); }
  const std::vector<std::string>& ss(Symbol name) const {
    return get<std::vector<std::string>>(name, AttributeKind::Strings);
  }
  const TypePtr& ty(Symbol name) const { return get<TypePtr>(name, AttributeKind::Type); }
  const IValue& ival(Symbol name) const { return get<IValue>(name, AttributeKind::IValue); }

  // ---- the operator the compiler resolved (nullptr for prim:: nodes and
  // before resolution)
  const ops::Operator* op() const { return op_; }
  Node* setOp(const ops::Operator* op) {
    op_ = op;
    return this;
  }

  const SourceLoc& sourceLoc() const { return loc_; }
  Node* setSourceLoc(SourceLoc loc) {
    loc_ = std::move(loc);
    return this;
  }

  // Whether removing this node (when its outputs are unused) could change
  // what the program does: RaiseException, Print, SetAttr, calls, ops that
  // write to an argument (aten::add_, aten::append, ...), or a node whose
  // blocks contain such a node.
  bool hasSideEffects() const;

  // One node as in graph.str(), blocks included, indented by `level` steps of
  // two spaces; ends with a newline.
  void print(std::ostream& os, size_t level = 0, bool printSourceLocations = true) const;
  // The node's own line, without blocks or the newline.
  void printSignature(std::ostream& os, bool printSourceLocations = true) const;
  std::string str() const;
  void dump() const;

 private:
  friend class Graph;
  friend class Block;
  friend class Value;
  Node(Graph* graph, Symbol kind);
  ~Node();

  const Attribute* findAttribute(Symbol name) const;
  template <class T>
  const T& get(Symbol name, AttributeKind kind) const {
    return std::get<T>(checkedAttribute(name, kind).value);
  }
  const Attribute& checkedAttribute(Symbol name, AttributeKind kind) const;
  void dropInput(size_t i);  // removes the use, not the slot
  void renumberOutputs(size_t from);
  void renumberInputUses(size_t from);
  // Drops the inputs of every node in this node's blocks, recursively.
  void dropNestedReferences();

  Graph* graph_;
  Symbol kind_;
  std::vector<Value*> inputs_;
  std::vector<Value*> outputs_;
  std::vector<Block*> blocks_;
  std::vector<Attribute> attributes_;
  const ops::Operator* op_ = nullptr;
  SourceLoc loc_;
  Block* owningBlock_ = nullptr;
  Node* next_ = nullptr;
  Node* prev_ = nullptr;
};

std::ostream& operator<<(std::ostream& os, const Node& n);

}  // namespace ember::ir
