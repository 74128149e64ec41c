// TorchScript enums: a Python `class Color(Enum)` whose members all have
// values of one type (int, float or str). The type knows its members in
// definition order (aliases, i.e. repeated values, are not members, as in
// Python's list(Color)); a value is an EnumObj naming its type, member name
// and member value, as PyTorch's c10::ivalue::EnumHolder does.
//
//   class Color(Enum): RED = 1   ->  EnumType{"__torch__.Color", valueType=int, [("RED", 1)]}
//   Color.RED                    ->  IValue(EnumObj{Color, "RED", 1}), printed Enum<Color.RED>
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ember/types/type.h"
#include "ember/value/ivalue.h"

namespace ember {

class EnumType : public Type {
 public:
  struct Member {
    std::string name;
    IValue value;
  };

  EnumType(std::string qualifiedName, TypePtr valueType, std::vector<Member> members)
      : Type(TypeKind::Enum, {std::move(valueType)}, std::move(qualifiedName)), members_(std::move(members)) {}

  const TypePtr& valueType() const { return contained().at(0); }
  const std::vector<Member>& members() const { return members_; }
  const Member* find(std::string_view memberName) const;
  // "Color" for "__torch__.a.Color": what str() of a value shows.
  std::string unqualifiedName() const;

 private:
  std::vector<Member> members_;
};

using EnumTypePtr = std::shared_ptr<const EnumType>;

// The EnumType behind a TypePtr of kind Enum, or nullptr.
const EnumType* asEnum(const TypePtr& t);

struct EnumObj : RefCounted {
  EnumObj(TypePtr enumType, std::string name, IValue value)
      : type(std::move(enumType)), name(std::move(name)), value(std::move(value)) {}
  TypePtr type;  // kind Enum
  std::string name;
  IValue value;
};

// Color.NAME as a value; the member must exist.
IValue makeEnumValue(const TypePtr& enumType, std::string_view memberName);
// The member of enumType whose value equals v (unpickling `Color(2)`), or None.
IValue enumFromValue(const TypePtr& enumType, const IValue& v);

}  // namespace ember
