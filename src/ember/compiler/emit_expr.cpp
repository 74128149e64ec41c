// Expressions: names, literals, operators, subscripts, attributes,
// containers, comprehensions, f-strings.
#include <fmt/format.h>
#include <limits>

#include "ember/compiler/emitter.h"
#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember::compiler {

namespace {

const char* binOpName(ast::BinOpKind op) {
  switch (op) {
    case ast::BinOpKind::Add: return "aten::add";
    case ast::BinOpKind::Sub: return "aten::sub";
    case ast::BinOpKind::Mult: return "aten::mul";
    case ast::BinOpKind::MatMult: return "aten::matmul";
    case ast::BinOpKind::Div: return "aten::div";
    case ast::BinOpKind::FloorDiv: return "aten::floordiv";
    case ast::BinOpKind::Mod: return "aten::remainder";
    case ast::BinOpKind::Pow: return "aten::pow";
    case ast::BinOpKind::LShift: return "aten::__lshift__";
    case ast::BinOpKind::RShift: return "aten::__rshift__";
    case ast::BinOpKind::BitOr: return "aten::__or__";
    case ast::BinOpKind::BitXor: return "aten::__xor__";
    case ast::BinOpKind::BitAnd: return "aten::__and__";
  }
  return "";
}

const char* cmpOpName(ast::CmpOpKind op) {
  switch (op) {
    case ast::CmpOpKind::Eq: return "aten::eq";
    case ast::CmpOpKind::NotEq: return "aten::ne";
    case ast::CmpOpKind::Lt: return "aten::lt";
    case ast::CmpOpKind::LtE: return "aten::le";
    case ast::CmpOpKind::Gt: return "aten::gt";
    case ast::CmpOpKind::GtE: return "aten::ge";
    case ast::CmpOpKind::Is: return "aten::__is__";
    case ast::CmpOpKind::IsNot: return "aten::__isnot__";
    case ast::CmpOpKind::In:
    case ast::CmpOpKind::NotIn: return "aten::__contains__";
  }
  return "";
}

bool isNumber(const TypePtr& t) {
  return t->kind() == TypeKind::Int || t->kind() == TypeKind::Float || t->kind() == TypeKind::Bool ||
         t->kind() == TypeKind::Number;
}

}  // namespace

Value* FunctionEmitter::asValue(const SV& sv, const SourceRange& r) {
  if (!sv) return poison();
  if (sv->kind == Sugared::Kind::Simple) return sv->value;
  if (sv->kind == Sugared::Kind::Function) {
    error(r, "function '" + sv->fn->name + "' cannot be used as a value; call it");
    return poison();
  }
  error(r, fmt::format("'{}' cannot be used as a value", r.text()));
  return poison();
}

Value* FunctionEmitter::emitExpr(const ast::Expr& e, const TypePtr& typeHint) {
  return asValue(emitSugared(e, typeHint), e.range());
}

