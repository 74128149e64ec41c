#include "ember/ir/node.h"

#include <algorithm>
#include <unordered_set>

#include "ember/ir/graph.h"
#include "ember/ops/registry.h"
#include "ember/support/error.h"

namespace ember::ir {

std::string_view attributeKindName(AttributeKind kind) {
  switch (kind) {
    case AttributeKind::Int: return "i";
    case AttributeKind::Float: return "f";
    case AttributeKind::String: return "s";
    case AttributeKind::Ints: return "is";
    case AttributeKind::Floats: return "fs";
    case AttributeKind::Strings: return "ss";
    case AttributeKind::Type: return "ty";
    case AttributeKind::IValue: return "ival";
  }
  return "?";
}

Node::Node(Graph* graph, Symbol kind) : graph_(graph), kind_(kind) {}

Node::~Node() = default;

// ---- inputs and outputs

Value* Node::input(size_t i) const {
  EMBER_CHECK(i < inputs_.size(), "{}: input {} out of range ({} inputs)", kind_, i, inputs_.size());
  return inputs_[i];
}

Value* Node::output(size_t i) const {
  EMBER_CHECK(i < outputs_.size(), "{}: output {} out of range ({} outputs)", kind_, i, outputs_.size());
  return outputs_[i];
}

Value* Node::input() const {
  EMBER_CHECK(inputs_.size() == 1, "{} has {} inputs, expected one", kind_, inputs_.size());
  return inputs_[0];
}

Value* Node::output() const {
  EMBER_CHECK(outputs_.size() == 1, "{} has {} outputs, expected one", kind_, outputs_.size());
  return outputs_[0];
}

bool Node::hasUses() const {
  return std::any_of(outputs_.begin(), outputs_.end(), [](const Value* v) { return v->hasUses(); });
}

static void checkInputValue(const Node* n, const Value* v) {
  EMBER_CHECK(v != nullptr, "{}: null input value", n->kind());
  EMBER_CHECK(v->owningGraph() == n->owningGraph(), "{}: input %{} belongs to another graph", n->kind(),
              v->debugName());
}

Value* Node::addInput(Value* v) {
  checkInputValue(this, v);
  v->uses_.push_back(Use{this, inputs_.size()});
  inputs_.push_back(v);
  return v;
}

Value* Node::insertInput(size_t i, Value* v) {
  checkInputValue(this, v);
  EMBER_CHECK(i <= inputs_.size(), "{}: cannot insert input at {} ({} inputs)", kind_, i, inputs_.size());
  inputs_.insert(inputs_.begin() + static_cast<std::ptrdiff_t>(i), v);
  renumberInputUses(i);
  return v;
}

Value* Node::replaceInput(size_t i, Value* v) {
  checkInputValue(this, v);
  EMBER_CHECK(i < inputs_.size(), "{}: input {} out of range ({} inputs)", kind_, i, inputs_.size());
  Value* old = inputs_[i];
  dropInput(i);
  inputs_[i] = v;
  v->uses_.push_back(Use{this, i});
  return old;
}

void Node::replaceInputWith(Value* from, Value* to) {
  for (size_t i = 0; i < inputs_.size(); ++i)
    if (inputs_[i] == from) replaceInput(i, to);
}

void Node::removeInput(size_t i) {
  EMBER_CHECK(i < inputs_.size(), "{}: input {} out of range ({} inputs)", kind_, i, inputs_.size());
  dropInput(i);
  inputs_.erase(inputs_.begin() + static_cast<std::ptrdiff_t>(i));
  renumberInputUses(i);
}

void Node::removeAllInputs() {
  for (size_t i = 0; i < inputs_.size(); ++i) dropInput(i);
  inputs_.clear();
}

void Node::dropInput(size_t i) {
  Value* v = inputs_[i];
  if (v == nullptr) return;
  auto it = std::find(v->uses_.begin(), v->uses_.end(), Use{this, i});
  if (it != v->uses_.end()) v->uses_.erase(it);
}

// Slots from `from` on have moved: this node's uses recorded at offsets >=
// from are stale. Rebuild them from the input list (a value may fill several
// slots, so recount rather than shift).
void Node::renumberInputUses(size_t from) {
  std::vector<Value*> seen;
  for (size_t j = from; j < inputs_.size(); ++j) {
    Value* v = inputs_[j];
    if (v == nullptr || std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
    seen.push_back(v);
    std::erase_if(v->uses_, [&](const Use& u) { return u.user == this && u.offset >= from; });
    for (size_t k = from; k < inputs_.size(); ++k)
      if (inputs_[k] == v) v->uses_.push_back(Use{this, k});
  }
}

Value* Node::addOutput() {
  Value* v = graph_->newValue(this, outputs_.size());
  outputs_.push_back(v);
  return v;
}

Value* Node::insertOutput(size_t i) {
  EMBER_CHECK(i <= outputs_.size(), "{}: cannot insert output at {} ({} outputs)", kind_, i, outputs_.size());
  Value* v = graph_->newValue(this, i);
  outputs_.insert(outputs_.begin() + static_cast<std::ptrdiff_t>(i), v);
  renumberOutputs(i);
  return v;
}

void Node::eraseOutput(size_t i) {
  EMBER_CHECK(i < outputs_.size(), "{}: output {} out of range ({} outputs)", kind_, i, outputs_.size());
  Value* v = outputs_[i];
  EMBER_CHECK(!v->hasUses(), "cannot erase output %{} of {}: it still has uses", v->debugName(), kind_);
  outputs_.erase(outputs_.begin() + static_cast<std::ptrdiff_t>(i));
  graph_->freeValue(v);
  renumberOutputs(i);
}

void Node::renumberOutputs(size_t from) {
  for (size_t j = from; j < outputs_.size(); ++j) outputs_[j]->offset_ = j;
}

// ---- blocks

Block* Node::addBlock() {
  Block* b = graph_->newBlock(this);
  blocks_.push_back(b);
  return b;
}

namespace {

// Calls f on every value defined in b: its params and the outputs of every
// node in it, at any depth.
template <class F>
void forEachValueDefinedIn(const Block* b, F&& f) {
  for (const Value* v : b->inputs()) f(v);
  for (const Node* n : b->nodes()) {
    for (const Value* v : n->outputs()) f(v);
    for (const Block* inner : n->blocks()) forEachValueDefinedIn(inner, f);
  }
}

bool isInsideBlock(const Node* n, const Block* b) {
  for (const Node* m = n; m != nullptr; m = m->owningBlock() ? m->owningBlock()->owningNode() : nullptr)
    if (m->owningBlock() == b) return true;
  return false;
}

}  // namespace

void Node::eraseBlock(size_t i) {
  EMBER_CHECK(i < blocks_.size(), "{}: block {} out of range ({} blocks)", kind_, i, blocks_.size());
  Block* b = blocks_[i];
  // Check before changing anything, so a refused erase leaves the graph as it was.
  forEachValueDefinedIn(b, [&](const Value* v) {
    for (const Use& u : v->uses())
      EMBER_CHECK(isInsideBlock(u.user, b), "cannot erase block {} of {}: %{} is used outside it", i, kind_,
                  v->debugName());
  });
  for (Node* n = b->paramNode()->next(); n != nullptr; n = n == b->returnNode() ? nullptr : n->next()) {
    n->dropNestedReferences();
    n->removeAllInputs();
  }
  if (isInsideBlock(graph_->insertBefore_, b)) graph_->insertBefore_ = graph_->returnNode();
  blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(i));
  graph_->freeBlock(b);
}

// ---- position

static void checkInsertable(const Node* self, const Node* n) {
  EMBER_CHECK(n != nullptr && n->inBlockList(), "{}: insertion point is not in a block", self->kind());
  EMBER_CHECK(n->owningGraph() == self->owningGraph(), "{}: insertion point belongs to another graph", self->kind());
  EMBER_CHECK(!self->encloses(n), "{}: cannot move a node into its own block", self->kind());
}

Node* Node::insertBefore(Node* n) {
  EMBER_CHECK(!inBlockList(), "{}: node is already in a block", kind_);
  checkInsertable(this, n);
  EMBER_CHECK(n->kind_ != prim::Param, "{}: cannot insert before a block's parameter node", kind_);
  Node* before = n->prev_;
  prev_ = before;
  next_ = n;
  before->next_ = this;
  n->prev_ = this;
  owningBlock_ = n->owningBlock_;
  return this;
}

Node* Node::insertAfter(Node* n) {
  checkInsertable(this, n);
  EMBER_CHECK(n->kind_ != prim::Return, "{}: cannot insert after a block's return node", kind_);
  return insertBefore(n->next_);
}

void Node::moveBefore(Node* n) {
  if (n == this) return;
  checkInsertable(this, n);
  removeFromList();
  insertBefore(n);
}

void Node::moveAfter(Node* n) {
  if (n == this) return;
  checkInsertable(this, n);
  removeFromList();
  insertAfter(n);
}

void Node::removeFromList() {
  EMBER_CHECK(inBlockList(), "{}: node is not in a block", kind_);
  EMBER_CHECK(kind_ != prim::Param && kind_ != prim::Return, "cannot remove a block's {} node", kind_);
  prev_->next_ = next_;
  next_->prev_ = prev_;
  next_ = prev_ = nullptr;
  owningBlock_ = nullptr;
}

bool Node::encloses(const Node* n) const {
  for (const Node* m = n; m != nullptr; m = m->owningBlock_ ? m->owningBlock_->owningNode() : nullptr)
    if (m == this) return true;
  return false;
}

static const Node* parentNode(const Node* n) { return n->owningBlock() ? n->owningBlock()->owningNode() : nullptr; }

bool Node::isBefore(const Node* n) const {
  EMBER_CHECK(inBlockList() && n->inBlockList(), "isBefore: both nodes must be in a block");
  // Lift both to their first common block, then walk that block's list.
  for (const Node* a = this; a != nullptr; a = parentNode(a)) {
    for (const Node* b = n; b != nullptr; b = parentNode(b)) {
      if (a->owningBlock_ != b->owningBlock_) continue;
      if (a == b) return false;
      for (const Node* m = a->next_; m != nullptr; m = m->next_) {
        if (m == b) return true;
        if (m->kind_ == prim::Return) return false;
      }
      return false;
    }
  }
  return false;
}

// ---- destruction

void Node::dropNestedReferences() {
  for (Block* b : blocks_) {
    for (Node* n = b->paramNode()->next(); n != nullptr; n = n == b->returnNode() ? nullptr : n->next()) {
      n->dropNestedReferences();
      n->removeAllInputs();
    }
  }
}

void Node::destroy() {
  EMBER_CHECK(kind_ != prim::Param && kind_ != prim::Return, "cannot destroy a block's {} node", kind_);
  for (const Value* v : outputs_)
    EMBER_CHECK(!v->hasUses(), "cannot destroy {}: output %{} still has uses", kind_, v->debugName());
  for (const Block* b : blocks_)
    forEachValueDefinedIn(b, [&](const Value* v) {
      for (const Use& u : v->uses())
        EMBER_CHECK(encloses(u.user), "cannot destroy {}: %{} defined inside it is used outside", kind_,
                    v->debugName());
    });
  if (encloses(graph_->insertBefore_)) graph_->insertBefore_ = inBlockList() ? next_ : graph_->returnNode();
  dropNestedReferences();
  removeAllInputs();
  if (inBlockList()) removeFromList();
  for (Block* b : blocks_) graph_->freeBlock(b);
  blocks_.clear();
  graph_->freeNode(this);
}

// ---- attributes

const Attribute* Node::findAttribute(Symbol name) const {
  for (const Attribute& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

const Attribute& Node::checkedAttribute(Symbol name, AttributeKind kind) const {
  const Attribute* a = findAttribute(name);
  EMBER_CHECK(a != nullptr, "{} has no attribute '{}'", kind_, name.toUnqualString());
  EMBER_CHECK(a->kind() == kind, "attribute '{}' of {} is of kind {}, not {}", name.toUnqualString(), kind_,
              attributeKindName(a->kind()), attributeKindName(kind));
  return *a;
}

AttributeKind Node::attributeKind(Symbol name) const {
  const Attribute* a = findAttribute(name);
  EMBER_CHECK(a != nullptr, "{} has no attribute '{}'", kind_, name.toUnqualString());
  return a->kind();
}

void Node::removeAttribute(Symbol name) {
  auto it = std::find_if(attributes_.begin(), attributes_.end(), [&](const Attribute& a) { return a.name == name; });
  EMBER_CHECK(it != attributes_.end(), "{} has no attribute '{}'", kind_, name.toUnqualString());
  attributes_.erase(it);
}

Node* Node::setAttribute(Symbol name, AttributeValue value) {
  EMBER_CHECK(static_cast<bool>(name), "{}: attribute with an empty name", kind_);
  for (Attribute& a : attributes_) {
    if (a.name != name) continue;
    a.value = std::move(value);
    return this;
  }
  attributes_.push_back(Attribute{name, std::move(value)});
  return this;
}

void Node::copyAttributes(const Node& from) { attributes_ = from.attributes_; }

// ---- effects

namespace {

// Ops with effects beyond their outputs that a schema's alias annotations do
// not show (PyTorch's Node::hasSideEffects list).
bool isEffectfulOpName(Symbol kind) {
  static const std::unordered_set<Symbol> names = [] {
    std::unordered_set<Symbol> s;
    for (const char* n : {"aten::warn", "aten::save", "aten::manual_seed", "aten::wait", "aten::backward"})
      s.insert(Symbol::fromQualString(n));
    return s;
  }();
  return names.count(kind) > 0;
}

// Without a resolved schema, guess writes from the name: the in-place
// convention (add_, but not __and__) and the list and dict methods that mutate
// their receiver.
bool looksMutating(Symbol kind) {
  static const std::unordered_set<Symbol> names = [] {
    std::unordered_set<Symbol> s;
    for (const char* n : {"append", "extend", "insert", "pop", "remove", "clear", "_set_item", "setdefault", "update",
                          "popitem", "reverse", "sort", "Delete", "__setitem__", "__delitem__"})
      s.insert(Symbol::aten(n));
    return s;
  }();
  if (names.count(kind) > 0) return true;
  std::string_view name = kind.toUnqualString();
  bool dunder = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  return !dunder && name.size() > 1 && name.back() == '_';
}

}  // namespace

bool Node::hasSideEffects() const {
  if (kind_ == prim::Param || kind_ == prim::Return) return false;
  if (builtinHasSideEffects(kind_) || isEffectfulOpName(kind_)) return true;
  for (const Block* b : blocks_)
    for (const Node* n : b->nodes())
      if (n->hasSideEffects()) return true;
  if (op_ != nullptr) {
    for (const auto& a : op_->schema.arguments)
      if (a.isWrite) return true;
    return false;
  }
  if (kind_.builtin() == BuiltinSymbol::NumBuiltins && looksMutating(kind_)) return true;
  // A node that produces nothing is there for its effect.
  return outputs_.empty() && blocks_.empty();
}

}  // namespace ember::ir
