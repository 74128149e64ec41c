// Iteration (for loops and comprehensions): range, lists, strings, dict keys,
// tensors (along dim 0), enumerate and zip become one prim::Loop with a trip
// count; tuples are unrolled.
#include <fmt/format.h>

#include <algorithm>

#include "ember/compiler/emitter.h"
#include "ember/ops/registry.h"
#include "ember/value/enum_type.h"

namespace ember::compiler {

std::optional<IterPlan> FunctionEmitter::planIter(const ast::Expr& iter) {
  const SourceRange& r = iter.range();
  auto* call = ast::dyn_cast<ast::Call>(&iter);
  std::string builtin;
  if (call)
    if (auto* n = ast::dyn_cast<ast::Name>(call->func.get()); n && !lookupNoError(n->id)) builtin = n->id;
  if (builtin == "range") {
    std::vector<Value*> a;
    for (const auto& x : call->args) a.push_back(emitExpr(*x));
    for (Value* v : a)
      if (isPoison(v)) return std::nullopt;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i]->type()->kind() != TypeKind::Int) {
        error(call->args[i]->range(), "range() expects int arguments, not " + a[i]->type()->str());
        return std::nullopt;
      }
    IterPlan p;
    if (a.size() == 1) {
      p.trip = a[0];
      p.get = [](Value* i) { return std::vector<Value*>{i}; };
      return p;
    }
    if (a.size() < 2 || a.size() > 3) {
      error(r, "range() expects 1 to 3 arguments");
      return std::nullopt;
    }
    Value* step = a.size() == 3 ? a[2] : constant(IValue(int64_t(1)), r);
    Value* start = a[0];
    p.trip = callOp("aten::__range_length", {{start, r}, {a[1], r}, {step, r}}, r);
    p.get = [this, start, step, r](Value* i) {
      return std::vector<Value*>{callOp("aten::__derive_index", {{i, r}, {start, r}, {step, r}}, r)};
    };
    return p;
  }
  if (builtin == "enumerate" || builtin == "zip") {
    std::vector<IterPlan> inner;
    // enumerate(xs, start): only the first argument is iterated.
    const size_t iterated = builtin == "enumerate" ? std::min<size_t>(call->args.size(), 1) : call->args.size();
    for (size_t k = 0; k < iterated; ++k) {
      const auto& x = call->args[k];
      auto ip = planIter(*x);
      if (!ip) return std::nullopt;
      if (ip->isTuple) {
        error(x->range(), "cannot " + builtin + " over a tuple");
        return std::nullopt;
      }
      inner.push_back(*ip);
    }
    if (inner.empty()) {
      error(r, builtin + "() needs an argument");
      return std::nullopt;
    }
    IterPlan p;
    if (builtin == "enumerate") {
      Value* start = nullptr;
      if (call->args.size() > 2) {
        error(r, "enumerate() takes one iterable (and an optional start)");
        return std::nullopt;
      }
      if (call->args.size() == 2) start = emitExpr(*call->args[1]);
      for (const auto& kw : call->keywords)
        if (kw.name == "start") start = emitExpr(*kw.value);
      p.trip = inner[0].trip;
      auto get = inner[0].get;
      p.get = [this, get, start, r](Value* i) {
        Value* idx = start ? callOp("aten::add", {{i, r}, {start, r}}, r) : i;
        std::vector<Value*> out{idx};
        auto rest = get(i);
        if (rest.size() == 1) {
          out.push_back(rest[0]);
        } else {
          ir::Node* t = graph.createTuple(rest);
          out.push_back(graph.insertNode(t)->output());
        }
        return out;
      };
      return p;
    }
    Value* trip = inner[0].trip;
    for (size_t k = 1; k < inner.size(); ++k) trip = callOp("prim::min", {{trip, r}, {inner[k].trip, r}}, r);
    p.trip = trip;
    p.get = [this, inner](Value* i) {
      std::vector<Value*> out;
      for (const auto& ip : inner) {
        auto v = ip.get(i);
        if (v.size() == 1) {
          out.push_back(v[0]);
        } else {
          ir::Node* t = graph.createTuple(v);
          out.push_back(graph.insertNode(t)->output());
        }
      }
      return out;
    };
    return p;
  }
  if (builtin == "reversed") {
    // TorchScript 1.13 has reversed() only as a Tensor builtin, and refuses it on lists.
    error(r, "reversed() is not supported on this value in TorchScript",
          "iterate over indices instead: `for i in range(len(xs) - 1, -1, -1)`");
    return std::nullopt;
  }
  SV sv = emitSugared(iter);
  // `for c in Color`: the members, a constant list (as PyTorch emits it).
  if (sv->kind == Sugared::Kind::Class && sv->cls->isEnum) {
    TypePtr et = useEnum(*sv->cls, r, diag());
    if (!et) return std::nullopt;
    std::vector<IValue> members;
    for (const auto& m : asEnum(et)->members()) members.push_back(makeEnumValue(et, m.name));
    sv = std::make_shared<Sugared>();
    sv->value = constant(IValue(makeList(et, std::move(members))), r);
  }
  Value* v = asValue(sv, r);
  if (isPoison(v)) return std::nullopt;
  const TypePtr& t = v->type();
  IterPlan p;
  switch (t->kind()) {
    case TypeKind::Tuple: {
      p.isTuple = true;
      ir::Node* un = graph.createTupleUnpack(v);
      graph.insertNode(un);
      p.unrolled.assign(un->outputs().begin(), un->outputs().end());
      return p;
    }
    case TypeKind::List:
    case TypeKind::Str:
      p.trip = callOp("aten::len", {{v, r}}, r);
      p.get = [this, v, r](Value* i) { return std::vector<Value*>{callOp("aten::__getitem__", {{v, r}, {i, r}}, r)}; };
      return p;
    case TypeKind::Dict: {
      Value* keys = callOp("aten::keys", {{v, r}}, r);
      p.trip = callOp("aten::len", {{keys, r}}, r);
      p.get = [this, keys, r](Value* i) {
        return std::vector<Value*>{callOp("aten::__getitem__", {{keys, r}, {i, r}}, r)};
      };
      return p;
    }
    case TypeKind::Tensor:
      p.trip = callOp("aten::len", {{v, r}}, r);
      p.get = [this, v, r](Value* i) {
        return std::vector<Value*>{callOp("aten::select", {{v, r}, {constant(IValue(int64_t(0)), r), r}, {i, r}}, r)};
      };
      return p;
    default: break;
  }
  std::optional<std::string> hint;
  if (t->kind() == TypeKind::Optional) hint = "refine it first, e.g. `assert x is not None`";
  error(r, fmt::format("'{}' object is not iterable", t->str()), hint);
  return std::nullopt;
}

