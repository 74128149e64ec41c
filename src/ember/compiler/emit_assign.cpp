// Assignments: plain, annotated and augmented; targets may be names, nested
// tuples/lists, subscripts and attributes.
#include "ember/compiler/emitter.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {

const char* inPlaceTensorOp(ast::BinOpKind op) {
  switch (op) {
    case ast::BinOpKind::Add: return "aten::add_";
    case ast::BinOpKind::Sub: return "aten::sub_";
    case ast::BinOpKind::Mult: return "aten::mul_";
    case ast::BinOpKind::Div: return "aten::div_";
    case ast::BinOpKind::BitOr: return "aten::bitwise_or_";
    case ast::BinOpKind::BitAnd: return "aten::bitwise_and_";
    case ast::BinOpKind::BitXor: return "aten::bitwise_xor_";
    case ast::BinOpKind::Pow: return "aten::pow_";
    // TorchScript lowers `%=` to fmod, not remainder: the result takes the dividend's sign.
    case ast::BinOpKind::Mod: return "aten::fmod_";
    default: return nullptr;
  }
}

}  // namespace

void FunctionEmitter::emitTensorWrite(Value* view, Value* indices, Value* v, const SourceRange& r) {
  if (isPoison(v)) return;
  if (!indices) {
    if (v->type()->kind() == TypeKind::Tensor) callOp("aten::copy_", {{view, r}, {v, r}}, r);
    else callOp("aten::fill_", {{view, r}, {v, r}}, r);
    return;
  }
  // A number is put as a 0-dim tensor of the destination's dtype, as PyTorch does.
  if (v->type()->kind() != TypeKind::Tensor) {
    v = callOp("prim::NumToTensor", {{v, r}}, r);
    v = callOp("aten::type_as", {{v, r}, {view, r}}, r);
  }
  callOp("aten::index_put_", {{view, r}, {indices, r}, {v, r}}, r);
}

void FunctionEmitter::assignTarget(const ast::Expr& target, Value* v, const SourceRange& r) {
  if (auto* n = ast::dyn_cast<ast::Name>(&target)) {
    assign(n->id, v, r);
    return;
  }
  if (ast::isa<ast::Tuple>(&target) || ast::isa<ast::List>(&target)) {
    const ast::ExprList& elts = ast::isa<ast::Tuple>(&target) ? static_cast<const ast::Tuple&>(target).elts
                                                              : static_cast<const ast::List&>(target).elts;
    for (const auto& e : elts)
      if (ast::isa<ast::Starred>(e.get())) {
        error(e->range(), "TorchScript does not support starred assignment targets");
        return;
      }
    std::vector<Value*> parts;
    if (isPoison(v)) {
      for (size_t i = 0; i < elts.size(); ++i) parts.push_back(v);
    } else if (v->type()->kind() == TypeKind::Tuple) {
      if (v->type()->contained().size() != elts.size()) {
        error(r, "too many values to unpack: need " + std::to_string(elts.size()) + " but found " +
                     std::to_string(v->type()->contained().size()));
        return;
      }
      ir::Node* un = graph.createTupleUnpack(v);
      un->setSourceLoc(loc(r));
      graph.insertNode(un);
      parts.assign(un->outputs().begin(), un->outputs().end());
    } else if (v->type()->kind() == TypeKind::List) {
      ir::Node* un = graph.create(ir::prim::ListUnpack, {v}, elts.size());
      for (Value* o : un->outputs()) o->setType(v->type()->elementType());
      un->setSourceLoc(loc(r));
      graph.insertNode(un);
      parts.assign(un->outputs().begin(), un->outputs().end());
    } else {
      error(r, "cannot unpack a value of type " + v->type()->str());
      return;
    }
    for (size_t i = 0; i < elts.size(); ++i) assignTarget(*elts[i], parts[i], elts[i]->range());
    return;
  }
  if (auto* sub = ast::dyn_cast<ast::Subscript>(&target)) {
    Value* base = emitExpr(*sub->value);
    if (isPoison(base)) return;
    if (base->type()->kind() == TypeKind::Tensor) {
      Value* view = nullptr;
      Value* indices = nullptr;
      emitTensorIndex(base, *sub->index, r, &view, &indices);
      if (!view) return;
      emitTensorWrite(view, indices, v, r);
      return;
    }
    Value* idx = emitExpr(*sub->index);
    callOp("aten::_set_item", {{base, sub->value->range()}, {idx, sub->index->range()}, {v, r}}, r);
    return;
  }
  if (auto* a = ast::dyn_cast<ast::Attribute>(&target)) {
    Value* obj = emitExpr(*a->value);
    if (isPoison(obj)) return;
    auto* cls = const_cast<ClassType*>(asClass(obj->type()));
    if (!cls) {
      error(r, "cannot assign to an attribute of a value of type " + obj->type()->str());
      return;
    }
    const ClassType::Attribute* at = cls->attribute(a->attr);
    if (!at) {
      if (!inInit) {
        error(a->attrRange, "Tried to set nonexistent attribute: " + a->attr + ". Did you forget to initialize it in __init__()?");
        return;
      }
      TypePtr t = v->type();
      if (t->kind() == TypeKind::None) t = types::optional(types::tensor());
      cls->addAttribute(a->attr, t);
      at = cls->attribute(a->attr);
    } else if (!isPoison(v) && !isSubtypeForArg(v->type(), at->type)) {
      error(r, "Wrong type for attribute assignment. Expected " + at->type->str() + " but got " + v->type()->str());
      return;
    }
    ir::Node* n = graph.create(ir::prim::SetAttr, {obj, v}, 0);
    n->s_(ir::attr::name, a->attr);
    n->setSourceLoc(loc(r));
    graph.insertNode(n);
    return;
  }
  if (ast::isa<ast::Starred>(&target)) {
    error(r, "TorchScript does not support starred assignment targets");
    return;
  }
  error(r, "unsupported assignment target");
}

