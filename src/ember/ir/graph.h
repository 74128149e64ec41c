// A Graph is one function body in typed SSA form: a top-level Block whose
// params are the function's arguments and whose returns are its results. It
// owns every Node, Block and Value in it, creates them, keeps the names
// unique, and holds the insertion point builders write at.
//
// Given:
//   def f(x):
//       return x + x
// the graph prints (Graph::print, PyTorch's graph.str() format) as
//   graph(%x.1 : Tensor):
//     %2 : int = prim::Constant[value=1]()
//     %3 : Tensor = aten::add(%x.1, %x.1, %2) # f.py:2:11
//     return (%3)
//
// Build loosely, verify strictly: editing may leave the graph inconsistent
// for a while (a node created but not inserted, a block without returns);
// ir::verify (verifier.h) says whether it is well formed.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ember/ir/block.h"
#include "ember/ir/node.h"
#include "ember/ir/value.h"

namespace ember::ir {

class Graph;
using GraphPtr = std::shared_ptr<Graph>;
using ValueMap = std::unordered_map<const Value*, Value*>;

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  Block* block() const { return block_; }
  ArrayRef<Value*> inputs() const { return block_->inputs(); }
  ArrayRef<Value*> outputs() const { return block_->outputs(); }
  NodeList nodes() const { return block_->nodes(); }
  Node* paramNode() const { return block_->paramNode(); }
  Node* returnNode() const { return block_->returnNode(); }

  Value* addInput(const std::string& name = "") { return block_->addInput(name); }
  Value* insertInput(size_t i, const std::string& name = "") { return block_->insertInput(i, name); }
  void eraseInput(size_t i) { block_->eraseInput(i); }
  size_t registerOutput(Value* v) { return block_->registerOutput(v); }
  void eraseOutput(size_t i) { block_->eraseOutput(i); }

  // ---- creating nodes (not inserted: see insertNode / the insertion point)
  Node* create(Symbol kind, size_t numOutputs = 1);
  Node* create(Symbol kind, ArrayRef<Value*> inputs, size_t numOutputs = 1);
  // A copy of n (attributes, op, source location, output types and names),
  // reading valueMap(v) wherever n reads v; nested blocks are copied too.
  Node* createClone(const Node* n, const std::function<Value*(Value*)>& valueMap, bool copyBlocks = true);
  // prim::Constant holding v, as PyTorch's insertConstant stores it: bool and
  // int in `i` (printed 0/1 for bools), float in `f`, str and Device in `s`,
  // None without attribute, lists, tuples and tensors in `ival`.
  Node* createConstant(const IValue& v);
  Node* createList(const TypePtr& elementType, ArrayRef<Value*> values);
  Node* createTuple(ArrayRef<Value*> values);
  Node* createTupleUnpack(Value* tuple);
  Node* createUninitialized(TypePtr type);
  Node* createGetAttr(Value* object, const std::string& field, TypePtr type);

  // ---- the insertion point: new nodes go before it
  Node* insertNode(Node* n) { return n->insertBefore(insertBefore_); }
  // create + setType + insertNode for the common one-output case.
  Value* insert(Symbol kind, ArrayRef<Value*> inputs, TypePtr outputType, SourceLoc loc = {});
  Value* insertConstant(const IValue& v, SourceLoc loc = {});
  // Insert before n.
  void setInsertPoint(Node* n) { insertBefore_ = n; }
  // Append to the end of b.
  void setInsertPoint(Block* b) { insertBefore_ = b->returnNode(); }
  Node* insertPoint() const { return insertBefore_; }
  Block* insertBlock() const { return insertBefore_->owningBlock(); }

  // A deep copy that keeps value names and numbers, so it prints the same.
  // When valueMap is given it receives old value -> new value.
  GraphPtr copy(ValueMap* valueMap = nullptr) const;

  // Every node created and not destroyed, inserted or not (the verifier
  // reports the ones that are not in a block).
  const std::unordered_set<Node*>& allNodes() const { return allNodes_; }

  // PyTorch's graph.str(): ends with a newline.
  void print(std::ostream& os, bool printSourceLocations = true) const;
  std::string str(bool printSourceLocations = true) const;
  void dump() const;

 private:
  friend class Node;
  friend class Block;
  friend class Value;
  friend class GraphBuilderAccess;

  Block* newBlock(Node* owner);
  void freeBlock(Block* b);
  void freeNode(Node* n);
  Value* newValue(Node* node, size_t offset);
  void freeValue(Value* v);
  // Gives v a chosen number (the IR parser keeps `%5` as 5; copies keep
  // numbers); the caller keeps numbers unique.
  void setUnique(Value* v, size_t unique);

  std::unordered_set<Node*> allNodes_;
  std::unordered_set<Block*> allBlocks_;
  size_t nextUnique_ = 0;
  std::unordered_map<std::string, Value*> uniqueNames_;
  std::unordered_map<std::string, size_t> nameBaseSuffix_;
  Block* block_;
  Node* insertBefore_;
};

std::ostream& operator<<(std::ostream& os, const Graph& g);

// Sets the graph's insertion point for a scope and restores it afterwards.
class WithInsertPoint {
 public:
  explicit WithInsertPoint(Node* n) : graph_(n->owningGraph()), prev_(graph_->insertPoint()) {
    graph_->setInsertPoint(n);
  }
  explicit WithInsertPoint(Block* b) : graph_(b->owningGraph()), prev_(graph_->insertPoint()) {
    graph_->setInsertPoint(b);
  }
  ~WithInsertPoint() { graph_->setInsertPoint(prev_); }
  WithInsertPoint(const WithInsertPoint&) = delete;
  WithInsertPoint& operator=(const WithInsertPoint&) = delete;

 private:
  Graph* graph_;
  Node* prev_;
};

// The constant a value holds when it is the output of a prim::Constant,
// converted back from the attribute (i + bool type -> bool, s + Device type ->
// Device, none -> None).
std::optional<IValue> toIValue(const Value* v);
// Same for a prim::Constant node.
std::optional<IValue> constantValue(const Node* n);

}  // namespace ember::ir