SV FunctionEmitter::emitSugared(const ast::Expr& e, const TypePtr& hint) {
  auto simple = [](Value* v) {
    auto s = std::make_shared<Sugared>();
    s->value = v;
    return s;
  };
  const SourceRange& r = e.range();
  switch (e.kind()) {
    case ast::NodeKind::Name: {
      const std::string& id = static_cast<const ast::Name&>(e).id;
      if (Value* v = lookup(id, r)) return simple(v);
      if (ctx.archive)
        if (SV a = archiveName(id, r)) return a;
      auto s = std::make_shared<Sugared>();
      if (auto it = ctx.functions.find(id); it != ctx.functions.end() && !it->second->owner) {
        s->kind = Sugared::Kind::Function;
        s->fn = it->second.get();
        return s;
      }
      if (ClassInfo* c = ctx.findClass(id)) {
        s->kind = Sugared::Kind::Class;
        s->cls = c;
        return s;
      }
      if (auto it = ctx.aliases.find(id); it != ctx.aliases.end()) {
        const std::string& path = it->second;
        if (path == "torch" || path == "math" || path == "torch.nn.functional" || path == "typing" ||
            path == "torch.nn" || path == "torch.jit") {
          s->kind = Sugared::Kind::Module;
          s->name = path;
          return s;
        }
        size_t dot = path.rfind('.');
        return moduleAttribute(path.substr(0, dot), path.substr(dot + 1), r);
      }
      static const char* builtins[] = {"len", "range", "enumerate", "zip", "min", "max", "abs", "sum", "sorted",
                                       "all", "any", "int", "float", "bool", "str", "ord", "chr", "divmod", "round",
                                       "isinstance", "print", "list", "dict", "tuple", "hash", "getattr", "hasattr",
                                       "reversed", "pow", "hex", "oct", "bin", "id"};
      for (const char* b : builtins)
        if (id == b) {
          s->kind = Sugared::Kind::Builtin;
          s->name = id;
          return s;
        }
      static const char* excs[] = {"Exception", "ValueError", "RuntimeError", "TypeError", "IndexError",
                                   "KeyError", "AssertionError", "NotImplementedError", "ZeroDivisionError"};
      for (const char* x : excs)
        if (id == x) {
          s->kind = Sugared::Kind::Exception;
          s->name = id;
          return s;
        }
      if (id == "lambda") break;
      error(r, "undefined value " + id);
      return simple(poison());
    }
    case ast::NodeKind::IntLit: return simple(constant(IValue(static_cast<const ast::IntLit&>(e).value), r));
    case ast::NodeKind::FloatLit: return simple(constant(IValue(static_cast<const ast::FloatLit&>(e).value), r));
    case ast::NodeKind::BoolLit: return simple(constant(IValue(static_cast<const ast::BoolLit&>(e).value), r));
    case ast::NodeKind::StrLit: return simple(constant(IValue(static_cast<const ast::StrLit&>(e).value), r));
    case ast::NodeKind::NoneLit: return simple(constant(IValue(), r));
    case ast::NodeKind::FString: return simple(emitFString(static_cast<const ast::FString&>(e)));
    case ast::NodeKind::Attribute: return emitAttribute(static_cast<const ast::Attribute&>(e));
    case ast::NodeKind::Subscript: return simple(emitSubscript(static_cast<const ast::Subscript&>(e)));
    case ast::NodeKind::Call: return emitCall(static_cast<const ast::Call&>(e), hint);
    case ast::NodeKind::Tuple: {
      std::vector<Value*> vals;
      const auto& t = static_cast<const ast::Tuple&>(e);
      for (size_t i = 0; i < t.elts.size(); ++i) {
        TypePtr h = hint && hint->kind() == TypeKind::Tuple && i < hint->contained().size() ? hint->contained()[i] : nullptr;
        vals.push_back(emitExpr(*t.elts[i], h));
        if (isPoison(vals.back())) return simple(vals.back());
      }
      ir::Node* n = graph.createTuple(vals);
      n->setSourceLoc(loc(r));
      return simple(graph.insertNode(n)->output());
    }
    case ast::NodeKind::List: return simple(emitListLiteral(static_cast<const ast::List&>(e), hint));
    case ast::NodeKind::Dict: return simple(emitDictLiteral(static_cast<const ast::Dict&>(e), hint));
    case ast::NodeKind::ListComp: {
      const auto& c = static_cast<const ast::ListComp&>(e);
      return simple(emitListComp(*c.elt, c.generators, r, hint));
    }
    case ast::NodeKind::DictComp: return simple(emitDictComp(static_cast<const ast::DictComp&>(e), hint));
    case ast::NodeKind::IfExp: return simple(emitIfExp(static_cast<const ast::IfExp&>(e), hint));
    case ast::NodeKind::BoolOp: return simple(emitBoolOp(static_cast<const ast::BoolOp&>(e)));
    case ast::NodeKind::Compare: return simple(emitCompare(static_cast<const ast::Compare&>(e)));
    case ast::NodeKind::BinOp: {
      const auto& b = static_cast<const ast::BinOp&>(e);
      Value* l = emitExpr(*b.left);
      Value* rv = emitExpr(*b.right);
      return simple(emitBinOp(b.op, l, rv, r));
    }
    case ast::NodeKind::UnaryOp: {
      const auto& u = static_cast<const ast::UnaryOp&>(e);
      if (u.op == ast::UnaryOpKind::Not) {
        CondValue c = emitCondition(*u.operand);
        if (c.constant) return simple(constant(IValue(!*c.constant), r));
        return simple(notValue(c.value, r));
      }
      if (u.op == ast::UnaryOpKind::USub) {
        if (auto* i = ast::dyn_cast<ast::IntLit>(u.operand.get())) return simple(constant(IValue(-i->value), r));
        if (auto* f = ast::dyn_cast<ast::FloatLit>(u.operand.get())) return simple(constant(IValue(-f->value), r));
      }
      Value* v = emitExpr(*u.operand);
      if (u.op == ast::UnaryOpKind::UAdd) {
        // TorchScript's front end has no unary plus.
        error(r, "unsupported unary operator: +", "drop the `+`");
        return simple(poison());
      }
      if (u.op == ast::UnaryOpKind::USub) return simple(callOp("aten::neg", {{v, u.operand->range()}}, r));
      if (v->type()->kind() == TypeKind::Tensor) return simple(callOp("aten::bitwise_not", {{v, r}}, r));
      return simple(callOp("aten::__invert__", {{v, r}}, r));
    }
    case ast::NodeKind::Lambda:
      error(r, "TorchScript does not support lambda expressions", "define a function with `def` instead");
      return simple(poison());
    case ast::NodeKind::GeneratorExp: {
      const auto& g = static_cast<const ast::GeneratorExp&>(e);
      return simple(emitListComp(*g.elt, g.generators, r, hint));
    }
    case ast::NodeKind::Yield:
    case ast::NodeKind::YieldFrom:
      error(r, "TorchScript does not support generators (yield)", "build and return a list instead");
      return simple(poison());
    case ast::NodeKind::Await:
      error(r, "TorchScript does not support async/await");
      return simple(poison());
    case ast::NodeKind::Starred:
      error(r, "TorchScript does not support starred expressions (*args)", "pass a list or tuple instead");
      return simple(poison());
    case ast::NodeKind::Set:
    case ast::NodeKind::SetComp:
      error(r, "TorchScript does not support sets", "use a Dict[T, bool] or a list instead");
      return simple(poison());
    case ast::NodeKind::NamedExpr:
      error(r, "TorchScript does not support assignment expressions (:=)");
      return simple(poison());
    case ast::NodeKind::EllipsisLit:
      error(r, "Ellipsis is only allowed in tensor subscripts");
      return simple(poison());
    default: break;
  }
  error(r, "unsupported expression");
  return simple(poison());
}

