// The module level of an archive's code/: every file together. PyTorch's
// serializer writes one class per mangled name with its attributes declared
// at class level (`__parameters__`, `__buffers__`, `name : T`,
// `__annotations__["0"] = T`, `x : Final[int] = 3`) and refers to everything
// by qualified name, so all classes and functions are registered under those
// names before any body is compiled.
#include <fmt/format.h>

#include "ember/compiler/emitter.h"
#include "ember/frontend/parser.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {

std::string baseName(const ast::Expr& e) {
  if (auto* n = ast::dyn_cast<ast::Name>(&e)) return n->id;
  if (auto* a = ast::dyn_cast<ast::Attribute>(&e)) return a->attr;
  return {};
}

std::vector<std::string> stringList(const ast::Expr& e) {
  std::vector<std::string> out;
  const ast::ExprList* elts = nullptr;
  if (auto* l = ast::dyn_cast<ast::List>(&e)) elts = &l->elts;
  if (auto* t = ast::dyn_cast<ast::Tuple>(&e)) elts = &t->elts;
  if (!elts) return out;
  for (const auto& x : *elts)
    if (auto* s = ast::dyn_cast<ast::StrLit>(x.get())) out.push_back(s->value);
  return out;
}

// The value of a Final constant: literals, negated numbers, tuples and lists of them.
std::optional<IValue> literalValue(const ast::Expr& e) {
  if (auto* i = ast::dyn_cast<ast::IntLit>(&e)) return IValue(i->value);
  if (auto* f = ast::dyn_cast<ast::FloatLit>(&e)) return IValue(f->value);
  if (auto* b = ast::dyn_cast<ast::BoolLit>(&e)) return IValue(b->value);
  if (auto* s = ast::dyn_cast<ast::StrLit>(&e)) return IValue(s->value);
  if (ast::isa<ast::NoneLit>(&e)) return IValue();
  if (auto* u = ast::dyn_cast<ast::UnaryOp>(&e)) {
    if (u->op != ast::UnaryOpKind::USub) return std::nullopt;
    auto v = literalValue(*u->operand);
    if (v && v->isInt()) return IValue(-v->toInt());
    if (v && v->isDouble()) return IValue(-v->toDouble());
    return std::nullopt;
  }
  if (auto* t = ast::dyn_cast<ast::Tuple>(&e)) {
    std::vector<IValue> xs;
    for (const auto& x : t->elts) {
      auto v = literalValue(*x);
      if (!v) return std::nullopt;
      xs.push_back(*v);
    }
    return IValue(makeTuple(std::move(xs)));
  }
  return std::nullopt;
}

struct PendingClass {
  ClassInfo* info;
  std::string qualified;
};

void declareNamedTuple(ClassInfo& ci, const std::string& qualified, ModuleContext& ctx) {
  std::vector<std::string> fields;
  std::vector<TypePtr> types;
  for (const auto& st : ci.def->body) {
    auto* aa = ast::dyn_cast<ast::AnnAssign>(st.get());
    auto* n = aa ? ast::dyn_cast<ast::Name>(aa->target.get()) : nullptr;
    if (!n) continue;
    TypePtr t = parseType(*aa->annotation, ctx);
    fields.push_back(n->id);
    types.push_back(t ? t : types::any());
    ci.namedTupleDefaults.push_back(aa->value ? literalValue(*aa->value) : std::nullopt);
  }
  ci.namedTuple = types::namedTuple(qualified, fields, types);
}

