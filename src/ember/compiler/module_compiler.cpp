// The module level: imports, defs, classes and NamedTuples. Functions are
// compiled on demand (a call needs its callee's return type), classes'
// __init__ first (its `self.x = ...` assignments define the attributes).
#include "ember/compiler/emitter.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {

const char* kAllowedModules[] = {"torch", "torch.nn", "torch.nn.functional", "typing", "math", "torch.jit",
                                 "__future__", "typing_extensions", "collections", "enum"};

bool allowedModule(const std::string& m) {
  for (const char* a : kAllowedModules)
    if (m == a) return true;
  return false;
}

void thirdParty(ModuleContext& ctx, const SourceRange& r, const std::string& module) {
  std::string root = module.substr(0, module.find('.'));
  ctx.diag.error(r, "TorchScript cannot call third-party Python module '" + root +
                        "'; register a C++ custom operator instead",
                 "write the computation with torch ops, or register it as a custom op (EMBER_LIBRARY) and call it as torch.ops.<ns>.<name>");
}

bool isNamedTupleBase(const ast::Expr& e) {
  if (auto* n = ast::dyn_cast<ast::Name>(&e)) return n->id == "NamedTuple";
  if (auto* a = ast::dyn_cast<ast::Attribute>(&e)) return a->attr == "NamedTuple";
  return false;
}

}  // namespace

ClassInfo* ModuleContext::findClass(const std::string& name) const {
  auto it = classes.find(name);
  return it == classes.end() ? nullptr : it->second.get();
}

const ops::FunctionSchema* ModuleContext::ensureCompiled(FunctionInfo& fn, const SourceRange& useSite) {
  if (fn.compiled) return fn.schema ? &*fn.schema : nullptr;
  if (fn.compiling) {
    diag.error(useSite, "function '" + fn.name + "' is called recursively; TorchScript does not support recursion");
    return nullptr;
  }
  fn.compiling = true;
  FunctionEmitter em(*this, fn);
  auto graph = em.emit();
  fn.compiling = false;
  fn.compiled = true;
  CompiledFunction cf;
  cf.name = fn.name;
  cf.graph = graph;
  cf.schema = *fn.schema;
  cf.owner = fn.owner;
  cf.methodName = fn.def->name;
  fn.index = out.functions.size();
  out.functions.push_back(std::move(cf));
  return &*fn.schema;
}