Value* FunctionEmitter::emitBinOp(ast::BinOpKind op, Value* l, Value* rv, const SourceRange& r, bool) {
  if (isPoison(l)) return l;
  if (isPoison(rv)) return rv;
  const TypePtr& lt = l->type();
  const TypePtr& rt = rv->type();
  // number OP tensor: Tensor's reflected operators (__radd__, __rsub__, ...).
  if (isNumber(lt) && rt->kind() == TypeKind::Tensor) {
    switch (op) {
      case ast::BinOpKind::Add:
      case ast::BinOpKind::Mult:
      case ast::BinOpKind::BitAnd:
      case ast::BinOpKind::BitOr:
      case ast::BinOpKind::BitXor: return callOp(binOpName(op), {{rv, r}, {l, r}}, r);
      case ast::BinOpKind::Sub: return callOp("aten::add", {{callOp("aten::neg", {{rv, r}}, r), r}, {l, r}}, r);
      case ast::BinOpKind::Div: return callOp("aten::mul", {{callOp("aten::reciprocal", {{rv, r}}, r), r}, {l, r}}, r);
      default: break;
    }
  }
  if (op == ast::BinOpKind::FloorDiv && lt->kind() == TypeKind::Tensor)
    return callOp("aten::floor_divide", {{l, r}, {rv, r}}, r);
  if (op == ast::BinOpKind::Add && lt->kind() == TypeKind::Tuple && rt->kind() == TypeKind::Tuple) {
    std::vector<Value*> elems;
    for (Value* t : {l, rv}) {
      ir::Node* un = graph.createTupleUnpack(t);
      graph.insertNode(un);
      elems.insert(elems.end(), un->outputs().begin(), un->outputs().end());
    }
    ir::Node* n = graph.createTuple(elems);
    n->setSourceLoc(loc(r));
    return graph.insertNode(n)->output();
  }
  if ((op == ast::BinOpKind::BitAnd || op == ast::BinOpKind::BitOr || op == ast::BinOpKind::BitXor) &&
      lt->kind() == TypeKind::Tensor)
    return callOp(op == ast::BinOpKind::BitAnd ? "aten::bitwise_and"
                  : op == ast::BinOpKind::BitOr ? "aten::bitwise_or"
                                                : "aten::bitwise_xor",
                  {{l, r}, {rv, r}}, r);
  return callOp(binOpName(op), {{l, r}, {rv, r}}, r);
}

