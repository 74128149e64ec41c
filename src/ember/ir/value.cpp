#include "ember/ir/value.h"

#include <algorithm>
#include <iostream>

#include "ember/ir/graph.h"
#include "ember/support/error.h"

namespace ember::ir {

namespace {

bool isNumber(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "x.12" -> ("x", 12); names without a numeric suffix -> (name, nullopt).
std::pair<std::string, std::optional<size_t>> splitSuffix(const std::string& name) {
  size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return {name, std::nullopt};
  std::string_view digits = std::string_view(name).substr(dot + 1);
  if (!isNumber(digits) || digits.size() > 18) return {name, std::nullopt};
  return {name.substr(0, dot), std::stoull(std::string(digits))};
}

}  // namespace

Value::Value(Node* node, size_t offset) : node_(node), offset_(offset) {}

Graph* Value::owningGraph() const { return node_->owningGraph(); }

Value* Value::setType(TypePtr type) {
  type_ = std::move(type);
  return this;
}

std::string Value::debugName() const { return hasDebugName() ? name_ : std::to_string(unique_); }

std::string Value::debugNameBase() const { return splitSuffix(name_).first; }

Value* Value::setDebugName(const std::string& name) {
  EMBER_CHECK(!isNumber(name), "Invalid name: '{}'", name);
  Graph* g = owningGraph();
  auto& names = g->uniqueNames_;
  if (hasDebugName()) {
    auto it = names.find(name_);
    if (it != names.end() && it->second == this) names.erase(it);
    name_.clear();
  }
  if (name.empty()) return this;

  // As in PyTorch, the newcomer takes the name and the old owner moves to the
  // next free "base.N", so the most recent definition of `x` prints as %x.
  auto old = names.find(name);
  if (old != names.end()) {
    auto [base, suffix] = splitSuffix(name);
    size_t next = suffix.value_or(1);
    auto known = g->nameBaseSuffix_.find(base);
    if (known != g->nameBaseSuffix_.end()) next = std::max(next, known->second + 1);
    std::string replacement;
    do {
      replacement = base + "." + std::to_string(next++);
    } while (names.count(replacement) > 0);
    g->nameBaseSuffix_[base] = next;
    old->second->setDebugName(replacement);
  }
  names[name] = this;
  name_ = name;
  return this;
}

Value* Value::copyMetadata(const Value* from) {
  setType(from->type());
  if (from->hasDebugName()) setDebugName(from->debugName());
  return this;
}

void Value::replaceAllUsesWith(Value* v) {
  EMBER_CHECK(v != nullptr, "replaceAllUsesWith: null replacement for %{}", debugName());
  if (v == this) return;
  EMBER_CHECK(v->owningGraph() == owningGraph(), "replaceAllUsesWith: %{} belongs to another graph", v->debugName());
  for (const Use& u : uses_) {
    u.user->inputs_[u.offset] = v;
    v->uses_.push_back(u);
  }
  uses_.clear();
}

void Value::replaceFirstUseWith(Value* v) {
  EMBER_CHECK(!uses_.empty(), "replaceFirstUseWith: %{} has no uses", debugName());
  Use u = uses_.front();
  u.user->replaceInput(u.offset, v);
}

void Value::replaceAllUsesAfterNodeWith(const Node* after, Value* v) {
  std::vector<Use> later;
  for (const Use& u : uses_)
    if (u.user->isAfter(after)) later.push_back(u);
  for (const Use& u : later) u.user->replaceInput(u.offset, v);
}

void Value::print(std::ostream& os) const { os << '%' << debugName(); }

std::ostream& operator<<(std::ostream& os, const Value& v) {
  v.print(os);
  return os;
}

}  // namespace ember::ir