void declareMembers(ClassInfo& ci, const std::string& qualified, ModuleContext& ctx) {
  std::set<std::string> parameters, buffers;
  ClassType& type = *ci.type;
  auto addAttr = [&](const std::string& name, const TypePtr& t) {
    auto kind = ClassType::AttributeKind::Plain;
    if (parameters.count(name)) kind = ClassType::AttributeKind::Parameter;
    else if (buffers.count(name)) kind = ClassType::AttributeKind::Buffer;
    else if (const ClassType* c = asClass(t); c && c->isModule()) kind = ClassType::AttributeKind::Module;
    type.addAttribute(name, t, kind);
  };
  for (const auto& st : ci.def->body) {
    if (auto* def = ast::dyn_cast<ast::FunctionDef>(st.get())) {
      auto fi = std::make_unique<FunctionInfo>();
      fi->def = def;
      fi->name = qualified + "." + def->name;
      fi->owner = ci.type;
      ci.methods[def->name] = fi.get();
      ctx.functions[fi->name] = std::move(fi);
      continue;
    }
    if (auto* as = ast::dyn_cast<ast::Assign>(st.get())) {
      if (as->targets.size() != 1) continue;
      const ast::Expr& target = *as->targets[0];
      if (auto* n = ast::dyn_cast<ast::Name>(&target)) {
        if (n->id == "__parameters__")
          for (auto& p : stringList(*as->value)) parameters.insert(p);
        if (n->id == "__buffers__")
          for (auto& b : stringList(*as->value)) buffers.insert(b);
        continue;  // __constants__, __forward_hooks__ ...: the annotations say it all
      }
      // __annotations__["0"] = T: attributes whose names are not identifiers.
      auto* sub = ast::dyn_cast<ast::Subscript>(&target);
      auto* base = sub ? ast::dyn_cast<ast::Name>(sub->value.get()) : nullptr;
      auto* key = sub ? ast::dyn_cast<ast::StrLit>(sub->index.get()) : nullptr;
      if (base && key && base->id == "__annotations__") {
        if (TypePtr t = parseType(*as->value, ctx)) addAttr(key->value, t);
        continue;
      }
      ctx.diag.error(st->range(), "unexpected assignment in a serialized class body");
      continue;
    }
    if (auto* aa = ast::dyn_cast<ast::AnnAssign>(st.get())) {
      auto* n = ast::dyn_cast<ast::Name>(aa->target.get());
      if (!n) continue;
      auto* sub = ast::dyn_cast<ast::Subscript>(aa->annotation.get());
      bool final = sub && baseName(*sub->value) == "Final";
      if (final || aa->value) {
        if (!aa->value) continue;
        auto v = literalValue(*aa->value);
        if (!v) {
          ctx.diag.error(aa->value->range(), "unsupported constant value for '" + n->id + "'");
          continue;
        }
        type.addConstant(n->id, *v);
        continue;
      }
      if (TypePtr t = parseType(*aa->annotation, ctx)) addAttr(n->id, t);
      continue;
    }
    if (ast::isa<ast::ExprStmt>(st.get()) || ast::isa<ast::Pass>(st.get())) continue;
    ctx.diag.error(st->range(), "unexpected statement in a serialized class body");
  }
}

// An interface's methods are signatures only (their bodies are `pass`):
// calls through it are prim::CallMethod, dispatched on the object's class.
void declareInterface(ClassInfo& ci, const std::string& qualified, ModuleContext& ctx) {
  for (const auto& st : ci.def->body) {
    auto* def = ast::dyn_cast<ast::FunctionDef>(st.get());
    if (!def) continue;
    auto fi = std::make_unique<FunctionInfo>();
    fi->def = def;
    fi->name = qualified + "." + def->name;
    fi->owner = ci.type;
    ops::FunctionSchema schema;
    schema.name = fi->name;
    const auto& params = def->params.params;
    for (size_t i = 0; i < params.size(); ++i) {
      ops::Argument a;
      a.name = params[i].name;
      a.type = i == 0 ? TypePtr(ci.type) : params[i].annotation ? parseType(*params[i].annotation, ctx) : types::tensor();
      if (!a.type) a.type = types::any();
      if (i > 0 && params[i].defaultValue) a.defaultValue = literalValue(*params[i].defaultValue);
      schema.arguments.push_back(std::move(a));
    }
    ops::Argument ret;
    ret.type = def->returns ? parseType(*def->returns, ctx) : types::none();
    if (!ret.type) ret.type = types::any();
    schema.returns = {ret};
    fi->schema = std::move(schema);
    fi->compiled = true;  // nothing to compile: implementations are the objects' own methods
    ci.methods[def->name] = fi.get();
    ctx.functions[fi->name] = std::move(fi);
  }
}

}  // namespace

