// Calls: Python builtins, torch.* / F.* / math.*, tensor/list/str/dict
// methods (aten ops with self first), user functions, classes and NamedTuples.
#include <fmt/format.h>
#include <cmath>
#include <limits>

#include "ember/compiler/emitter.h"
#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {

// torch.nn.functional wrappers PyTorch writes in Python, mapped to the aten op they end in.
std::string functionalOp(const std::string& name) {
  static const std::map<std::string, std::string> m = {
      {"relu", "aten::relu"},       {"gelu", "aten::gelu"},           {"silu", "aten::silu"},
      {"sigmoid", "aten::sigmoid"}, {"tanh", "aten::tanh"},           {"softmax", "aten::softmax"},
      {"log_softmax", "aten::log_softmax"}, {"linear", "aten::linear"}, {"conv2d", "aten::conv2d"},
      {"conv1d", "aten::conv1d"},   {"max_pool2d", "aten::max_pool2d"}, {"avg_pool2d", "aten::avg_pool2d"},
      {"dropout", "aten::dropout"}, {"leaky_relu", "aten::leaky_relu"}, {"elu", "aten::elu"},
      {"hardtanh", "aten::hardtanh"}, {"pad", "aten::pad"}, {"layer_norm", "aten::layer_norm"},
      {"batch_norm", "aten::batch_norm"}, {"embedding", "aten::embedding"}, {"normalize", "aten::normalize"},
      {"mse_loss", "aten::mse_loss"}, {"cross_entropy", "aten::cross_entropy_loss"}, {"softplus", "aten::softplus"},
      {"mish", "aten::mish"}, {"hardswish", "aten::hardswish"}, {"hardsigmoid", "aten::hardsigmoid"},
      {"relu6", "aten::relu6"}, {"adaptive_avg_pool2d", "aten::adaptive_avg_pool2d"},
      {"interpolate", "aten::upsample_nearest2d"}, {"one_hot", "aten::one_hot"}, {"glu", "aten::glu"},
  };
  auto it = m.find(name);
  return it == m.end() ? "aten::" + name : it->second;
}

std::optional<int64_t> dtypeConstant(const std::string& name) {
  static const std::map<std::string, int64_t> m = {
      {"uint8", 0},   {"int8", 1},     {"int16", 2},   {"short", 2},    {"int32", 3},  {"int", 3},
      {"int64", 4},   {"long", 4},     {"float16", 5}, {"half", 5},     {"float32", 6}, {"float", 6},
      {"float64", 7}, {"double", 7},   {"bool", 11},   {"bfloat16", 15},
  };
  auto it = m.find(name);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

}  // namespace

SV FunctionEmitter::moduleAttribute(const std::string& module, const std::string& attr, const SourceRange& r) {
  if (ctx.archive)
    if (SV a = archiveModuleAttribute(module, attr, r)) return a;
  auto s = std::make_shared<Sugared>();
  if (module == "torch") {
    if (attr == "nn") {
      s->kind = Sugared::Kind::Module;
      s->name = "torch.nn";
      return s;
    }
    if (attr == "jit") {
      s->kind = Sugared::Kind::Module;
      s->name = "torch.jit";
      return s;
    }
    if (auto d = dtypeConstant(attr)) {
      s->value = constant(IValue(*d), r);
      return s;
    }
    if (attr == "Tensor") {
      s->kind = Sugared::Kind::TypeName;
      s->type = types::tensor();
      return s;
    }
    s->kind = Sugared::Kind::Op;
    s->name = "aten::" + attr;
    if (attr == "no_grad" || attr == "enable_grad" || attr == "device" || attr == "tensor" || attr == "is_grad_enabled")
      s->name = attr == "device" ? "aten::device" : attr == "tensor" ? "aten::tensor" : "$" + attr;
    return s;
  }
  if (module == "torch.nn") {
    if (attr == "functional") {
      s->kind = Sugared::Kind::Module;
      s->name = "torch.nn.functional";
      return s;
    }
  }
  if (module == "torch.nn.functional") {
    s->kind = Sugared::Kind::Op;
    s->name = functionalOp(attr);
    return s;
  }
  if (module == "torch.jit") {
    s->kind = Sugared::Kind::Builtin;
    s->name = "jit." + attr;
    return s;
  }
  if (module == "math") {
    if (attr == "pi") return s->value = constant(IValue(M_PI), r), s;
    if (attr == "e") return s->value = constant(IValue(M_E), r), s;
    if (attr == "inf") return s->value = constant(IValue(std::numeric_limits<double>::infinity()), r), s;
    if (attr == "nan") return s->value = constant(IValue(std::nan("")), r), s;
    if (attr == "tau") return s->value = constant(IValue(2 * M_PI), r), s;
    s->kind = Sugared::Kind::Op;
    // math.remainder is IEEE's (round-half-even quotient), not Python's %.
    s->name = attr == "remainder" ? "aten::mathremainder" : "aten::" + attr;
    return s;
  }
  if (module == "typing") {
    s->kind = Sugared::Kind::Builtin;
    s->name = "typing." + attr;
    return s;
  }
  error(r, "unknown attribute '" + attr + "' of module " + module);
  s->value = poison();
  return s;
}

