// A Value is one SSA definition: an output of a Node (or a parameter of a
// Block, which is an output of the block's prim::Param node). It knows its
// type, its users, and a debug name that follows PyTorch's rules, so that
// graphs print with the same names PyTorch prints (`%x.1`, `%a.27`, `%5`).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "ember/types/type.h"

namespace ember::ir {

class Block;
class Graph;
class Node;

// One operand slot that reads a value: user->inputs()[offset].
struct Use {
  Node* user;
  size_t offset;
  friend bool operator==(const Use&, const Use&) = default;
};

class Value {
 public:
  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;

  const TypePtr& type() const { return type_; }
  Value* setType(TypePtr type);

  // The defining node and which of its outputs this is.
  Node* node() { return node_; }
  const Node* node() const { return node_; }
  size_t offset() const { return offset_; }
  Graph* owningGraph() const;

  // Unique within the graph; the printed name when there is no debug name.
  size_t unique() const { return unique_; }

  bool hasDebugName() const { return !name_.empty(); }
  // The name printed after '%': the debug name, or the unique number.
  std::string debugName() const;
  // The debug name without a numeric ".N" suffix ("x" for "x.3").
  std::string debugNameBase() const;
  // PyTorch's Value::setDebugName: a name taken by another value of the graph
  // moves that value to "name.N"; names that are numbers are rejected; ""
  // clears the name.
  Value* setDebugName(const std::string& name);
  // Copies name and type from another value (used when cloning).
  Value* copyMetadata(const Value* from);

  const std::vector<Use>& uses() const { return uses_; }
  bool hasUses() const { return !uses_.empty(); }
  bool hasOneUse() const { return uses_.size() == 1; }

  // Points every use of this value at v instead.
  void replaceAllUsesWith(Value* v);
  void replaceFirstUseWith(Value* v);
  // Only the uses in nodes after `after` (in program order, including nested
  // blocks of later nodes): used when a value is refined from some point on.
  void replaceAllUsesAfterNodeWith(const Node* after, Value* v);

  // "%x.1"
  void print(std::ostream& os) const;
  // "%x.1 : Tensor, defined by: <node>"
  void dump() const;

 private:
  friend class Node;
  friend class Graph;
  friend class Block;
  Value(Node* node, size_t offset);
  ~Value() = default;

  Node* node_;
  size_t offset_;
  size_t unique_ = 0;
  TypePtr type_;
  std::string name_;
  std::vector<Use> uses_;
};

std::ostream& operator<<(std::ostream& os, const Value& v);

}  // namespace ember::ir
