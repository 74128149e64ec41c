// Subscripts: lists, strings, dicts, tuples (constant indices -> TupleIndex /
// TupleSlice) and tensors (select / slice / unsqueeze / index, as PyTorch lowers them).
#include <fmt/format.h>
#include <algorithm>

#include "ember/compiler/emitter.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {
std::optional<int64_t> constInt(const ast::Expr* e) {
  if (!e) return std::nullopt;
  if (auto* i = ast::dyn_cast<ast::IntLit>(e)) return i->value;
  if (auto* u = ast::dyn_cast<ast::UnaryOp>(e); u && u->op == ast::UnaryOpKind::USub)
    if (auto* i = ast::dyn_cast<ast::IntLit>(u->operand.get())) return -i->value;
  return std::nullopt;
}
}  // namespace

Value* FunctionEmitter::emitSubscript(const ast::Subscript& e) {
  const SourceRange& r = e.range();
  Value* base = emitExpr(*e.value);
  if (isPoison(base)) return base;
  const TypePtr& t = base->type();
  if (t->kind() == TypeKind::Tensor) return emitTensorIndex(base, *e.index, r);
  const auto* slice = ast::dyn_cast<ast::Slice>(e.index.get());
  if (t->kind() == TypeKind::Tuple) {
    size_t n = t->contained().size();
    if (slice) {
      auto lo = slice->lower ? constInt(slice->lower.get()) : std::optional<int64_t>(0);
      auto hi = slice->upper ? constInt(slice->upper.get()) : std::optional<int64_t>(static_cast<int64_t>(n));
      if (!lo || !hi || slice->step) {
        error(r, "tuple slices must have constant bounds and no step");
        return poison();
      }
      auto norm = [&](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + static_cast<int64_t>(n) : i, 0, static_cast<int64_t>(n)); };
      int64_t b = norm(*lo), en = std::max(norm(*hi), norm(*lo));
      std::vector<TypePtr> elems(t->contained().begin() + b, t->contained().begin() + en);
      ir::Node* node = graph.create(ir::prim::TupleSlice, {base});
      node->i_(ir::Symbol::attr("beg"), b);
      node->i_(ir::Symbol::attr("end"), en);
      node->output()->setType(types::tuple(elems));
      node->setSourceLoc(loc(r));
      return graph.insertNode(node)->output();
    }
    auto idx = constInt(e.index.get());
    if (!idx) {
      Value* iv = emitExpr(*e.index);
      if (auto c = ir::toIValue(iv); c && c->isInt()) idx = c->toInt();
    }
    if (!idx) {
      error(e.index->range(), "tuple indices must be integer constants");
      return poison();
    }
    int64_t i = *idx < 0 ? *idx + static_cast<int64_t>(n) : *idx;
    if (i < 0 || i >= static_cast<int64_t>(n)) {
      error(r, "Index " + std::to_string(*idx) + " out of range of tuple of size " + std::to_string(n));
      return poison();
    }
    return insertNode(ir::prim::TupleIndex, {base, constant(IValue(i), r)}, t->contained()[i], r);
  }
  if (slice) {
    if (t->kind() != TypeKind::List && t->kind() != TypeKind::Str) {
      error(r, "slicing is not supported for values of type " + t->str());
      return poison();
    }
    std::vector<NamedValue> args{{base, r}};
    args.push_back({slice->lower ? emitExpr(*slice->lower) : constant(IValue(), r), r});
    args.push_back({slice->upper ? emitExpr(*slice->upper) : constant(IValue(), r), r});
    args.push_back({slice->step ? emitExpr(*slice->step) : constant(IValue(int64_t(1)), r), r});
    return callOp("aten::slice", args, r);
  }
  TypePtr keyHint = t->kind() == TypeKind::Dict ? t->keyType() : nullptr;
  Value* idx = emitExpr(*e.index, keyHint);
  if (t->kind() == TypeKind::Str) return callOp("aten::__getitem__", {{base, r}, {idx, r}}, r);
  if (t->kind() == TypeKind::Optional) {
    std::string name(e.value->range().text());
    error(r, fmt::format("'{}' is {} here and cannot be subscripted", name, t->str()),
          "refine it first, e.g. `assert " + name + " is not None`");
    return poison();
  }
  return callOp("aten::__getitem__", {{base, r}, {idx, e.index->range()}}, r);
}

