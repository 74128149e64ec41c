// Type annotations: typing spellings (List[int], Optional[Tensor], Tuple[int,
// ...], Dict[str, Tensor], Union[...]), builtin generics (list[int]),
// torch.Tensor / Tensor, string annotations, user classes and NamedTuples.
#include "ember/compiler/emitter.h"
#include "ember/frontend/parser.h"

namespace ember::compiler {

namespace {

// "typing.List" / "List" / "t.List" -> "List"; nullopt for other dotted names.
std::optional<std::string> typeName(const ast::Expr& e, ModuleContext& ctx) {
  if (auto* n = ast::dyn_cast<ast::Name>(&e)) {
    auto it = ctx.aliases.find(n->id);
    if (it != ctx.aliases.end()) {
      const std::string& path = it->second;
      size_t dot = path.rfind('.');
      return dot == std::string::npos ? path : path.substr(dot + 1);
    }
    return n->id;
  }
  if (auto* a = ast::dyn_cast<ast::Attribute>(&e)) {
    auto base = typeName(*a->value, ctx);
    if (!base) return std::nullopt;
    // Archives name classes by qualified name: __torch__.a.b.Cls
    if (ctx.archive && (*base == "__torch__" || base->rfind("__torch__.", 0) == 0)) return *base + "." + a->attr;
    if (*base == "torch" || *base == "typing" || *base == "jit") return a->attr;
    return std::nullopt;
  }
  return std::nullopt;
}

TypePtr fail(const ast::Expr& e, ModuleContext& ctx, bool report, const std::string& msg) {
  if (report) ctx.diag.error(e.range(), msg);
  return nullptr;
}

}  // namespace

TypePtr parseType(const ast::Expr& e, ModuleContext& ctx, bool report) {
  if (ast::isa<ast::NoneLit>(&e)) return types::none();
  if (auto* s = ast::dyn_cast<ast::StrLit>(&e)) {
    const SourceRange& r = s->range();
    if (r.size() < 2) return fail(e, ctx, report, "empty type annotation");
    DiagnosticEngine local;
    auto inner = frontend::parseExpression(r.file, local, r.start + 1, r.end - 1);
    if (!inner) return fail(e, ctx, report, "could not parse the type annotation '" + s->value + "'");
    return parseType(*inner, ctx, report);
  }
  if (auto* sub = ast::dyn_cast<ast::Subscript>(&e)) {
    auto name = typeName(*sub->value, ctx);
    if (!name) return fail(e, ctx, report, "unknown type constructor in annotation");
    std::vector<const ast::Expr*> params;
    if (auto* t = ast::dyn_cast<ast::Tuple>(sub->index.get())) {
      for (const auto& el : t->elts) params.push_back(el.get());
    } else {
      params.push_back(sub->index.get());
    }
    std::vector<TypePtr> ps;
    bool emptyTuple = false;
    if (params.size() == 1 && ast::isa<ast::Tuple>(params[0]) && static_cast<const ast::Tuple*>(params[0])->elts.empty())
      emptyTuple = true;
    if (!emptyTuple) {
      for (const auto* p : params) {
        if (ast::isa<ast::EllipsisLit>(p)) return fail(*p, ctx, report, "variadic Tuple[T, ...] is not supported");
        TypePtr t = parseType(*p, ctx, report);
        if (!t) return nullptr;
        ps.push_back(t);
      }
    }
    const std::string& n = *name;
    if (n == "List" || n == "list") {
      if (ps.size() != 1) return fail(e, ctx, report, "List needs exactly one element type");
      return types::list(ps[0]);
    }
    if (n == "Dict" || n == "dict") {
      if (ps.size() != 2) return fail(e, ctx, report, "Dict needs a key type and a value type");
      // Keys are hashed by value: only these types have a hash in TorchScript.
      const TypeKind k = ps[0]->kind();
      if (k != TypeKind::Int && k != TypeKind::Float && k != TypeKind::Str && k != TypeKind::Tensor &&
          k != TypeKind::Bool && k != TypeKind::Complex && k != TypeKind::Device)
        return fail(e, ctx, report,
                    "Cannot create dict for key type '" + ps[0]->str() +
                        "', only int, float, complex, Tensor, device and string keys are supported");
      return types::dict(ps[0], ps[1]);
    }
    if (n == "Tuple" || n == "tuple") return types::tuple(ps);
    if (n == "Optional") {
      if (ps.size() != 1) return fail(e, ctx, report, "Optional needs exactly one type");
      if (ps[0]->kind() == TypeKind::Optional) return ps[0];
      return types::optional(ps[0]);
    }
    if (n == "Final") return ps.size() == 1 ? ps[0] : nullptr;
    if (n == "Union") {
      std::vector<TypePtr> members;
      bool hasNone = false;
      for (const auto& p : ps) {
        if (p->kind() == TypeKind::None) hasNone = true;
        else members.push_back(p);
      }
      if (members.size() == 1 && hasNone) return types::optional(members[0]);
      if (members.size() == 1) return members[0];
      if (hasNone) members.push_back(types::none());
      return types::unionOf(members);
    }
    return fail(e, ctx, report, "unknown type constructor '" + n + "'");
  }
  auto name = typeName(e, ctx);
  if (!name) return fail(e, ctx, report, "expression of type " + std::string(ast::nodeKindName(e.kind())) +
                                             " cannot be used in a type expression");
  const std::string& n = *name;
  if (n == "int") return types::intT();
  if (n == "float") return types::floatT();
  if (n == "bool") return types::boolT();
  if (n == "str") return types::str();
  if (n == "Tensor") return types::tensor();
  if (n == "Any") return types::any();
  if (n == "device" || n == "Device") return types::device();
  if (n == "dtype") return types::intT();
  if (n == "NoneType" || n == "None") return types::none();
  if (n == "Number") return types::number();
  if (n == "List" || n == "list") return fail(e, ctx, report, "List needs an element type: List[int]");
  if (n == "Dict" || n == "dict") return fail(e, ctx, report, "Dict needs key and value types: Dict[str, int]");
  if (auto* cls = ctx.findClass(n)) {
    if (cls->isEnum) {
      if (TypePtr t = useEnum(*cls, e.range(), ctx.diag)) return t;
      return nullptr;
    }
    if (cls->namedTuple) return cls->namedTuple;
    if (cls->type) return cls->type;
  }
  if (ctx.archive && n.rfind("__torch__.", 0) == 0) ctx.unknownClasses.insert(n);
  return fail(e, ctx, report, "Unknown type name '" + n + "'");
}

}  // namespace ember::compiler
