#include "ember/value/enum_type.h"

#include "ember/support/error.h"

namespace ember {

const EnumType::Member* EnumType::find(std::string_view memberName) const {
  for (const auto& m : members_)
    if (m.name == memberName) return &m;
  return nullptr;
}

std::string EnumType::unqualifiedName() const {
  const std::string& q = name();
  auto dot = q.rfind('.');
  return dot == std::string::npos ? q : q.substr(dot + 1);
}

const EnumType* asEnum(const TypePtr& t) {
  if (!t || t->kind() != TypeKind::Enum) return nullptr;
  return static_cast<const EnumType*>(t.get());
}

IValue makeEnumValue(const TypePtr& enumType, std::string_view memberName) {
  const EnumType* e = asEnum(enumType);
  EMBER_CHECK(e, "makeEnumValue on a non-enum type");
  const EnumType::Member* m = e->find(memberName);
  EMBER_CHECK(m, "enum {} has no member {}", e->name(), memberName);
  return IValue(makeIntrusive<EnumObj>(enumType, m->name, m->value));
}

IValue enumFromValue(const TypePtr& enumType, const IValue& v) {
  const EnumType* e = asEnum(enumType);
  if (!e) return IValue();
  for (const auto& m : e->members())
    if (m.value.tag() == v.tag() && m.value.equals(v))
      return IValue(makeIntrusive<EnumObj>(enumType, m.name, m.value));
  return IValue();
}

}  // namespace ember