Value* FunctionEmitter::emitCompareOp(ast::CmpOpKind op, Value* l, Value* rv, const SourceRange& r) {
  if (isPoison(l)) return l;
  if (isPoison(rv)) return rv;
  if (op == ast::CmpOpKind::Is || op == ast::CmpOpKind::IsNot) {
    bool isOp = op == ast::CmpOpKind::Is;
    auto noneCheck = [&](Value* a, Value* b) -> Value* {
      if (b->type()->kind() != TypeKind::None) return nullptr;
      TypeKind k = a->type()->kind();
      if (k == TypeKind::None) return constant(IValue(isOp), r);
      if (k != TypeKind::Optional && k != TypeKind::Any && k != TypeKind::Union) return constant(IValue(!isOp), r);
      return nullptr;
    };
    if (Value* c = noneCheck(l, rv)) return c;
    if (Value* c = noneCheck(rv, l)) return c;
  }
  if (op == ast::CmpOpKind::In || op == ast::CmpOpKind::NotIn) {
    Value* c;
    if (rv->type()->kind() == TypeKind::Str && l->type()->kind() == TypeKind::Str)
      c = callOp("aten::ne", {{callOp("aten::find", {{rv, r}, {l, r}}, r), r}, {constant(IValue(int64_t(-1)), r), r}}, r);
    else
      c = callOp("aten::__contains__", {{rv, r}, {l, r}}, r);
    return op == ast::CmpOpKind::NotIn ? notValue(c, r) : c;
  }
  if (isNumber(l->type()) && rv->type()->kind() == TypeKind::Tensor &&
      op != ast::CmpOpKind::Eq && op != ast::CmpOpKind::NotEq) {
    static const std::map<ast::CmpOpKind, ast::CmpOpKind> flip = {{ast::CmpOpKind::Lt, ast::CmpOpKind::Gt},
                                                                  {ast::CmpOpKind::Gt, ast::CmpOpKind::Lt},
                                                                  {ast::CmpOpKind::LtE, ast::CmpOpKind::GtE},
                                                                  {ast::CmpOpKind::GtE, ast::CmpOpKind::LtE}};
    return callOp(cmpOpName(flip.at(op)), {{rv, r}, {l, r}}, r);
  }
  if (isNumber(l->type()) && rv->type()->kind() == TypeKind::Tensor) return callOp(cmpOpName(op), {{rv, r}, {l, r}}, r);
  return callOp(cmpOpName(op), {{l, r}, {rv, r}}, r);
}

Value* FunctionEmitter::emitCompare(const ast::Compare& e) {
  // a < b < c is (a < b) and (b < c), with b evaluated once.
  Value* left = emitExpr(*e.left);
  Value* result = nullptr;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    Value* right = emitExpr(*e.comparators[i]);
    SourceRange r = (i == 0 ? e.left->range() : e.comparators[i - 1]->range()).to(e.comparators[i]->range());
    Value* c = emitCompareOp(e.ops[i], left, right, r);
    if (!result) {
      result = c;
    } else if (!isPoison(result) && !isPoison(c)) {
      if (result->type()->kind() == TypeKind::Bool && c->type()->kind() == TypeKind::Bool)
        result = callExact("aten::__and__.bool", {result, c}, types::boolT(), r);
      else
        result = callOp("aten::__and__", {{result, r}, {c, r}}, r);
    }
    left = right;
  }
  return result;
}

Value* FunctionEmitter::emitIfExp(const ast::IfExp& e, const TypePtr& hint) {
  CondValue c = emitCondition(*e.test);
  if (c.constant) return emitExpr(*c.constant ? *e.body : *e.orelse, hint);
  ir::Node* n = graph.create(ir::prim::If, {c.value}, 1);
  n->setSourceLoc(loc(e.range()));
  graph.insertNode(n);
  Value* vals[2];
  const ast::Expr* arms[2] = {e.body.get(), e.orelse.get()};
  for (int i = 0; i < 2; ++i) {
    ir::Block* b = n->addBlock();
    ir::WithInsertPoint g(b);
    auto f = pushFrame();
    applyRefinements(i == 0 ? c.refs.whenTrue : c.refs.whenFalse, e.range());
    vals[i] = emitExpr(*arms[i], hint);
    b->registerOutput(vals[i]);
    popFrame(f);
  }
  TypePtr t;
  if (isPoison(vals[0]) || isPoison(vals[1])) t = types::any();
  else t = unifyTypes(vals[0]->type(), vals[1]->type());
  if (!t) {
    error(e.range(), "if-expression's true branch has type " + vals[0]->type()->str() +
                         " but false branch has type " + vals[1]->type()->str());
    t = types::any();
  }
  n->output()->setType(t);
  return n->output();
}