SV FunctionEmitter::emitCall(const ast::Call& e, const TypePtr& hint) {
  SV callee = emitSugared(*e.func);
  std::vector<NamedValue> args, kwargs;
  // isinstance and annotate read their arguments as types, not values.
  bool typeArgs = callee->kind == Sugared::Kind::Builtin &&
                  (callee->name == "isinstance" || callee->name == "jit.annotate" ||
                   callee->name == "$unchecked_cast" || callee->name == "$uninitialized" ||
                   callee->name.rfind("$new:", 0) == 0);
  if (callee->kind == Sugared::Kind::Simple && isPoison(callee->value)) return callee;
  if (!typeArgs) {
    for (const auto& a : e.args) {
      if (ast::isa<ast::Starred>(a.get())) {
        error(a->range(), "TorchScript does not support *args in calls", "pass the arguments one by one");
        continue;
      }
      args.push_back({emitExpr(*a), a->range()});
    }
    for (const auto& k : e.keywords) {
      if (k.name.empty()) {
        error(k.range, "TorchScript does not support **kwargs in calls");
        continue;
      }
      kwargs.push_back({emitExpr(*k.value), k.range, k.name});
    }
  }
  auto s = std::make_shared<Sugared>();
  s->value = callSugared(callee, std::move(args), std::move(kwargs), e, hint);
  return s;
}

Value* FunctionEmitter::callSugared(const SV& callee, std::vector<NamedValue> args, std::vector<NamedValue> kwargs,
                                    const ast::Call& e, const TypePtr& hint) {
  const SourceRange& r = e.range();
  // Before the poison check: a load-time error names every missing operator.
  if (callee->kind == Sugared::Kind::Op && callee->name[0] != '$' &&
      ops::Registry::global().overloads(callee->name).empty())
    ctx.unknownOps.insert(callee->name);
  for (const auto& a : args)
    if (isPoison(a.value)) return a.value;
  switch (callee->kind) {
    case Sugared::Kind::Builtin: return callBuiltin(callee->name, std::move(args), std::move(kwargs), e, hint);
    case Sugared::Kind::Op:
      if (callee->name == "$no_grad" || callee->name == "$enable_grad") return constant(IValue(), r);
      if (callee->name == "$is_grad_enabled") return constant(IValue(false), r);
      return callOp(callee->name, std::move(args), r, kwargs);
    case Sugared::Kind::Method:
      if (callee->name == "tolist" && callee->value->type()->kind() == TypeKind::Tensor && args.empty())
        return emitToList(callee->value, hint, r);
      return callMethod(callee->value, callee->name, std::move(args), std::move(kwargs), r);
    case Sugared::Kind::Function: return callUserFunction(*callee->fn, nullptr, std::move(args), std::move(kwargs), r);
    case Sugared::Kind::Class: return constructClass(*callee->cls, std::move(args), std::move(kwargs), r);
    case Sugared::Kind::Exception:
      error(r, "exceptions can only be raised: `raise " + callee->name + "(...)`");
      return poison();
    default: break;
  }
  error(r, fmt::format("'{}' is not callable", e.func->range().text()));
  return poison();
}



