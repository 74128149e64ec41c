// Names that only occur in code/ of a TorchScript archive, as PyTorch's
// serializer prints them: fully qualified classes and functions
// (`__torch__.a.b.Cls`), `ops.<ns>.<op>`, `CONSTANTS.cN`, and the helpers
// annotate / unchecked_cast / uninitialized / ops.prim.RaiseException.
#include <fmt/format.h>

#include <limits>

#include "ember/compiler/emitter.h"

namespace ember::compiler {

namespace {

SV moduleNamed(std::string name) {
  auto s = std::make_shared<Sugared>();
  s->kind = Sugared::Kind::Module;
  s->name = std::move(name);
  return s;
}

SV builtinNamed(std::string name) {
  auto s = std::make_shared<Sugared>();
  s->kind = Sugared::Kind::Builtin;
  s->name = std::move(name);
  return s;
}

// The root Name of an attribute chain (`__torch__` in `__torch__.a.f`).
const ast::Name* chainRoot(const ast::Expr& e) {
  const ast::Expr* cur = &e;
  while (auto* a = ast::dyn_cast<ast::Attribute>(cur)) cur = a->value.get();
  return ast::dyn_cast<ast::Name>(cur);
}

}  // namespace

SV FunctionEmitter::archiveName(const std::string& id, const SourceRange& r) {
  if (auto it = sugaredLocals.find(id); it != sugaredLocals.end()) return it->second;
  if (id == "__torch__" || id == "ops" || id == "CONSTANTS") return moduleNamed(id);
  if (id == "annotate") return builtinNamed("jit.annotate");
  if (id == "unchecked_cast") return builtinNamed("$unchecked_cast");
  if (id == "uninitialized") return builtinNamed("$uninitialized");
  // The serializer prints float infinities and NaNs as bare names (nn.functional's
  // masked_fill(..., -inf) in every scripted vit_*); PyTorch's importer defines them.
  if (id == "inf" || id == "nan") {
    auto s = std::make_shared<Sugared>();
    s->value = constant(IValue(id == "inf" ? std::numeric_limits<double>::infinity()
                                           : std::numeric_limits<double>::quiet_NaN()),
                        r);
    return s;
  }
  return nullptr;
}

SV FunctionEmitter::archiveModuleAttribute(const std::string& module, const std::string& attr, const SourceRange& r) {
  if (module == "__torch__" || module.rfind("__torch__.", 0) == 0) {
    std::string full = module + "." + attr;
    auto s = std::make_shared<Sugared>();
    if (auto it = ctx.functions.find(full); it != ctx.functions.end() && !it->second->owner) {
      s->kind = Sugared::Kind::Function;
      s->fn = it->second.get();
      return s;
    }
    if (ClassInfo* c = ctx.findClass(full)) {
      s->kind = Sugared::Kind::Class;
      s->cls = c;
      return s;
    }
    return moduleNamed(full);
  }
  if (module == "ops") return moduleNamed("ops." + attr);
  if (module.rfind("ops.", 0) == 0) {
    std::string ns = module.substr(4);
    if (ns == "prim" && attr == "RaiseException") return builtinNamed("$raise");
    if (ns == "prim" && attr == "unchecked_unwrap_optional") return builtinNamed("$unwrap_optional");
    auto s = std::make_shared<Sugared>();
    s->kind = Sugared::Kind::Op;
    s->name = ns + "::" + attr;
    return s;
  }
  if (module == "CONSTANTS") {
    auto s = std::make_shared<Sugared>();
    size_t index = 0;
    bool ok = attr.size() > 1 && attr[0] == 'c';
    for (size_t i = 1; ok && i < attr.size(); ++i) {
      ok = attr[i] >= '0' && attr[i] <= '9' && index < (size_t(1) << 40);
      index = index * 10 + (attr[i] - '0');
    }
    if (!ok || index >= ctx.archive->constants.size()) {
      error(r, fmt::format("CONSTANTS.{} is not in the archive's constants.pkl ({} constants)", attr,
                           ctx.archive->constants.size()));
      s->value = poison();
      return s;
    }
    s->value = constant(ctx.archive->constants[index], r);
    return s;
  }
  return nullptr;
}

Value* FunctionEmitter::callArchiveBuiltin(const std::string& name, std::vector<NamedValue> args, const ast::Call& e) {
  const SourceRange& r = e.range();
  if (name == "$unchecked_cast" || name == "$uninitialized") {
    size_t want = name == "$uninitialized" ? 1 : 2;
    if (e.args.size() != want) {
      error(r, fmt::format("{}() takes {} arguments", name.substr(1), want));
      return poison();
    }
    TypePtr t = parseType(*e.args[0], ctx);
    if (!t) return poison();
    if (want == 1) return graph.insertNode(graph.createUninitialized(t))->output();
    Value* v = emitExpr(*e.args[1]);
    return isPoison(v) ? v : castTo(v, t, r);
  }
  if (name == "$unwrap_optional") {
    if (args.size() != 1) {
      error(r, "unchecked_unwrap_optional() takes 1 argument");
      return poison();
    }
    Value* v = args[0].value;
    const TypePtr& t = v->type();
    return t->kind() == TypeKind::Optional ? castTo(v, t->contained()[0], r) : v;
  }
  if (name.rfind("$new:", 0) == 0) {
    // `C.__new__(C)` then `(obj).__init__(...)`: the serializer's spelling of a constructor call.
    ClassInfo* c = ctx.findClass(name.substr(5));
    if (!c || !c->type) {
      error(r, "unknown class " + name.substr(5));
      return poison();
    }
    ir::Node* obj = graph.create(ir::prim::CreateObject, 1);
    obj->output()->setType(c->type);
    obj->setSourceLoc(loc(r));
    return graph.insertNode(obj)->output();
  }
  if (name == "$raise") {
    // ops.prim.RaiseException(msg[, "builtins.ValueError"]): the statements
    // after it in its block (uninitialized(T) placeholders) still compile.
    if (args.empty() || args.size() > 2) {
      error(r, "RaiseException() takes 1 or 2 arguments");
      return poison();
    }
    Value* cls = args.size() == 2 ? args[1].value : constant(IValue(std::string("builtins.RuntimeError")), r);
    ir::Node* n = graph.create(ir::prim::RaiseException, {args[0].value, cls}, 0);
    n->setSourceLoc(loc(r));
    graph.insertNode(n);
    return constant(IValue(), r);
  }
  error(r, "unknown archive builtin " + name);
  return poison();
}

std::optional<IValue> FunctionEmitter::archiveConstant(const ast::Expr& e) const {
  auto* a = ast::dyn_cast<ast::Attribute>(&e);
  auto* base = a ? ast::dyn_cast<ast::Name>(a->value.get()) : nullptr;
  if (!base || base->id != "CONSTANTS" || a->attr.size() < 2 || a->attr[0] != 'c') return std::nullopt;
  size_t index = 0;
  for (size_t i = 1; i < a->attr.size(); ++i) {
    if (a->attr[i] < '0' || a->attr[i] > '9' || index > (size_t(1) << 40)) return std::nullopt;
    index = index * 10 + (a->attr[i] - '0');
  }
  if (index >= ctx.archive->constants.size()) return std::nullopt;
  return ctx.archive->constants[index];
}

bool FunctionEmitter::bindSugaredAlias(const ast::Assign& s) {
  if (s.targets.size() != 1) return false;
  auto* target = ast::dyn_cast<ast::Name>(s.targets[0].get());
  const ast::Name* root = chainRoot(*s.value);
  if (!target || !root || root->id != "__torch__" || !ast::isa<ast::Attribute>(s.value.get())) return false;
  SV sv = emitSugared(*s.value);
  if (sv->kind == Sugared::Kind::Simple) {
    assignTarget(*s.targets[0], sv->value, s.range());
    return true;
  }
  // `_0 = __torch__.torch.nn.functional.linear`: the name stands for the function.
  sugaredLocals[target->id] = sv;
  return true;
}

}  // namespace ember::compiler