void FunctionEmitter::emitAssign(const ast::Assign& s) {
  if (ctx.archive && bindSugaredAlias(s)) return;
  TypePtr hint;
  if (s.typeComment && s.typeComment->annotation) hint = parseType(*s.typeComment->annotation, ctx);
  Value* v = emitExpr(*s.value, hint);
  if (hint && !isPoison(v) && !isSubtypeForArg(v->type(), hint)) {
    error(s.value->range(), "Variable is annotated with type " + hint->str() + " but is being assigned a value of type " +
                                v->type()->str());
  } else if (hint && !isPoison(v)) {
    v = castTo(v, hint, s.range());
  }
  for (const auto& t : s.targets) assignTarget(*t, v, s.range());
}

void FunctionEmitter::emitAnnAssign(const ast::AnnAssign& s) {
  TypePtr t = parseType(*s.annotation, ctx);
  if (!s.value) {
    error(s.range(), "TorchScript needs a value for annotated assignments in functions");
    return;
  }
  Value* v = emitExpr(*s.value, t);
  if (t && !isPoison(v)) {
    if (!isSubtypeForArg(v->type(), t)) {
      std::string name(s.target->range().text());
      error(s.value->range(), "Variable '" + name + "' is annotated with type " + t->str() +
                                  " but is being assigned to a value of type " + v->type()->str());
      v = poison();
    } else {
      v = castTo(v, t, s.range());
    }
  }
  if (auto* a = ast::dyn_cast<ast::Attribute>(s.target.get()); a && inInit && t) {
    Value* obj = emitExpr(*a->value);
    if (auto* cls = const_cast<ClassType*>(asClass(obj->type())); cls && !cls->attribute(a->attr))
      cls->addAttribute(a->attr, t);
  }
  assignTarget(*s.target, v, s.range());
}