Value* FunctionEmitter::callBuiltin(const std::string& name, std::vector<NamedValue> args,
                                    std::vector<NamedValue> kwargs, const ast::Call& e, const TypePtr& hint) {
  const SourceRange& r = e.range();
  auto argc = [&](size_t lo, size_t hi) {
    if (args.size() < lo || args.size() > hi) {
      error(r, name + "() takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                   " arguments but " + std::to_string(args.size()) + " were given");
      return false;
    }
    return true;
  };
  if (name[0] == '$' && ctx.archive) return callArchiveBuiltin(name, std::move(args), e);
  if (name == "isinstance") {
    if (e.args.size() != 2) {
      error(r, "isinstance() takes 2 arguments");
      return poison();
    }
    return isInstance(emitExpr(*e.args[0]), *e.args[1], r, nullptr, "");
  }
  if (name == "jit.annotate") {
    if (e.args.size() != 2) {
      error(r, "torch.jit.annotate(type, value) takes 2 arguments");
      return poison();
    }
    TypePtr t = parseType(*e.args[0], ctx);
    Value* v = emitExpr(*e.args[1], t);
    if (!t || isPoison(v)) return poison();
    if (!isSubtypeForArg(v->type(), t)) {
      error(r, "torch.jit.annotate: value of type " + v->type()->str() + " does not match " + t->str());
      return poison();
    }
    return castTo(v, t, r);
  }
  if (name == "jit.is_scripting") return constant(IValue(true), r);
  if (name == "jit._unwrap_optional") return callOp("aten::_unwrap_optional", std::move(args), r, kwargs);
  if (name == "print") {
    std::vector<Value*> ins;
    for (const auto& a : args) ins.push_back(a.value);
    ir::Node* n = graph.create(ir::prim::Print, ins, 0);
    n->setOp(ops::Registry::global().find("prim::Print"));
    n->setSourceLoc(loc(r));
    graph.insertNode(n);
    return constant(IValue(), r);
  }
  if (name == "len") return argc(1, 1) ? callOp("aten::len", args, r) : poison();
  if (name == "range") {
    if (!argc(1, 3)) return poison();
    if (args.size() == 1) return callOp("prim::rangelist", args, r);
    // range(start, stop[, step]) as a value: the list a loop over it builds.
    Value* start = args[0].value;
    Value* step = args.size() == 3 ? args[2].value : constant(IValue(int64_t(1)), r);
    Value* trip = callOp("aten::__range_length", {{start, r}, args[1], {step, r}}, r);
    ir::Node* listNode = graph.createList(types::intT(), {});
    listNode->setSourceLoc(loc(r));
    Value* list = graph.insertNode(listNode)->output();
    emitLoop(
        trip, constant(IValue(true), r),
        [&](Value* i) {
          Value* v = callOp("aten::__derive_index", {{i, r}, {start, r}, {step, r}}, r);
          callOp("aten::append", {{list, r}, {v, r}}, r);
        },
        nullptr, r);
    return list;
  }
  if (name == "abs") return argc(1, 1) ? (args[0].value->type()->kind() == TypeKind::Tensor ? callOp("aten::abs", args, r) : callOp("prim::abs", args, r)) : poison();
  if (name == "min" || name == "max") {
    if (args.size() == 1 && args[0].value->type()->kind() == TypeKind::Tensor) return callOp("aten::" + name, args, r);
    if (args.size() > 2) {
      Value* acc = args[0].value;
      for (size_t i = 1; i < args.size(); ++i) acc = callOp("prim::" + name, {{acc, r}, args[i]}, r);
      return acc;
    }
    return callOp("prim::" + name, args, r);
  }
  if (name == "sum") return callOp("aten::sum", args, r);
  if (name == "sorted") return callOp("aten::sorted", args, r, kwargs);
  if (name == "all") return callOp("aten::all", args, r);
  if (name == "any") return callOp("aten::any", args, r);
  if (name == "int" || name == "float" || name == "bool") {
    if (args.empty()) return constant(name == "int" ? IValue(int64_t(0)) : name == "float" ? IValue(0.0) : IValue(false), r);
    if (!argc(1, 1)) return poison();
    std::string target = name == "int" ? "int" : name == "float" ? "float" : "bool";
    if (args[0].value->type()->str() == target) return args[0].value;
    std::string op = name == "int" ? "aten::Int" : name == "float" ? "aten::Float" : "aten::Bool";
    return callOp(op, args, r);
  }
  if (name == "str") {
    if (!argc(1, 1)) return poison();
    if (args[0].value->type()->kind() == TypeKind::Str) return args[0].value;
    return callOp("aten::str", args, r);
  }
  if (name == "ord" || name == "chr" || name == "hex" || name == "oct" || name == "bin") return callOp("aten::" + name, args, r);
  if (name == "divmod") return callOp("aten::divmod", args, r);
  if (name == "round") {
    if (args.size() == 2) {
      error(r, "round() with ndigits is not supported in TorchScript");
      return poison();
    }
    return callOp("aten::round", args, r);
  }
  if (name == "pow") return callOp("aten::pow", args, r);
  if (name == "hash") return callOp("aten::hash", args, r);
  if (name == "id") return callOp("prim::id", args, r);
  if (name == "list") {
    if (args.empty()) {
      TypePtr t = hint && hint->kind() == TypeKind::List ? hint : types::list(types::tensor());
      ir::Node* n = graph.createList(t->elementType(), {});
      return graph.insertNode(n)->output();
    }
    if (args[0].value->type()->kind() == TypeKind::Str) return callOp("aten::list", args, r);
    return callOp("aten::list", args, r);
  }
  if (name == "dict") {
    if (args.empty()) {
      TypePtr t = hint && hint->kind() == TypeKind::Dict ? hint : types::dict(types::str(), types::tensor());
      ir::Node* n = graph.create(ir::prim::DictConstruct, 1);
      n->output()->setType(t);
      return graph.insertNode(n)->output();
    }
    return callOp("aten::dict", args, r);
  }
  if (name == "tuple") {
    if (args.size() == 1 && args[0].value->type()->kind() == TypeKind::Tuple) return args[0].value;
    error(r, "tuple() is only supported on tuples in TorchScript (the length of a list is not static)");
    return poison();
  }
  if (name == "getattr" || name == "hasattr") {
    if (e.args.size() < 2 || !ast::isa<ast::StrLit>(e.args[1].get())) {
      error(r, name + "() needs a constant string attribute name in TorchScript",
            "write the attribute directly (obj.name) or use a Dict");
      return poison();
    }
    const std::string& attr = static_cast<const ast::StrLit&>(*e.args[1]).value;
    const ClassType* cls = asClass(args[0].value->type());
    if (name == "hasattr") return constant(IValue(cls && cls->attribute(attr) != nullptr), r);
    if (cls && cls->attribute(attr)) {
      ir::Node* n = graph.createGetAttr(args[0].value, attr, cls->attribute(attr)->type);
      return graph.insertNode(n)->output();
    }
    if (args.size() == 3) return args[2].value;
    error(r, "object has no attribute '" + attr + "'");
    return poison();
  }
  if (name.rfind("typing.", 0) == 0) {
    error(r, name + " cannot be called");
    return poison();
  }
  if (name == "enumerate" || name == "zip" || name == "reversed") {
    error(r, name + "() can only be used as the iterable of a for loop or comprehension");
    return poison();
  }
  error(r, "builtin " + name + "() is not supported");
  return poison();
}

Value* FunctionEmitter::callUserFunction(FunctionInfo& f, Value* self, std::vector<NamedValue> args,
                                         std::vector<NamedValue> kwargs, const SourceRange& r) {
  const ops::FunctionSchema* schema = ctx.ensureCompiled(f, r);
  if (!schema) return poison();
  if (self) args.insert(args.begin(), NamedValue{self, r});
  std::string why;
  auto m = tryMatchSchema(*schema, graph, args, kwargs, true, &why, loc(r));
  if (!m) {
    error(r, "Arguments for call are not valid: " + f.name + "(): " + why);
    return poison();
  }
  ir::Node* n = graph.create(self ? ir::prim::CallMethod : ir::prim::CallFunction, m->inputs, 1);
  n->s_(ir::attr::name, self ? f.def->name : f.name);
  n->output()->setType(m->returnTypes.empty() ? types::none() : m->returnTypes[0]);
  n->setSourceLoc(loc(r));
  return graph.insertNode(n)->output();
}

Value* FunctionEmitter::constructClass(ClassInfo& c, std::vector<NamedValue> args, std::vector<NamedValue> kwargs,
                                       const SourceRange& r) {
  if (c.isEnum) {
    error(r, "cannot call a EnumClass", "name a member instead: " + c.def->name + ".<NAME>");
    return poison();
  }
  if (c.namedTuple) {
    ops::FunctionSchema s;
    s.name = c.namedTuple->name();
    for (size_t i = 0; i < c.namedTuple->fieldNames().size(); ++i) {
      ops::Argument a;
      a.name = c.namedTuple->fieldNames()[i];
      a.type = c.namedTuple->contained()[i];
      if (i < c.namedTupleDefaults.size()) a.defaultValue = c.namedTupleDefaults[i];
      s.arguments.push_back(a);
    }
    std::string why;
    auto m = tryMatchSchema(s, graph, args, kwargs, true, &why, loc(r));
    if (!m) {
      error(r, "Arguments for call are not valid: " + s.name + "(): " + why);
      return poison();
    }
    ir::Node* n = graph.create(ir::prim::TupleConstruct, m->inputs);
    n->output()->setType(c.namedTuple);
    n->setSourceLoc(loc(r));
    return graph.insertNode(n)->output();
  }
  auto it = c.methods.find("__init__");
  ir::Node* obj = graph.create(ir::prim::CreateObject, 1);
  obj->output()->setType(c.type);
  obj->setSourceLoc(loc(r));
  graph.insertNode(obj);
  if (it != c.methods.end()) callUserFunction(*it->second, obj->output(), std::move(args), std::move(kwargs), r);
  return obj->output();
}

// The result type of t.tolist() is not in the tensor's type: like PyTorch,
// take it from the annotation the value flows into and let prim::tolist
// check the tensor's dim and dtype against it at run time.
Value* FunctionEmitter::emitToList(Value* self, const TypePtr& hint, const SourceRange& r) {
  if (!hint) {
    error(r, "Expected type hint for result of tolist()", "annotate the target: `xs: List[float] = t.tolist()`");
    return poison();
  }
  int64_t dims = 0;
  TypePtr elem = hint;
  while (elem->kind() == TypeKind::List) {
    elem = elem->contained()[0];
    ++dims;
  }
  int64_t code = -1;
  if (elem->kind() == TypeKind::Int) code = 0;
  else if (elem->kind() == TypeKind::Float) code = 1;
  else if (elem->kind() == TypeKind::Bool) code = 2;
  if (code < 0) {
    error(r, "Unsupported element type for tolist; only int, float, complex and bool are supported, got " +
                 hint->str());
    return poison();
  }
  return callExact("prim::tolist", {self, constant(IValue(dims), r), constant(IValue(code), r)}, hint, r);
}

Value* FunctionEmitter::callMethod(Value* self, const std::string& name, std::vector<NamedValue> args,
                                   std::vector<NamedValue> kwargs, const SourceRange& r) {
  if (isPoison(self)) return self;
  const TypePtr& t = self->type();
  if (const ClassType* cls = asClass(t)) {
    ClassInfo* info = ctx.archive ? ctx.findClass(cls->name()) : ctx.findClass(cls->name().substr(cls->name().rfind('.') + 1));
    if (info) {
      auto it = info->methods.find(name);
      if (it != info->methods.end()) return callUserFunction(*it->second, self, std::move(args), std::move(kwargs), r);
    }
    error(r, "Tried to access nonexistent attribute or method '" + name + "' of type '" + cls->name() + "'.",
          "in __init__, assign it first: `self." + name + " = ...`");
    return poison();
  }
  if (t->kind() == TypeKind::Tensor) {
    static const std::map<std::string, std::string> aliases = {
        {"bool", "$to:11"}, {"float", "$to:6"}, {"double", "$to:7"}, {"long", "$to:4"}, {"int", "$to:3"},
        {"half", "$to:5"}, {"byte", "$to:0"}, {"short", "$to:2"}, {"char", "$to:1"}};
    auto a = aliases.find(name);
    if (a != aliases.end() && args.empty()) {
      Value* dt = constant(IValue(int64_t(std::stoi(a->second.substr(4)))), r);
      return callOp("aten::to", {{self, r}, {dt, r}}, r);
    }
  }
  if (t->kind() == TypeKind::Optional) {
    error(r, fmt::format("'{}' value has no method '{}'", t->str(), name), "refine it first, e.g. `assert x is not None`");
    return poison();
  }
  args.insert(args.begin(), NamedValue{self, r});
  std::string opName = "aten::" + name;
  if (t->kind() == TypeKind::Dict && name == "get" && args.size() == 2) {
    // d.get(k) returns Optional[V]
  }
  return callOp(opName, std::move(args), r, kwargs);
}

}  // namespace ember::compiler
