#include "ember/ir/verifier.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "ember/ir/graph.h"
#include "ember/support/error.h"

namespace ember::ir {

namespace {

std::string describe(const Node* n) {
  std::ostringstream os;
  n->printSignature(os, /*printSourceLocations=*/false);
  return os.str();
}

std::string name(const Value* v) { if (v == nullptr) return "%<null>";
  return fmt::format("%{}", v->debugName()); }

class Verifier {
 public:
  explicit Verifier(const Graph& g) : g_(g) {}

  std::vector<std::string> run() {
    checkBlock(g_.block(), nullptr);
    checkUseLists();
    checkDangling();
    return std::move(problems_);
  }

 private:
  template <class... Args>
  void problem(const Node* n, fmt::format_string<Args...> f, Args&&... args) {
    std::string msg = fmt::format(f, std::forward<Args>(args)...);
    problems_.push_back(n == nullptr ? msg : fmt::format("{}: {}", describe(n), msg));
  }

  // ---- definitions

  void define(const Value* v, const Node* n, size_t offset, std::vector<const Value*>& scope) {
    if (v == nullptr) {
      problem(n, "output {} is null", offset);
      return;
    }
    if (v->node() != n || v->offset() != offset)
      problem(n, "{} is output {} but records being output {} of another node", name(v), offset, v->offset());
    if (!v->type()) problem(n, "{} has no type", name(v));
    if (!uniques_.insert(v->unique()).second) problem(n, "value number {} is used twice", v->unique());
    if (v->hasDebugName() && !names_.insert(v->debugName()).second)
      problem(n, "debug name {} is used twice", name(v));
    defined_.push_back(v);
    visible_.insert(v);
    scope.push_back(v);
  }

  void checkInputs(const Node* n) {
    for (size_t i = 0; i < n->inputs().size(); ++i) {
      const Value* v = n->inputs()[i];
      if (v == nullptr) {
        problem(n, "input {} is null", i);
        continue;
      }
      if (!visible_.count(v)) {
        problem(n, "input {} ({}) is not defined before this use (its definition does not dominate it)", i, name(v));
        continue;
      }
      auto count = std::count(v->uses().begin(), v->uses().end(), Use{const_cast<Node*>(n), i});
      if (count != 1) problem(n, "input {} ({}) has {} entries for this slot in its use list, expected 1", i, name(v), count);
    }
  }

  // ---- blocks and nodes

  void checkBlock(const Block* b, const Node* owner) {
    if (b == nullptr) {
      problem(owner, "has a null block");
      return;
    }
    if (b->owningGraph() != &g_) problem(owner, "has a block of another graph");
    if (b->owningNode() != owner) problem(owner, "holds a block that names another owning node");
    const Node* param = b->paramNode();
    const Node* ret = b->returnNode();
    if (param == nullptr || ret == nullptr || param->kind() != prim::Param || ret->kind() != prim::Return) {
      problem(owner, "has a block without its prim::Param / prim::Return sentinels");
      return;
    }
    if (param->owningBlock() != b || ret->owningBlock() != b) problem(owner, "has block sentinels owned by another block");
    reached_.insert(param);
    reached_.insert(ret);

    std::vector<const Value*> scope;
    for (size_t i = 0; i < param->outputs().size(); ++i) define(param->outputs()[i], param, i, scope);

    size_t budget = g_.allNodes().size() + 1;
    const Node* prev = param;
    for (const Node* n = param->next(); n != ret; prev = n, n = n->next()) {
      if (n == nullptr) {
        problem(owner, "block node list is broken (null link after {})", prev == param ? "the params" : describe(prev));
        break;
      }
      if (budget-- == 0 || reached_.count(n)) {
        problem(owner, "block node list has a cycle");
        break;
      }
      if (!g_.allNodes().count(const_cast<Node*>(n))) {
        problem(owner, "block lists a node that does not belong to the graph");
        break;
      }
      if (n->prev() != prev) problem(n, "prev link does not point at the node before it");
      if (n->owningBlock() != b) problem(n, "is listed in a block other than its owning block");
      checkNode(n, scope);
    }
    if (ret->prev() == nullptr || (ret->prev() != prev && ret->prev()->next() != ret))
      problem(owner, "block's return node has a broken prev link");
    reached_.insert(ret);
    checkInputs(ret);
    for (const Value* v : scope) visible_.erase(v);
  }

