// FunctionEmitter: the function-level driver (parameters, return value) and
// the small helpers every other part uses.
#include <fmt/format.h>

#include "ember/compiler/emitter.h"
#include "ember/ops/registry.h"
#include "ember/value/enum_type.h"

namespace ember::compiler {

FunctionEmitter::FunctionEmitter(ModuleContext& c, FunctionInfo& f)
    : ctx(c), fn(f), graphPtr(std::make_shared<ir::Graph>()), graph(*graphPtr) {}

ir::SourceLoc FunctionEmitter::loc(const SourceRange& r) const {
  if (!r.valid()) return {};
  // One shared file-name string per function, not one per node.
  if (!fileName_ || *fileName_ != r.file->name()) fileName_ = std::make_shared<const std::string>(r.file->name());
  return ir::SourceLoc(fileName_, r);
}

void FunctionEmitter::error(const SourceRange& r, std::string msg, std::optional<std::string> hint) {
  diag().error(r, std::move(msg), std::move(hint));
}

Value* FunctionEmitter::poison() {
  ir::Node* n = graph.createUninitialized(types::any());
  Value* v = graph.insertNode(n)->output();
  poisoned_.insert(v);
  return v;
}

Value* FunctionEmitter::constant(const IValue& v, const SourceRange& r) { return graph.insertConstant(v, loc(r)); }

Value* FunctionEmitter::insertNode(ir::Symbol kind, std::vector<Value*> inputs, TypePtr type, const SourceRange& r) {
  return graph.insert(kind, inputs, std::move(type), loc(r));
}

Value* FunctionEmitter::callExact(const std::string& qualifiedName, std::vector<Value*> inputs, TypePtr type,
                                  const SourceRange& r) {
  const ops::Operator* op = ops::Registry::global().find(qualifiedName);
  if (!op) {
    error(r, "operator " + qualifiedName + " is not available in ember");
    return poison();
  }
  ir::Node* n = graph.create(ir::Symbol::fromQualString(op->schema.name), inputs);
  n->output()->setType(std::move(type));
  n->setSourceLoc(loc(r));
  n->setOp(op);
  return graph.insertNode(n)->output();
}

Value* FunctionEmitter::tryCallOp(const std::string& name, std::vector<NamedValue> args, const SourceRange& r,
                                  const std::vector<NamedValue>& kwargs, std::string* why) {
  for (const auto& a : args)
    if (isPoison(a.value)) return a.value;
  for (const auto& a : kwargs)
    if (isPoison(a.value)) return a.value;
  const auto& overloads = ops::Registry::global().overloads(name);
  if (overloads.empty()) {
    if (why) *why = "Unknown builtin op: " + name + ".";
    return nullptr;
  }
  std::string firstWhy;
  for (bool conversions : {false, true}) {
    for (const ops::Operator* op : overloads) {
      std::string w;
      auto m = tryMatchSchema(op->schema, graph, args, kwargs, conversions, &w, loc(r));
      if (!m) {
        if (why && !conversions) *why += "\n" + op->qualifiedName + ": " + w;
        continue;
      }
      ir::Node* n = graph.create(ir::Symbol::fromQualString(op->schema.name), m->inputs, m->returnTypes.size());
      for (size_t i = 0; i < m->returnTypes.size(); ++i) n->output(i)->setType(m->returnTypes[i]);
      n->setSourceLoc(loc(r));
      n->setOp(op);
      graph.insertNode(n);
      if (m->returnTypes.size() == 1) return n->output();
      if (m->returnTypes.empty()) return constant(IValue(), r);
      std::vector<Value*> outs(n->outputs().begin(), n->outputs().end());
      ir::Node* t = graph.createTuple(outs);
      t->setSourceLoc(loc(r));
      return graph.insertNode(t)->output();
    }
  }
  return nullptr;
}

Value* FunctionEmitter::callOp(const std::string& name, std::vector<NamedValue> args, const SourceRange& r,
                               const std::vector<NamedValue>& kwargs) {
  // Recorded even when an argument is already poisoned, so that a load-time
  // error can name every missing operator, nested calls included.
  if (ops::Registry::global().overloads(name).empty()) ctx.unknownOps.insert(name);
  std::string why;
  if (Value* v = tryCallOp(name, args, r, kwargs, &why)) return v;
  std::optional<std::string> hint;
  for (const auto& a : args) {
    if (a.value->type()->kind() != TypeKind::Optional) continue;
    std::string nm = a.range.text().empty() ? std::string("x") : std::string(a.range.text());
    hint = fmt::format("'{}' is {} here; refine it first, e.g. `assert {} is not None`", nm, a.value->type()->str(), nm);
    break;
  }
  std::vector<std::string> types;
  for (const auto& a : args) types.push_back(a.value->type()->str());
  error(r, fmt::format("Arguments for call are not valid.\nThe following variants are available for {}({}):{}", name,
                       fmt::join(types, ", "), why),
        hint);
  return poison();
}

Value* FunctionEmitter::castTo(Value* v, const TypePtr& type, const SourceRange& r) {
  if (v->type()->equals(*type)) return v;
  return insertNode(ir::prim::unchecked_cast, {v}, type, r);
}

Value* FunctionEmitter::toBool(Value* v, const SourceRange& r) {
  if (isPoison(v)) return v;
  switch (v->type()->kind()) {
    case TypeKind::Bool: return v;
    case TypeKind::Tensor: return callExact("aten::Bool.Tensor", {v}, types::boolT(), r);
    case TypeKind::Int: return callExact("aten::Bool.int", {v}, types::boolT(), r);
    case TypeKind::Float: return callExact("aten::Bool.float", {v}, types::boolT(), r);
    case TypeKind::List:
    case TypeKind::Str:
    case TypeKind::Dict: {
      Value* n = callOp("aten::len", {{v, r}}, r);
      return callOp("aten::ne", {{n, r}, {constant(IValue(int64_t(0)), r), r}}, r);
    }
    default: break;
  }
  std::optional<std::string> hint;
  if (v->type()->kind() == TypeKind::Optional) hint = "compare with None instead: `if x is not None:`";
  error(r, "Could not cast value of type " + v->type()->str() + " to bool", hint);
  return poison();
}

Value* FunctionEmitter::notValue(Value* v, const SourceRange& r) {
  if (isPoison(v)) return v;
  if (auto c = ir::toIValue(v); c && c->isBool()) return constant(IValue(!c->toBool()), r);
  return callExact("aten::__not__", {v}, types::boolT(), r);
}

// ---------------------------------------------------------------- driver

namespace {

std::optional<IValue> constantDefault(const ast::Expr& e) {
  if (auto* i = ast::dyn_cast<ast::IntLit>(&e)) return IValue(i->value);
  if (auto* f = ast::dyn_cast<ast::FloatLit>(&e)) return IValue(f->value);
  if (auto* b = ast::dyn_cast<ast::BoolLit>(&e)) return IValue(b->value);
  if (auto* s = ast::dyn_cast<ast::StrLit>(&e)) return IValue(s->value);
  if (ast::isa<ast::NoneLit>(&e)) return IValue();
  if (auto* u = ast::dyn_cast<ast::UnaryOp>(&e); u && u->op == ast::UnaryOpKind::USub) {
    auto v = constantDefault(*u->operand);
    if (v && v->isInt()) return IValue(-v->toInt());
    if (v && v->isDouble()) return IValue(-v->toDouble());
  }
  if (auto* t = ast::dyn_cast<ast::Tuple>(&e)) {
    std::vector<IValue> elems;
    for (const auto& el : t->elts) {
      auto v = constantDefault(*el);
      if (!v) return std::nullopt;
      elems.push_back(*v);
    }
    return IValue(makeTuple(std::move(elems)));
  }
  if (auto* l = ast::dyn_cast<ast::List>(&e)) {
    std::vector<int64_t> ints;
    std::vector<double> floats;
    for (const auto& el : l->elts) {
      auto v = constantDefault(*el);
      if (!v) return std::nullopt;
      if (v->isInt()) ints.push_back(v->toInt());
      else if (v->isDouble()) floats.push_back(v->toDouble());
      else return std::nullopt;
    }
    if (!floats.empty() && !ints.empty()) return std::nullopt;
    return floats.empty() ? intList(ints) : doubleList(floats);
  }
  return std::nullopt;
}

std::string pythonSpelling(const IValue& v) {
  if (v.isInt()) return "int";
  if (v.isDouble()) return "float";
  if (v.isBool()) return "bool";
  if (v.isString()) return "str";
  if (v.isNone()) return "Optional[Tensor]";
  if (v.isList()) return v.type()->str();
  return v.type()->str();
}

}  // namespace

// `c: Color = Color.GREEN` (in archives `__torch__.Color.GREEN`).
std::optional<IValue> FunctionEmitter::enumDefault(const ast::Expr& e) {
  auto* a = ast::dyn_cast<ast::Attribute>(&e);
  if (!a) return std::nullopt;
  std::string cls;
  for (const ast::Expr* x = a->value.get();;) {
    if (auto* n = ast::dyn_cast<ast::Name>(x)) {
      cls = n->id + (cls.empty() ? "" : "." + cls);
      break;
    }
    auto* inner = ast::dyn_cast<ast::Attribute>(x);
    if (!inner) return std::nullopt;
    cls = inner->attr + (cls.empty() ? "" : "." + cls);
    x = inner->value.get();
  }
  ClassInfo* ci = ctx.findClass(cls);
  if (!ci || !ci->isEnum) return std::nullopt;
  TypePtr t = useEnum(*ci, e.range(), diag());
  if (!t || !asEnum(t)->find(a->attr)) return std::nullopt;
  return makeEnumValue(t, a->attr);
}

void FunctionEmitter::emitParameters() {
  const ast::FunctionDef& def = *fn.def;
  const ast::Parameters& ps = def.params;
  if (ps.varArgs)
    error(ps.varArgs->range, "TorchScript does not support variadic arguments (*" + ps.varArgs->name + ")",
          "take a List or Tuple argument instead");
  if (ps.kwArgs)
    error(ps.kwArgs->range, "TorchScript does not support keyword variadic arguments (**" + ps.kwArgs->name + ")",
          "take a Dict argument instead");
  ops::FunctionSchema schema;
  schema.name = fn.name;
  std::vector<const ast::Param*> all;
  for (const auto& p : ps.params) all.push_back(&p);
  for (const auto& p : ps.kwOnly) all.push_back(&p);
  size_t commentIndex = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const ast::Param& p = *all[i];
    ops::Argument arg;
    arg.name = p.name;
    arg.kwargOnly = i >= ps.params.size();
    TypePtr type;
    if (i == 0 && fn.owner) {
      type = fn.owner;
    } else if (p.annotation) {
      type = parseType(*p.annotation, ctx);
    } else if (def.typeComment && commentIndex < def.typeComment->argTypes.size()) {
      type = parseType(*def.typeComment->argTypes[commentIndex], ctx);
    }
    if (!(i == 0 && fn.owner)) ++commentIndex;
    bool inferred = !type;
    if (!type) type = types::tensor();
    if (p.defaultValue) {
      auto d = constantDefault(*p.defaultValue);
      if (!d && ctx.archive) d = archiveConstant(*p.defaultValue);
      if (!d) d = enumDefault(*p.defaultValue);
      if (!d) {
        error(p.defaultValue->range(), "default values must be constants (literals, None, tuples or lists of numbers)");
      } else if (inferred && !d->isNone()) {
        error(p.defaultValue->range(),
              "Keyword arguments with defaults need to be type-hinted: parameter '" + p.name +
                  "' has no annotation, so TorchScript assumes it is a Tensor, but its default is a " +
                  pythonSpelling(*d),
              "annotate it: `" + p.name + ": " + pythonSpelling(*d) + " = " + std::string(p.defaultValue->range().text()) +
                  "`");
      } else if (inferred && d->isNone()) {
        type = types::optional(types::tensor());
        arg.defaultValue = *d;
      } else {
        if (d->isInt() && type->kind() == TypeKind::Float) d = IValue(static_cast<double>(d->toInt()));
        arg.defaultValue = *d;
      }
    }
    if (!type) type = types::any();
    arg.type = type;
    Value* v = graph.addInput(p.name);
    v->setType(type);
    assign(p.name, v, p.range);
    schema.arguments.push_back(std::move(arg));
  }
  fn.schema = std::move(schema);
  if (def.returns) declaredReturn = parseType(*def.returns, ctx);
  else if (def.typeComment && def.typeComment->returnType) declaredReturn = parseType(*def.typeComment->returnType, ctx);
  if (!declaredReturn && def.returns) declaredReturn = types::any();
  if (fn.owner && def.name == "__init__") declaredReturn = types::none();
}