CompiledModule compileArchiveSources(const std::vector<ArchiveSourceFile>& files, ArchiveScope& scope,
                                     DiagnosticEngine& diag) {
  ModuleContext ctx(diag);
  ctx.archive = &scope;
  // Serialized code uses these without importing them.
  ctx.aliases["torch"] = "torch";
  ctx.aliases["math"] = "math";
  std::vector<std::unique_ptr<frontend::Module>> asts;
  std::vector<FunctionInfo*> functions;
  std::vector<PendingClass> classes, interfaces;
  for (const auto& f : files) {
    asts.push_back(frontend::parseModule(f.file, diag));
    if (!asts.back()) continue;
    for (const auto& sp : asts.back()->body) {
      const ast::Stmt& s = *sp;
      if (auto* def = ast::dyn_cast<ast::FunctionDef>(&s)) {
        auto fi = std::make_unique<FunctionInfo>();
        fi->def = def;
        fi->name = f.module + "." + def->name;
        functions.push_back(fi.get());
        ctx.functions[fi->name] = std::move(fi);
        continue;
      }
      if (auto* cd = ast::dyn_cast<ast::ClassDef>(&s)) {
        std::string qualified = f.module + "." + cd->name;
        auto ci = std::make_unique<ClassInfo>();
        ci->def = cd;
        std::string base = cd->bases.empty() ? std::string() : baseName(*cd->bases[0]);
        if (base == "Interface" || base == "ModuleInterface") {
          ci->type = ClassType::create(qualified, base == "ModuleInterface");
          ctx.out.classes.push_back(ci->type);
          interfaces.push_back({ci.get(), qualified});
          ctx.classes[qualified] = std::move(ci);
          continue;
        }
        if (base == "Enum") {
          declareEnum(*ci, qualified);
          if (ci->enumType) ctx.out.enums.push_back(ci->enumType);
          else diag.error(ci->enumErrorAt.valid() ? ci->enumErrorAt : cd->range(), ci->enumError);
          ci->enumErrorReported = true;
          ctx.classes[qualified] = std::move(ci);
          continue;
        }
        if (base != "NamedTuple") {
          ci->type = ClassType::create(qualified, base == "Module");
          ctx.out.classes.push_back(ci->type);
        }
        classes.push_back({ci.get(), qualified});
        ctx.classes[qualified] = std::move(ci);
        continue;
      }
      // import __torch__.x, op_version_set = 1, docstrings: nothing to compile.
    }
  }
  for (auto& pc : classes) {
    if (!pc.info->type) declareNamedTuple(*pc.info, pc.qualified, ctx);
  }
  for (auto& pc : classes) {
    if (pc.info->type) declareMembers(*pc.info, pc.qualified, ctx);
  }
  for (auto& pc : interfaces) declareInterface(*pc.info, pc.qualified, ctx);
  if (scope.loadConstants) scope.loadConstants(scope, ctx.out);
  for (auto& pc : classes)
    for (auto& [name, fi] : pc.info->methods) ctx.ensureCompiled(*fi, fi->def->range());
  for (FunctionInfo* fi : functions) ctx.ensureCompiled(*fi, fi->def->range());
  ctx.out.unknownOps.assign(ctx.unknownOps.begin(), ctx.unknownOps.end());
  ctx.out.unknownClasses.assign(ctx.unknownClasses.begin(), ctx.unknownClasses.end());
  return std::move(ctx.out);
}

}  // namespace ember::compiler