  void checkNode(const Node* n, std::vector<const Value*>& scope) {
    reached_.insert(n);
    if (!n->kind()) problem(n, "has an empty kind");
    if (n->kind() == prim::Param || n->kind() == prim::Return) problem(n, "sentinel node in the middle of a block");
    if (n->owningGraph() != &g_) problem(n, "belongs to another graph");
    checkInputs(n);
    // The node's own outputs are not visible inside its blocks.
    for (const Block* b : n->blocks()) checkBlock(b, n);
    for (size_t i = 0; i < n->outputs().size(); ++i) define(n->outputs()[i], n, i, scope);

    if (n->kind() == prim::If) checkIf(n);
    if (n->kind() == prim::Loop) checkLoop(n);
    if (n->kind() == prim::Constant) checkConstant(n);
  }

  static bool hasKind(const Value* v, TypeKind k) { return v != nullptr && v->type() && v->type()->kind() == k; }
  static bool subtype(const Value* v, const Value* of) {
    if (v == nullptr || of == nullptr || !v->type() || !of->type()) return true;  // reported elsewhere
    return v->type()->isSubtypeOf(*of->type());
  }
  static std::string typeOf(const Value* v) { return v != nullptr && v->type() ? v->type()->str() : "<null type>"; }

  void checkIf(const Node* n) {
    if (n->inputs().size() != 1) problem(n, "prim::If takes 1 input (the condition), not {}", n->inputs().size());
    if (!n->inputs().empty() && n->inputs()[0] && n->inputs()[0]->type() && !hasKind(n->inputs()[0], TypeKind::Bool))
      problem(n, "prim::If condition {} is {}, not bool", name(n->inputs()[0]), typeOf(n->inputs()[0]));
    if (n->blocks().size() != 2) {
      problem(n, "prim::If has {} blocks, expected 2", n->blocks().size());
      return;
    }
    for (size_t bi = 0; bi < 2; ++bi) {
      const Block* b = n->blocks()[bi];
      if (b == nullptr) continue;
      if (!b->inputs().empty()) problem(n, "prim::If block{} has {} params, expected none", bi, b->inputs().size());
      if (b->outputs().size() != n->outputs().size()) {
        problem(n, "prim::If block{} returns {} values but the node has {} outputs", bi, b->outputs().size(),
                n->outputs().size());
        continue;
      }
      for (size_t i = 0; i < b->outputs().size(); ++i)
        if (!subtype(b->outputs()[i], n->outputs()[i]))
          problem(n, "prim::If block{} returns {} of type {} for output {} of type {}", bi, name(b->outputs()[i]),
                  typeOf(b->outputs()[i]), name(n->outputs()[i]), typeOf(n->outputs()[i]));
    }
  }

  void checkLoop(const Node* n) {
    if (n->inputs().size() < 2) {
      problem(n, "prim::Loop takes (max_trip_count, cond, carried...), got {} inputs", n->inputs().size());
      return;
    }
    size_t carried = n->inputs().size() - 2;
    if (n->inputs()[0] && n->inputs()[0]->type() && !hasKind(n->inputs()[0], TypeKind::Int))
      problem(n, "prim::Loop max_trip_count {} is {}, not int", name(n->inputs()[0]), typeOf(n->inputs()[0]));
    if (n->inputs()[1] && n->inputs()[1]->type() && !hasKind(n->inputs()[1], TypeKind::Bool))
      problem(n, "prim::Loop condition {} is {}, not bool", name(n->inputs()[1]), typeOf(n->inputs()[1]));
    if (n->outputs().size() != carried)
      problem(n, "prim::Loop has {} outputs for {} loop-carried inputs", n->outputs().size(), carried);
    if (n->blocks().size() != 1) {
      problem(n, "prim::Loop has {} blocks, expected 1", n->blocks().size());
      return;
    }
    const Block* body = n->blocks()[0];
    if (body == nullptr) return;
    if (body->inputs().size() != 1 + carried) {
      problem(n, "prim::Loop body has {} params, expected {} (iteration + {} carried)", body->inputs().size(),
              1 + carried, carried);
    } else if (body->inputs()[0] && body->inputs()[0]->type() && !hasKind(body->inputs()[0], TypeKind::Int)) {
      problem(n, "prim::Loop body's iteration param {} is {}, not int", name(body->inputs()[0]), typeOf(body->inputs()[0]));
    }
    if (body->outputs().size() != 1 + carried) {
      problem(n, "prim::Loop body returns {} values, expected {} (condition + {} carried)", body->outputs().size(),
              1 + carried, carried);
    } else if (body->outputs()[0] && body->outputs()[0]->type() && !hasKind(body->outputs()[0], TypeKind::Bool)) {
      problem(n, "prim::Loop body's condition {} is {}, not bool", name(body->outputs()[0]), typeOf(body->outputs()[0]));
    }
    if (n->outputs().size() != carried || body->inputs().size() != 1 + carried || body->outputs().size() != 1 + carried)
      return;
    for (size_t i = 0; i < carried; ++i) {
      const Value* out = n->outputs()[i];
      if (!subtype(n->inputs()[i + 2], out))
        problem(n, "loop-carried input {} ({}) is not a subtype of output {} ({})", name(n->inputs()[i + 2]),
                typeOf(n->inputs()[i + 2]), name(out), typeOf(out));
      if (!subtype(body->outputs()[i + 1], out))
        problem(n, "loop body returns {} ({}) for output {} ({})", name(body->outputs()[i + 1]),
                typeOf(body->outputs()[i + 1]), name(out), typeOf(out));
      const Value* param = body->inputs()[i + 1];
      if (param && out && param->type() && out->type() && !param->type()->equals(*out->type()))
        problem(n, "loop body param {} ({}) and output {} ({}) differ in type", name(param), typeOf(param), name(out),
                typeOf(out));
    }
  }

