// A Block is a list of nodes with parameters and returns: the graph's body,
// and each arm of prim::If and body of prim::Loop.
//
//   block0(%i.1 : int, %a.29 : Tensor):     <- params: outputs of the prim::Param node
//     %a.19 : Tensor = aten::add(...)       <- nodes
//     -> (%33, %a.19)                       <- returns: inputs of the prim::Return node
//
// The node list is circular through the two sentinels:
// Param -> first -> ... -> last -> Return -> Param.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <iterator>

#include "ember/ir/node.h"

namespace ember::ir {

// Walks next (or prev) pointers from one node up to, not including, an end node.
class NodeIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = Node*;
  using difference_type = std::ptrdiff_t;
  using pointer = Node**;
  using reference = Node*;

  NodeIterator() = default;
  NodeIterator(Node* n, bool reverse) : n_(n), reverse_(reverse) {}
  Node* operator*() const { return n_; }
  NodeIterator& operator++() {
    n_ = reverse_ ? n_->prev() : n_->next();
    return *this;
  }
  NodeIterator operator++(int) {
    NodeIterator old = *this;
    ++*this;
    return old;
  }
  NodeIterator& operator--() {
    n_ = reverse_ ? n_->next() : n_->prev();
    return *this;
  }
  friend bool operator==(const NodeIterator& a, const NodeIterator& b) { return a.n_ == b.n_; }

 private:
  Node* n_ = nullptr;
  bool reverse_ = false;
};

// The nodes of a block, sentinels excluded. Erasing the current node while
// iterating is fine if the iterator was advanced first.
class NodeList {
 public:
  NodeList(Node* param, Node* ret, bool reverse = false) : param_(param), ret_(ret), reverse_(reverse) {}
  NodeIterator begin() const { return reverse_ ? NodeIterator(ret_->prev(), true) : NodeIterator(param_->next(), false); }
  NodeIterator end() const { return reverse_ ? NodeIterator(param_, true) : NodeIterator(ret_, false); }
  NodeList reverse() const { return NodeList(param_, ret_, !reverse_); }
  bool empty() const { return param_->next() == ret_; }
  Node* front() const { return param_->next(); }
  Node* back() const { return ret_->prev(); }

 private:
  Node* param_;
  Node* ret_;
  bool reverse_;
};

class Block {
 public:
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;

  ArrayRef<Value*> inputs() const { return param_->outputs(); }
  ArrayRef<Value*> outputs() const { return return_->inputs(); }
  NodeList nodes() const { return NodeList(param_, return_); }
  Node* paramNode() const { return param_; }
  Node* returnNode() const { return return_; }
  // The If / Loop node this block belongs to; nullptr for the graph's block.
  Node* owningNode() const { return owningNode_; }
  Graph* owningGraph() const { return graph_; }

  Value* addInput(const std::string& name = "");
  Value* insertInput(size_t i, const std::string& name = "");
  // The parameter must have no uses.
  void eraseInput(size_t i);

  size_t registerOutput(Value* v);
  size_t insertOutput(size_t i, Value* v);
  void eraseOutput(size_t i);
  void replaceOutput(size_t i, Value* v) { return_->replaceInput(i, v); }

  Node* appendNode(Node* n) { return n->insertBefore(return_); }
  Node* prependNode(Node* n) { return n->insertAfter(param_); }

  // Appends a copy of src's params and nodes to this (empty) block, mapping
  // the values src reads from outside itself through valueMap.
  void cloneFrom(const Block* src, const std::function<Value*(Value*)>& valueMap);

  // "block0(%a : int):" lines, nodes and "-> (...)" at the given level.
  void print(std::ostream& os, size_t level, size_t index = 0, bool printSourceLocations = true) const;
  void dump() const;

 private:
  friend class Node;
  friend class Graph;
  Block(Graph* graph, Node* owningNode);
  ~Block() = default;

  Graph* graph_;
  Node* param_;
  Node* return_;
  Node* owningNode_;
};

}  // namespace ember::ir