Value* FunctionEmitter::emitTensorIndex(Value* t, const ast::Expr& index, const SourceRange& r, Value** writeView,
                                        Value** putIndices) {
  std::vector<const ast::Expr*> items;
  if (auto* tu = ast::dyn_cast<ast::Tuple>(&index)) {
    for (const auto& el : tu->elts) items.push_back(el.get());
  } else {
    items.push_back(&index);
  }
  Value* cur = t;
  int64_t dim = 0;
  std::vector<Value*> tensorIndices;  // for aten::index: one per dim (None = all)
  bool anyTensor = false;
  size_t consumed = 0;
  for (const auto* it : items)
    if (!ast::isa<ast::NoneLit>(it) && !ast::isa<ast::EllipsisLit>(it)) ++consumed;
  for (size_t k = 0; k < items.size(); ++k) {
    const ast::Expr* it = items[k];
    if (ast::isa<ast::EllipsisLit>(it)) {
      // Jump to the dims the remaining items address, counted from the end.
      size_t after = 0;
      for (size_t j = k + 1; j < items.size(); ++j)
        if (!ast::isa<ast::NoneLit>(items[j])) ++after;
      Value* nd = callOp("aten::dim", {{cur, r}}, r);
      (void)nd;
      dim = -static_cast<int64_t>(after);
      if (after == 0) break;
      continue;
    }
    if (ast::isa<ast::NoneLit>(it)) {
      cur = callOp("aten::unsqueeze", {{cur, r}, {constant(IValue(dim), r), r}}, r);
      if (dim >= 0) ++dim;
      tensorIndices.push_back(constant(IValue(), r));
      continue;
    }
    if (auto* s = ast::dyn_cast<ast::Slice>(it)) {
      if (!s->lower && !s->upper && !s->step) {
        if (dim >= 0) ++dim;
        else ++dim;
        tensorIndices.push_back(constant(IValue(), r));
        continue;
      }
      std::vector<NamedValue> args{{cur, r}, {constant(IValue(dim), r), r}};
      args.push_back({s->lower ? emitExpr(*s->lower) : constant(IValue(int64_t(0)), r), r});
      args.push_back({s->upper ? emitExpr(*s->upper) : constant(IValue(), r), r});
      args.push_back({s->step ? emitExpr(*s->step) : constant(IValue(int64_t(1)), r), r});
      cur = callOp("aten::slice", args, r);
      ++dim;
      tensorIndices.push_back(constant(IValue(), r));
      continue;
    }
    Value* iv = emitExpr(*it);
    if (isPoison(iv)) return iv;
    if (iv->type()->kind() == TypeKind::Int) {
      cur = callOp("aten::select", {{cur, r}, {constant(IValue(dim), r), r}, {iv, it->range()}}, r);
      continue;
    }
    if (iv->type()->kind() == TypeKind::Tensor || iv->type()->kind() == TypeKind::List) {
      if (iv->type()->kind() == TypeKind::List) iv = callOp("aten::tensor", {{iv, r}}, r);
      anyTensor = true;
      tensorIndices.push_back(iv);
      ++dim;
      continue;
    }
    error(it->range(), "tensor indices must be ints, slices, None, Ellipsis or tensors, not " + iv->type()->str());
    return poison();
  }
  (void)consumed;
  if (anyTensor) {
    while (!tensorIndices.empty() && ir::toIValue(tensorIndices.back()) && ir::toIValue(tensorIndices.back())->isNone())
      tensorIndices.pop_back();
    ir::Node* l = graph.createList(types::optional(types::tensor()), tensorIndices);
    graph.insertNode(l);
    if (writeView) {
      // t[mask] = v is index_put_ on the view the other items selected, not a write into a copy.
      *writeView = cur;
      if (putIndices) *putIndices = l->output();
      return cur;
    }
    return callOp("aten::index", {{cur, r}, {l->output(), r}}, r);
  }
  if (writeView) *writeView = cur;
  if (cur == t && writeView) {
    // t[:] = v writes the whole tensor
    *writeView = callOp("aten::alias", {{cur, r}}, r);
  }
  return cur;
}

}  // namespace ember::compiler