namespace {
void bindCompTarget(FunctionEmitter& em, const ast::Expr& target, const std::vector<Value*>& vals) {
  if (vals.size() == 1) return em.assignTarget(target, vals[0], target.range());
  if (auto* t = ast::dyn_cast<ast::Tuple>(&target); t && t->elts.size() == vals.size()) {
    for (size_t i = 0; i < vals.size(); ++i) em.assignTarget(*t->elts[i], vals[i], t->elts[i]->range());
    return;
  }
  ir::Node* tn = em.graph.createTuple(vals);
  em.graph.insertNode(tn);
  em.assignTarget(target, tn->output(), target.range());
}
}  // namespace

// Generator expressions are built as list comprehensions, as TorchScript's
// front end does (`sum(x for x in xs)` is `sum([x for x in xs])`).
Value* FunctionEmitter::emitListComp(const ast::Expr& elt, const std::vector<ast::Comprehension>& generators,
                                     const SourceRange& r, const TypePtr& hint) {
  if (generators.size() != 1) {
    error(r, "TorchScript supports comprehensions with a single `for` only");
    return poison();
  }
  const ast::Comprehension& gen = generators[0];
  auto scope = pushFrame();
  auto plan = planIter(*gen.iter);
  if (!plan || plan->isTuple) {
    if (plan) error(gen.iter->range(), "list comprehensions over tuples are not supported");
    popFrame(scope);
    return poison();
  }
  ir::Node* listNode = graph.create(ir::prim::ListConstruct, 1);
  listNode->setSourceLoc(loc(r));
  graph.insertNode(listNode);
  Value* list = listNode->output();
  TypePtr elemHint = hint && hint->kind() == TypeKind::List ? hint->elementType() : nullptr;
  TypePtr elemType = elemHint;
  const ops::Operator* append = ops::Registry::global().find("aten::append.t");
  emitLoop(
      plan->trip, constant(IValue(true), r),
      [&](Value* i) {
        bindCompTarget(*this, *gen.target, plan->get(i));
        auto body = [&]() -> ExitInfo {
          Value* v = emitExpr(elt, elemHint);
          if (isPoison(v)) return {};
          if (!elemType) elemType = v->type();
          else if (!isSubtypeForArg(v->type(), elemType)) error(elt.range(), "list comprehension element type mismatch");
          ir::Node* n = graph.create(ir::Symbol::aten("append"), {list, v});
          n->output()->setType(types::list(elemType));
          n->setOp(append);
          n->setSourceLoc(loc(r));
          graph.insertNode(n);
          return {};
        };
        if (gen.ifs.empty()) {
          body();
          return;
        }
        // PyTorch 1.13 refuses these; so does ember, to stay source compatible.
        error(gen.ifs[0]->range(), "Comprehension ifs are not supported yet",
              "filter in a for loop: `for x in xs: if cond: out.append(x)`");
        CondValue c = emitCondition(*gen.ifs[0]);
        emitIfWith(c, body, [] { return ExitInfo{}; }, r);
      },
      nullptr, r);
  popFrame(scope);
  list->setType(types::list(elemType ? elemType : types::tensor()));
  return list;
}