CompiledModule compileModule(const frontend::Module& module, DiagnosticEngine& diag) {
  ModuleContext ctx(diag);
  std::vector<FunctionInfo*> order;
  std::vector<ClassInfo*> classOrder;
  for (const auto& sp : module.body) {
    const ast::Stmt& s = *sp;
    switch (s.kind()) {
      case ast::NodeKind::Import:
        for (const auto& a : static_cast<const ast::Import&>(s).names) {
          if (!allowedModule(a.name)) {
            thirdParty(ctx, a.range, a.name);
            continue;
          }
          if (!a.asName.empty()) ctx.aliases[a.asName] = a.name;
          else ctx.aliases[a.name.substr(0, a.name.find('.'))] = a.name.substr(0, a.name.find('.'));
        }
        break;
      case ast::NodeKind::ImportFrom: {
        const auto& imp = static_cast<const ast::ImportFrom&>(s);
        if (!allowedModule(imp.module)) {
          thirdParty(ctx, imp.moduleRange, imp.module.empty() ? std::string(".") : imp.module);
          break;
        }
        for (const auto& a : imp.names) {
          std::string key = a.asName.empty() ? a.name : a.asName;
          ctx.aliases[key] = imp.module + "." + a.name;
        }
        break;
      }
      case ast::NodeKind::FunctionDef: {
        const auto& def = static_cast<const ast::FunctionDef&>(s);
        // As in Python, a later def of the same name replaces the earlier one.
        if (auto it = ctx.functions.find(def.name); it != ctx.functions.end()) {
          it->second->def = &def;
          break;
        }
        auto fi = std::make_unique<FunctionInfo>();
        fi->def = &def;
        fi->name = def.name;
        order.push_back(fi.get());
        ctx.functions[def.name] = std::move(fi);
        break;
      }
      case ast::NodeKind::ClassDef: {
        const auto& cd = static_cast<const ast::ClassDef&>(s);
        if (ctx.classes.count(cd.name)) {
          diag.error(cd.nameRange.valid() ? cd.nameRange : cd.range(), "class '" + cd.name + "' is defined twice",
                     "rename one of them");
          break;
        }
        auto ci = std::make_unique<ClassInfo>();
        ci->def = &cd;
        bool named = false;
        for (const auto& b : cd.bases) named = named || isNamedTupleBase(*b);
        for (const auto& b : cd.bases) ci->isEnum = ci->isEnum || isEnumBase(*b);
        if (!named && !ci->isEnum) {
          ci->type = ClassType::create("__torch__." + cd.name, false);
          ctx.out.classes.push_back(ci->type);
        }
        classOrder.push_back(ci.get());
        ctx.classes[cd.name] = std::move(ci);
        break;
      }
      case ast::NodeKind::ExprStmt:
      case ast::NodeKind::Pass:
        break;
      default:
        diag.error(s.range(), "TorchScript compiles only def, class and import statements at module level",
                   "move this statement into a function");
        break;
    }
  }
  // Enums first: other classes' annotations may name them.
  for (ClassInfo* ci : classOrder)
    if (ci->isEnum) {
      declareEnum(*ci, "__torch__." + ci->def->name);
      if (ci->enumType) ctx.out.enums.push_back(ci->enumType);
    }
  // NamedTuple field types may name other classes: build them after all names are known.
  for (ClassInfo* ci : classOrder) {
    const ast::ClassDef& cd = *ci->def;
    if (ci->isEnum) continue;
    if (!ci->type) {
      std::vector<std::string> fields;
      std::vector<TypePtr> types;
      for (const auto& st : cd.body) {
        auto* aa = ast::dyn_cast<ast::AnnAssign>(st.get());
        if (!aa) continue;
        auto* n = ast::dyn_cast<ast::Name>(aa->target.get());
        if (!n) continue;
        TypePtr t = parseType(*aa->annotation, ctx);
        fields.push_back(n->id);
        types.push_back(t ? t : types::any());
        std::optional<IValue> d;
        if (aa->value) {
          if (auto* i = ast::dyn_cast<ast::IntLit>(aa->value.get())) d = IValue(i->value);
          else if (auto* f = ast::dyn_cast<ast::FloatLit>(aa->value.get())) d = IValue(f->value);
          else if (auto* b = ast::dyn_cast<ast::BoolLit>(aa->value.get())) d = IValue(b->value);
          else if (auto* sl = ast::dyn_cast<ast::StrLit>(aa->value.get())) d = IValue(sl->value);
          else if (ast::isa<ast::NoneLit>(aa->value.get())) d = IValue();
        }
        ci->namedTupleDefaults.push_back(d);
      }
      ci->namedTuple = types::namedTuple("__torch__." + cd.name, fields, types);
      continue;
    }
    for (const auto& st : cd.body) {
      if (auto* def = ast::dyn_cast<ast::FunctionDef>(st.get())) {
        auto fi = std::make_unique<FunctionInfo>();
        fi->def = def;
        fi->name = cd.name + "." + def->name;
        fi->owner = ci->type;
        ci->methods[def->name] = fi.get();
        ctx.functions[fi->name] = std::move(fi);
        continue;
      }
      if (auto* aa = ast::dyn_cast<ast::AnnAssign>(st.get())) {
        if (auto* n = ast::dyn_cast<ast::Name>(aa->target.get()))
          if (TypePtr t = parseType(*aa->annotation, ctx)) ci->type->addAttribute(n->id, t);
        continue;
      }
      if (ast::isa<ast::ExprStmt>(st.get()) || ast::isa<ast::Pass>(st.get())) continue;
      diag.error(st->range(), "TorchScript classes may contain only methods and annotated attributes");
    }
  }
  for (ClassInfo* ci : classOrder) {
    if (!ci->type) continue;
    auto it = ci->methods.find("__init__");
    if (it != ci->methods.end()) ctx.ensureCompiled(*it->second, it->second->def->range());
  }
  for (ClassInfo* ci : classOrder)
    for (auto& [name, fi] : ci->methods) ctx.ensureCompiled(*fi, fi->def->range());
  for (FunctionInfo* fi : order) ctx.ensureCompiled(*fi, fi->def->range());
  return std::move(ctx.out);
}

}  // namespace ember::compiler