  void checkConstant(const Node* n) {
    if (!n->inputs().empty()) problem(n, "prim::Constant has inputs");
    if (!n->blocks().empty()) problem(n, "prim::Constant has blocks");
    if (n->outputs().size() != 1) {
      problem(n, "prim::Constant has {} outputs, expected 1", n->outputs().size());
      return;
    }
    const Value* out = n->outputs()[0];
    bool none = hasKind(out, TypeKind::None);
    // A function constant names its callee instead of holding a value.
    if (hasKind(out, TypeKind::Function)) {
      if (!n->hasAttribute(attr::name)) problem(n, "prim::Constant of type Function has no name");
      return;
    }
    if (!none && !n->hasAttribute(attr::value)) problem(n, "prim::Constant of type {} has no value", typeOf(out));
    if (none && n->hasAttribute(attr::value)) problem(n, "prim::Constant of type NoneType has a value");
  }

  // ---- whole-graph checks

  void checkUseLists() {
    std::unordered_set<const Value*> seen;
    for (const Value* v : defined_) {
      if (v == nullptr || !seen.insert(v).second) continue;
      for (const Use& u : v->uses()) {
        if (!reached_.count(u.user)) {
          problems_.push_back(fmt::format("{} is used by a node that is not in the graph", name(v)));
          continue;
        }
        if (u.offset >= u.user->inputs().size() || u.user->inputs()[u.offset] != v)
          problem(u.user, "{}'s use list names input {} of this node, which does not read it", name(v), u.offset);
      }
    }
  }

  void checkDangling() {
    std::vector<std::string> dangling;
    for (const Node* n : g_.allNodes()) {
      if (reached_.count(n) || n->inBlockList()) continue;
      dangling.push_back(fmt::format("{}: node is not in any block (insert it or destroy it)", describe(n)));
    }
    std::sort(dangling.begin(), dangling.end());
    problems_.insert(problems_.end(), dangling.begin(), dangling.end());
  }

  const Graph& g_;
  std::vector<std::string> problems_;
  std::unordered_set<const Value*> visible_;
  std::vector<const Value*> defined_;
  std::unordered_set<const Node*> reached_;
  std::unordered_set<size_t> uniques_;
  std::unordered_set<std::string> names_;
};

}  // namespace

std::vector<std::string> verify(const Graph& graph) { return Verifier(graph).run(); }

void verifyOrThrow(const Graph& graph, std::string_view context) {
  std::vector<std::string> problems = verify(graph);
  if (problems.empty()) return;
  std::ostringstream os;
  os << (context.empty() ? std::string("ill-formed graph") : fmt::format("ill-formed graph after {}", context)) << " ("
     << problems.size() << (problems.size() == 1 ? " problem" : " problems") << "):\n";
  for (const auto& p : problems) os << "  " << p << '\n';
  os << graph.str();
  throw Error(ErrorKind::Runtime, os.str());
}

}  // namespace ember::ir