Value* FunctionEmitter::emitFString(const ast::FString& e) {
  std::string fmt;
  std::vector<NamedValue> args;
  for (const auto& p : e.parts) {
    if (auto* s = ast::dyn_cast<ast::StrLit>(p.get())) {
      for (char ch : s->value) {
        if (ch == '{') fmt += "{{";
        else if (ch == '}') fmt += "}}";
        else fmt += ch;
      }
      continue;
    }
    const auto& fv = static_cast<const ast::FormattedValue&>(*p);
    if (fv.formatSpec || fv.conversion) error(fv.range(), "TorchScript f-strings do not support format specs or conversions");
    fmt += "{}";
    args.push_back({emitExpr(*fv.value), fv.value->range()});
  }
  args.insert(args.begin(), NamedValue{constant(IValue(fmt), e.range()), e.range()});
  return callOp("aten::format", args, e.range());
}

Value* FunctionEmitter::emitListLiteral(const ast::List& e, const TypePtr& hint) {
  TypePtr elemHint = hint && hint->kind() == TypeKind::List ? hint->elementType() : nullptr;
  if (hint && hint->kind() == TypeKind::Optional && hint->elementType()->kind() == TypeKind::List)
    elemHint = hint->elementType()->elementType();
  std::vector<Value*> vals;
  TypePtr elem = elemHint;
  TypePtr unified;
  bool poisoned = false;
  for (const auto& el : e.elts) {
    if (ast::isa<ast::Starred>(el.get())) {
      error(el->range(), "TorchScript does not support starred expressions in list literals");
      return poison();
    }
    Value* v = emitExpr(*el, elemHint);
    poisoned = poisoned || isPoison(v);
    vals.push_back(v);
    if (isPoison(v)) continue;
    TypePtr prev = unified;
    unified = unified ? unifyTypes(unified, v->type()) : v->type();
    // PyTorch 1.13 types a heterogeneous literal as List[Union[...]] (with a warning).
    if (!unified && !elemHint) unified = types::unionOf({prev, v->type()});
  }
  if (poisoned) return poison();
  if (!elem) elem = e.elts.empty() ? types::tensor() : unified;
  for (Value* v : vals)
    if (!isSubtypeForArg(v->type(), elem)) {
      error(e.range(), "List type annotation List[" + elem->str() + "] did not match the types of the list elements (" +
                           v->type()->str() + ")");
      return poison();
    }
  ir::Node* n = graph.createList(elem, vals);
  n->setSourceLoc(loc(e.range()));
  return graph.insertNode(n)->output();
}

Value* FunctionEmitter::emitDictLiteral(const ast::Dict& e, const TypePtr& hint) {
  TypePtr kt, vt;
  const TypePtr dictHint = hint && hint->kind() == TypeKind::Dict ? hint : nullptr;
  if (dictHint) {
    kt = dictHint->keyType();
    vt = dictHint->valueType();
  }
  std::vector<Value*> vals;
  for (size_t i = 0; i < e.keys.size(); ++i) {
    if (!e.keys[i]) {
      error(e.values[i]->range(), "TorchScript does not support ** in dict literals");
      return poison();
    }
    // Like PyTorch, the annotation does not type the entries (`{"a": []}` holds a
    // List[Tensor] even under Dict[str, List[int]]); it is only checked against them.
    Value* k = emitExpr(*e.keys[i]);
    Value* v = emitExpr(*e.values[i]);
    if (isPoison(k) || isPoison(v)) return poison();
    if (dictHint && (!isSubtypeForArg(k->type(), kt) || !isSubtypeForArg(v->type(), vt))) {
      const bool keyBad = !isSubtypeForArg(k->type(), kt);
      error(e.range(), fmt::format("Type annotation was inferred to be `{}`, but the type of {} given by the dict "
                                   "literal is {}",
                                   dictHint->str(), keyBad ? "keys" : "values", (keyBad ? k : v)->type()->str()));
      return poison();
    }
    if (!dictHint) {
      TypePtr nk = kt ? unifyTypes(kt, k->type()) : k->type();
      TypePtr nv = vt ? unifyTypes(vt, v->type()) : v->type();
      if (!nk || !nv) {
        error(e.range(), "Dict values must contain only a single type, found " + (nv ? kt : vt)->str() + " and " +
                             (nv ? k : v)->type()->str());
        return poison();
      }
      kt = nk;
      vt = nv;
    }
    vals.push_back(k);
    vals.push_back(v);
  }
  if (!kt) kt = types::str();
  if (!vt) vt = types::tensor();
  if (kt->kind() == TypeKind::Enum) {  // no hash in TorchScript (DictType::create refuses it)
    error(e.range(), "Cannot create dict for key type '" + kt->str() +
                         "', only int, float, complex, Tensor, device and string keys are supported");
    return poison();
  }
  ir::Node* n = graph.create(ir::prim::DictConstruct, vals);
  n->output()->setType(types::dict(kt, vt));
  n->setSourceLoc(loc(e.range()));
  return graph.insertNode(n)->output();
}

