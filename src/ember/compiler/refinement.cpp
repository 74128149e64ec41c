// Conditions and the type refinements they imply: `x is None`,
// `x is not None`, isinstance, and/or/not (short-circuit, as If nodes).
#include "ember/compiler/emitter.h"

namespace ember::compiler {

namespace {

TypePtr withoutNone(const TypePtr& t) {
  if (t->kind() == TypeKind::Optional) return t->elementType();
  if (t->kind() == TypeKind::Union) {
    std::vector<TypePtr> rest;
    for (const auto& m : t->contained())
      if (m->kind() != TypeKind::None) rest.push_back(m);
    return rest.size() == 1 ? rest[0] : types::unionOf(rest);
  }
  return t;
}

std::map<std::string, TypePtr> intersect(const std::map<std::string, TypePtr>& a, const std::map<std::string, TypePtr>& b) {
  std::map<std::string, TypePtr> out;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it != b.end() && it->second->equals(*v)) out[k] = v;
  }
  return out;
}

}  // namespace

CondValue FunctionEmitter::emitCondition(const ast::Expr& e) {
  CondValue out;
  const SourceRange& r = e.range();
  if (auto* c = ast::dyn_cast<ast::Compare>(&e); c && c->ops.size() == 1 &&
      (c->ops[0] == ast::CmpOpKind::Is || c->ops[0] == ast::CmpOpKind::IsNot)) {
    const ast::Expr* subject = c->left.get();
    const ast::Expr* other = c->comparators[0].get();
    if (ast::isa<ast::NoneLit>(subject)) std::swap(subject, other);
    if (ast::isa<ast::NoneLit>(other)) {
      Value* v = emitExpr(*subject);
      if (isPoison(v)) {
        out.value = v;
        return out;
      }
      bool is = c->ops[0] == ast::CmpOpKind::Is;
      TypeKind k = v->type()->kind();
      if (k == TypeKind::None) {
        out.constant = is;
        out.value = constant(IValue(is), r);
        return out;
      }
      if (k != TypeKind::Optional && k != TypeKind::Union && k != TypeKind::Any) {
        out.constant = !is;
        out.value = constant(IValue(!is), r);
        return out;
      }
      out.value = callOp(is ? "aten::__is__" : "aten::__isnot__", {{v, r}, {constant(IValue(), r), r}}, r);
      if (auto* n = ast::dyn_cast<ast::Name>(subject)) {
        auto& nonNone = is ? out.refs.whenFalse : out.refs.whenTrue;
        auto& none = is ? out.refs.whenTrue : out.refs.whenFalse;
        nonNone[n->id] = withoutNone(v->type());
        none[n->id] = types::none();
      }
      return out;
    }
  }
  if (auto* u = ast::dyn_cast<ast::UnaryOp>(&e); u && u->op == ast::UnaryOpKind::Not) {
    CondValue inner = emitCondition(*u->operand);
    out.refs.whenTrue = inner.refs.whenFalse;
    out.refs.whenFalse = inner.refs.whenTrue;
    if (inner.constant) out.constant = !*inner.constant;
    out.value = notValue(inner.value, r);
    return out;
  }
  if (auto* b = ast::dyn_cast<ast::BoolOp>(&e)) {
    bool isAnd = b->op == ast::BoolOpKind::And;
    CondValue acc = emitCondition(*b->values[0]);
    for (size_t i = 1; i < b->values.size(); ++i) {
      const ast::Expr& rhsExpr = *b->values[i];
      if (acc.constant && *acc.constant == !isAnd) break;  // short-circuits statically
      if (acc.constant) {
        acc = emitCondition(rhsExpr);
        continue;
      }
      ir::Node* n = graph.create(ir::prim::If, {acc.value}, 1);
      n->output()->setType(types::boolT());
      n->setSourceLoc(loc(r));
      graph.insertNode(n);
      ir::Block* tb = n->addBlock();
      ir::Block* eb = n->addBlock();
      CondValue rhs;
      ir::Block* evalBlock = isAnd ? tb : eb;
      ir::Block* constBlock = isAnd ? eb : tb;
      {
        ir::WithInsertPoint g(evalBlock);
        auto f = pushFrame();
        applyRefinements(isAnd ? acc.refs.whenTrue : acc.refs.whenFalse, r);
        rhs = emitCondition(rhsExpr);
        Value* rv = rhs.value;
        if (!isPoison(rv)) rv = toBool(rv, rhsExpr.range());
        evalBlock->registerOutput(rv);
        popFrame(f);
      }
      {
        ir::WithInsertPoint g(constBlock);
        constBlock->registerOutput(constant(IValue(!isAnd), r));
      }
      CondValue next;
      next.value = n->output();
      if (isAnd) {
        next.refs.whenTrue = acc.refs.whenTrue;
        for (const auto& [k, v] : rhs.refs.whenTrue) next.refs.whenTrue[k] = v;
        next.refs.whenFalse = intersect(acc.refs.whenFalse, rhs.refs.whenFalse);
      } else {
        next.refs.whenFalse = acc.refs.whenFalse;
        for (const auto& [k, v] : rhs.refs.whenFalse) next.refs.whenFalse[k] = v;
        next.refs.whenTrue = intersect(acc.refs.whenTrue, rhs.refs.whenTrue);
      }
      acc = std::move(next);
    }
    if (acc.value && !isPoison(acc.value)) acc.value = toBool(acc.value, r);
    return acc;
  }
  if (auto* call = ast::dyn_cast<ast::Call>(&e)) {
    if (auto* fn = ast::dyn_cast<ast::Name>(call->func.get());
        fn && fn->id == "isinstance" && !lookupNoError("isinstance") && call->args.size() == 2) {
      Value* v = emitExpr(*call->args[0]);
      std::string name;
      if (auto* n = ast::dyn_cast<ast::Name>(call->args[0].get())) name = n->id;
      out.value = isInstance(v, *call->args[1], r, &out.refs, name);
      if (auto c = ir::toIValue(out.value); c && c->isBool()) out.constant = c->toBool();
      return out;
    }
  }
  Value* v = emitExpr(e);
  out.value = toBool(v, r);
  if (auto c = ir::toIValue(out.value); c && c->isBool()) out.constant = c->toBool();
  return out;
}

