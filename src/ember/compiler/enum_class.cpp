// `class Color(Enum): RED = 1`: TorchScript enums, in source files and in
// archives' code/ (which serializes them the same way). PyTorch builds the
// enum type from the Python class (torch/jit/annotations.py, EnumType in
// jit_type.h): the members of list(Color) (aliases, i.e. repeated values, are
// no members), whose values must all be of one type, int, float or str.
#include <fmt/format.h>

#include "ember/compiler/emitter.h"
#include "ember/value/enum_type.h"

namespace ember::compiler {

namespace {

// A member's value: int, float, bool or str literals, negated numbers and
// auto(). Python evaluates any expression here; ember only these.
std::optional<IValue> memberValue(const ast::Expr& e, const std::vector<EnumType::Member>& before) {
  if (auto* i = ast::dyn_cast<ast::IntLit>(&e)) return IValue(i->value);
  if (auto* f = ast::dyn_cast<ast::FloatLit>(&e)) return IValue(f->value);
  if (auto* b = ast::dyn_cast<ast::BoolLit>(&e)) return IValue(b->value);
  if (auto* s = ast::dyn_cast<ast::StrLit>(&e)) return IValue(s->value);
  if (auto* u = ast::dyn_cast<ast::UnaryOp>(&e); u && u->op == ast::UnaryOpKind::USub) {
    auto v = memberValue(*u->operand, before);
    if (v && v->isInt() && !v->isBool()) return IValue(-v->toInt());
    if (v && v->isDouble()) return IValue(-v->toDouble());
    return std::nullopt;
  }
  // auto(): 1 for the first member, else the last value + 1 (Python's rule
  // while the values so far are ints and ascending).
  auto* call = ast::dyn_cast<ast::Call>(&e);
  auto* fn = call ? ast::dyn_cast<ast::Name>(call->func.get()) : nullptr;
  if (fn && fn->id == "auto" && call->args.empty() && call->keywords.empty()) {
    if (before.empty()) return IValue(int64_t(1));
    int64_t last = 0;
    for (const auto& m : before) {
      if (!m.value.isInt()) return std::nullopt;
      last = m.value.toInt();
    }
    for (const auto& m : before)
      if (m.value.toInt() > last) return std::nullopt;
    return IValue(last + 1);
  }
  return std::nullopt;
}

std::string valueTypeName(const IValue& v) {
  if (v.isBool()) return "bool";
  if (v.isInt()) return "int";
  if (v.isDouble()) return "float";
  return "str";
}

}  // namespace

bool isEnumBase(const ast::Expr& e) {
  if (auto* n = ast::dyn_cast<ast::Name>(&e)) return n->id == "Enum";
  if (auto* a = ast::dyn_cast<ast::Attribute>(&e)) {
    auto* m = ast::dyn_cast<ast::Name>(a->value.get());
    return a->attr == "Enum" && m && m->id == "enum";
  }
  return false;
}

void declareEnum(ClassInfo& ci, const std::string& qualified) {
  ci.isEnum = true;
  auto fail = [&](const SourceRange& at, std::string why) {
    if (!ci.enumError.empty()) return;
    ci.enumError = std::move(why);
    ci.enumErrorAt = at;
  };
  std::vector<EnumType::Member> members;
  for (const auto& st : ci.def->body) {
    // Methods are not compiled (TorchScript cannot call them); docstrings and pass are nothing.
    if (ast::isa<ast::FunctionDef>(st.get()) || ast::isa<ast::ExprStmt>(st.get()) || ast::isa<ast::Pass>(st.get()))
      continue;
    auto* as = ast::dyn_cast<ast::Assign>(st.get());
    auto* n = as && as->targets.size() == 1 ? ast::dyn_cast<ast::Name>(as->targets[0].get()) : nullptr;
    if (!n) {
      fail(st->range(), fmt::format("enum {}: ember reads only `NAME = value` members in an enum class", qualified));
      continue;
    }
    // Python's descriptors and _sunder_ names are not members.
    if (n->id.size() > 1 && n->id.front() == '_' && n->id.back() == '_') continue;
    auto v = memberValue(*as->value, members);
    if (!v) {
      fail(as->value->range(),
           fmt::format("enum {}: the value of {} is not an int, float or str literal, which is all ember "
                       "evaluates in an enum class",
                       qualified, n->id));
      continue;
    }
    bool alias = false;
    for (const auto& m : members) alias = alias || (m.value.tag() == v->tag() && m.value.equals(*v));
    if (!alias) members.push_back({n->id, *v});
  }
  if (!ci.enumError.empty()) return;
  if (members.empty()) {
    fail(ci.def->nameRange.valid() ? ci.def->nameRange : ci.def->range(),
         fmt::format("No enum values defined for: '{}'", qualified));
    return;
  }
  // The value type: torch._C.unify_type_list of the members' types.
  const IValue& first = members[0].value;
  for (size_t i = 1; i < members.size(); ++i) {
    if (members[i].value.tag() == first.tag()) continue;
    fail(ci.def->nameRange.valid() ? ci.def->nameRange : ci.def->range(),
         fmt::format("Could not unify type list since element {} of type {} did not match the types before it ({})",
                     i, valueTypeName(members[i].value), valueTypeName(first)));
    return;
  }
  if (first.isBool()) {
    fail(ci.def->nameRange.valid() ? ci.def->nameRange : ci.def->range(),
         "Cannot create Enum with value type 'bool', only int, float and string are supported");
    return;
  }
  TypePtr valueType = first.isInt() ? types::intT() : first.isDouble() ? types::floatT() : types::str();
  ci.enumType = std::make_shared<EnumType>(qualified, std::move(valueType), std::move(members));
}

TypePtr useEnum(ClassInfo& ci, const SourceRange& use, DiagnosticEngine& diag) {
  if (ci.enumType) return ci.enumType;
  if (!ci.enumErrorReported) {
    ci.enumErrorReported = true;
    // At the member or class line that makes it no enum: more useful than the use.
    diag.error(ci.enumErrorAt.valid() ? ci.enumErrorAt : use, ci.enumError);
  }
  return nullptr;
}

}  // namespace ember::compiler