Value* FunctionEmitter::emitDictComp(const ast::DictComp& e, const TypePtr& hint) {
  const SourceRange& r = e.range();
  if (e.generators.size() != 1) {
    error(r, "TorchScript supports comprehensions with a single `for` only");
    return poison();
  }
  const ast::Comprehension& gen = e.generators[0];
  auto scope = pushFrame();
  auto plan = planIter(*gen.iter);
  if (!plan || plan->isTuple) {
    popFrame(scope);
    return poison();
  }
  ir::Node* dictNode = graph.create(ir::prim::DictConstruct, 1);
  dictNode->setSourceLoc(loc(r));
  graph.insertNode(dictNode);
  Value* dict = dictNode->output();
  TypePtr kt = hint && hint->kind() == TypeKind::Dict ? hint->keyType() : nullptr;
  TypePtr vt = hint && hint->kind() == TypeKind::Dict ? hint->valueType() : nullptr;
  emitLoop(
      plan->trip, constant(IValue(true), r),
      [&](Value* i) {
        bindCompTarget(*this, *gen.target, plan->get(i));
        auto body = [&]() -> ExitInfo {
          Value* k = emitExpr(*e.key, kt);
          Value* v = emitExpr(*e.value, vt);
          if (isPoison(k) || isPoison(v)) return {};
          if (!kt) kt = k->type();
          if (!vt) vt = v->type();
          dict->setType(types::dict(kt, vt));
          callOp("aten::_set_item", {{dict, r}, {k, r}, {v, r}}, r);
          return {};
        };
        if (gen.ifs.empty()) {
          body();
          return;
        }
        CondValue c = emitCondition(*gen.ifs[0]);
        emitIfWith(c, body, [] { return ExitInfo{}; }, r);
      },
      nullptr, r);
  popFrame(scope);
  dict->setType(types::dict(kt ? kt : types::str(), vt ? vt : types::tensor()));
  return dict;
}

}  // namespace ember::compiler