// `a op= b` on numbers and list elements: `%=` is fmod (a float even for
// ints), as TorchScript's getAugOp lowers it; the rest is the binary operator.
Value* FunctionEmitter::emitAugBinOp(ast::BinOpKind op, Value* cur, Value* rhs, const SourceRange& r) {
  if (op == ast::BinOpKind::Mod && cur->type()->kind() != TypeKind::Tensor)
    return callOp("aten::fmod", {{cur, r}, {rhs, r}}, r);
  return emitBinOp(op, cur, rhs, r);
}

void FunctionEmitter::emitAugAssign(const ast::AugAssign& s) {
  const SourceRange& r = s.range();
  if (s.op == ast::BinOpKind::FloorDiv) {
    error(r, "unsupported kind of augmented assignment: FloorDiv", "write `x = x // y`");
    return;
  }
  if (auto* n = ast::dyn_cast<ast::Name>(s.target.get())) {
    Value* cur = lookup(n->id, n->range());
    if (!cur) {
      error(n->range(), "undefined value " + n->id);
      return;
    }
    Value* rhs = emitExpr(*s.value);
    if (isPoison(cur) || isPoison(rhs)) return;
    if (cur->type()->kind() == TypeKind::Tensor) {
      if (const char* op = inPlaceTensorOp(s.op)) {
        callOp(op, {{cur, n->range()}, {rhs, s.value->range()}}, r);
        return;
      }
    }
    if (cur->type()->kind() == TypeKind::List && s.op == ast::BinOpKind::Add) {
      callOp("aten::add_", {{cur, n->range()}, {rhs, s.value->range()}}, r);
      return;
    }
    Value* result = emitAugBinOp(s.op, cur, rhs, r);
    // x += t.item(): the result is a Scalar; PyTorch converts it back to x's type.
    if (result->type()->kind() == TypeKind::Number && cur->type()->kind() == TypeKind::Float)
      result = callExact("aten::Float.Scalar", {result}, types::floatT(), r);
    else if (result->type()->kind() == TypeKind::Number && cur->type()->kind() == TypeKind::Int)
      result = callExact("aten::Int.Scalar", {result}, types::intT(), r);
    assign(n->id, result, r);
    return;
  }
  if (auto* sub = ast::dyn_cast<ast::Subscript>(s.target.get())) {
    Value* base = emitExpr(*sub->value);
    if (isPoison(base)) return;
    if (base->type()->kind() == TypeKind::Tensor) {
      Value* view = nullptr;
      Value* indices = nullptr;
      emitTensorIndex(base, *sub->index, r, &view, &indices);
      Value* rhs = emitExpr(*s.value);
      if (!view || isPoison(rhs)) return;
      if (indices) {
        // t[idx] op= v reads the gathered values, combines them and puts them back.
        Value* cur = callOp("aten::index", {{view, r}, {indices, r}}, r);
        emitTensorWrite(view, indices, emitAugBinOp(s.op, cur, rhs, r), r);
        return;
      }
      if (const char* op = inPlaceTensorOp(s.op)) callOp(op, {{view, r}, {rhs, r}}, r);
      return;
    }
    Value* idx = emitExpr(*sub->index);
    Value* cur = callOp("aten::__getitem__", {{base, r}, {idx, r}}, r);
    Value* rhs = emitExpr(*s.value);
    Value* nv = emitAugBinOp(s.op, cur, rhs, r);
    callOp("aten::_set_item", {{base, r}, {idx, r}, {nv, r}}, r);
    return;
  }
  if (auto* a = ast::dyn_cast<ast::Attribute>(s.target.get())) {
    Value* cur = emitExpr(*a);
    Value* rhs = emitExpr(*s.value);
    if (isPoison(cur) || isPoison(rhs)) return;
    if (cur->type()->kind() == TypeKind::Tensor && inPlaceTensorOp(s.op)) {
      callOp(inPlaceTensorOp(s.op), {{cur, r}, {rhs, r}}, r);
      return;
    }
    assignTarget(*a, emitAugBinOp(s.op, cur, rhs, r), r);
    return;
  }
  error(r, "unsupported augmented assignment target");
}

}  // namespace ember::compiler