Value* FunctionEmitter::emitBoolOp(const ast::BoolOp& e) {
  CondValue c = emitCondition(e);
  return c.value;
}

Value* FunctionEmitter::isInstance(Value* v, const ast::Expr& typesExpr, const SourceRange& r, Refinements* refs,
                                   const std::string& refName) {
  if (isPoison(v)) return v;
  std::vector<TypePtr> candidates;
  std::vector<const ast::Expr*> items;
  if (auto* t = ast::dyn_cast<ast::Tuple>(&typesExpr)) {
    for (const auto& el : t->elts) items.push_back(el.get());
  } else {
    items.push_back(&typesExpr);
  }
  for (const auto* it : items) {
    if (auto* n = ast::dyn_cast<ast::Name>(it)) {
      if (n->id == "list") {
        candidates.push_back(types::list(types::any()));
        continue;
      }
      if (n->id == "dict") {
        candidates.push_back(types::dict(types::any(), types::any()));
        continue;
      }
      if (n->id == "tuple") {
        candidates.push_back(types::tuple({}));
        continue;
      }
    }
    TypePtr t = parseType(*it, ctx);
    if (!t) return poison();
    candidates.push_back(t);
  }
  const TypePtr& vt = v->type();
  auto matches = [&](const TypePtr& actual, const TypePtr& cand) {
    if (cand->kind() == TypeKind::List && cand->elementType()->kind() == TypeKind::Any) return actual->kind() == TypeKind::List;
    if (cand->kind() == TypeKind::Dict && cand->keyType()->kind() == TypeKind::Any) return actual->kind() == TypeKind::Dict;
    if (cand->kind() == TypeKind::Tuple && cand->contained().empty()) return actual->kind() == TypeKind::Tuple;
    return actual->isSubtypeOf(*cand);
  };
  // Statically known unless the value's type is a union of possibilities.
  if (vt->kind() != TypeKind::Optional && vt->kind() != TypeKind::Union && vt->kind() != TypeKind::Any) {
    bool yes = false;
    for (const auto& c : candidates) yes = yes || matches(vt, c);
    return constant(IValue(yes), r);
  }
  std::vector<TypePtr> members =
      vt->kind() == TypeKind::Optional ? std::vector<TypePtr>{vt->elementType(), types::none()} : vt->contained();
  std::vector<TypePtr> yes, no;
  for (const auto& m : members) {
    bool any = false;
    for (const auto& c : candidates) any = any || matches(m, c);
    (any ? yes : no).push_back(m);
  }
  if (refs && !refName.empty()) {
    auto make = [](const std::vector<TypePtr>& ts) -> TypePtr {
      if (ts.empty()) return nullptr;
      if (ts.size() == 1) return ts[0];
      if (ts.size() == 2 && (ts[0]->kind() == TypeKind::None || ts[1]->kind() == TypeKind::None))
        return types::optional(ts[0]->kind() == TypeKind::None ? ts[1] : ts[0]);
      return types::unionOf(ts);
    };
    if (auto t = make(yes)) refs->whenTrue[refName] = t;
    if (auto t = make(no)) refs->whenFalse[refName] = t;
  }
  ir::Node* n = graph.create(ir::prim::isinstance, {v});
  n->output()->setType(types::boolT());
  // The run-time check is against the members that match (all of them: a
  // tuple of classes can match several members of a Union).
  if (yes.size() == 1) n->ty_(ir::attr::types, yes[0]);
  else if (yes.size() > 1) n->ty_(ir::attr::types, types::unionOf(yes));
  else n->ty_(ir::attr::types, candidates[0]);
  n->setSourceLoc(loc(r));
  return graph.insertNode(n)->output();
}

}  // namespace ember::compiler