SV FunctionEmitter::emitAttribute(const ast::Attribute& e) {
  const SourceRange& r = e.range();
  SV base = emitSugared(*e.value);
  auto simple = [](Value* v) {
    auto s = std::make_shared<Sugared>();
    s->value = v;
    return s;
  };
  if (base->kind == Sugared::Kind::Module) return moduleAttribute(base->name, e.attr, r);
  if (ctx.archive && base->kind == Sugared::Kind::Class && e.attr == "__new__" && base->cls->type) {
    auto s = std::make_shared<Sugared>();
    s->kind = Sugared::Kind::Builtin;
    s->name = "$new:" + base->cls->type->name();
    return s;
  }
  if (base->kind == Sugared::Kind::Class && base->cls->isEnum) {
    TypePtr et = useEnum(*base->cls, r, diag());
    if (!et) return simple(poison());
    // Each use is its own constant, as in PyTorch: `is` compares these identities.
    if (asEnum(et)->find(e.attr)) return simple(constant(makeEnumValue(et, e.attr), r));
    error(r, fmt::format("'Enum<{}>' has no attribute '{}'", et->name(), e.attr));
    return simple(poison());
  }
  if (base->kind != Sugared::Kind::Simple) {
    error(r, "unknown attribute '" + e.attr + "'");
    return simple(poison());
  }
  Value* v = base->value;
  if (isPoison(v)) return simple(v);
  const TypePtr& t = v->type();
  if (t->kind() == TypeKind::Tensor) {
    if (e.attr == "shape") return simple(callOp("aten::size", {{v, r}}, r));
    if (e.attr == "dtype") return simple(callOp("prim::dtype", {{v, r}}, r));
    if (e.attr == "device") return simple(callOp("prim::device", {{v, r}}, r));
    if (e.attr == "ndim") return simple(callOp("aten::dim", {{v, r}}, r));
    if (e.attr == "is_cuda") return simple(constant(IValue(false), r));
    if (e.attr == "requires_grad") return simple(callOp("prim::requires_grad", {{v, r}}, r));
    if (e.attr == "data") return simple(callOp("prim::data", {{v, r}}, r));
    if (e.attr == "T") return simple(callOp("aten::numpy_T", {{v, r}}, r));
    if (e.attr == "is_quantized" || e.attr == "is_sparse" || e.attr == "is_mkldnn") return simple(constant(IValue(false), r));
  }
  if (const EnumType* et = asEnum(t)) {
    if (e.attr == "name") return simple(callExact("prim::EnumName", {v}, types::str(), r));
    if (e.attr == "value") {
      const TypePtr& vt = et->valueType();
      const char* overload = vt->kind() == TypeKind::Int ? "prim::EnumValue.int"
                             : vt->kind() == TypeKind::Float ? "prim::EnumValue.float"
                                                             : "prim::EnumValue.str";
      return simple(callExact(overload, {v}, vt, r));
    }
  }
  if (t->isNamedTuple()) {
    const auto& names = t->fieldNames();
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == e.attr) return simple(insertNode(ir::prim::TupleIndex, {v, constant(IValue(int64_t(i)), r)}, t->contained()[i], r));
  }
  if (const ClassType* cls = asClass(t)) {
    if (const auto* a = cls->attribute(e.attr)) {
      ir::Node* n = graph.createGetAttr(v, e.attr, a->type);
      n->setSourceLoc(loc(r));
      return simple(graph.insertNode(n)->output());
    }
    if (const IValue* c = cls->findConstant(e.attr)) return simple(constant(*c, r));
  }
  if (t->kind() == TypeKind::Optional) {
    std::string name(e.value->range().text());
    error(r, fmt::format("'{}' is {} here, which has no attribute '{}'", name, t->str(), e.attr),
          "refine it first, e.g. `assert " + name + " is not None`");
    return simple(poison());
  }
  auto m = std::make_shared<Sugared>();
  m->kind = Sugared::Kind::Method;
  m->value = v;
  m->name = e.attr;
  return m;
}

}  // namespace ember::compiler