std::shared_ptr<ir::Graph> FunctionEmitter::emit() {
  Frame root;
  frame = &root;
  inInit = fn.owner && fn.def->name == "__init__";
  if (fn.def->isAsync)
    error(fn.def->range(), "TorchScript does not support async functions", "remove `async` (and any `await`)");
  emitParameters();
  // A return anywhere but as the last top-level statement needs the flag form.
  const ast::StmtList& body = fn.def->body;
  for (size_t i = 0; i < body.size(); ++i) {
    bool tail = i + 1 == body.size() && ast::isa<ast::Return>(body[i].get());
    if (!tail && stmtContainsReturn(*body[i])) usesReturnFlag = true;
  }
  SourceRange fr = fn.def->range();
  if (usesReturnFlag) {
    assign("$ret", constant(IValue(false), fr), fr);
    ir::Node* u = graph.createUninitialized(declaredReturn ? declaredReturn : types::any());
    assign("$retval", graph.insertNode(u)->output(), fr);
  }
  ExitInfo ex = emitStatements(body);
  if (!ex.always) {
    bool hasReturn = containsReturn(body);
    bool declaredNone = !declaredReturn || declaredReturn->kind() == TypeKind::None;
    if ((hasReturn || !declaredNone) && !inInit)
      error(fn.def->nameRange, "Function was not annotated as having type None, but does not return along all paths",
            "end the function with a return statement");
    ast::Return implicit(fr.endPos());
    emitReturn(implicit);
  }
  TypePtr outType = declaredReturn;
  if (!outType) {
    for (const auto& t : returnTypes) {
      if (!outType) {
        outType = t;
        continue;
      }
      outType = unifyTypes(outType, t);
      if (!outType) break;
    }
    if (!outType) outType = returnTypes.empty() ? types::none() : types::any();
  }
  Value* result = usesReturnFlag ? lookupNoError("$retval") : directReturn;
  if (!result) result = constant(IValue(), fr);
  result = castTo(result, outType, fr);
  graph.registerOutput(result);
  ops::Argument ret;
  ret.type = outType;
  fn.schema->returns = {ret};
  return graphPtr;
}

}  // namespace ember::compiler
