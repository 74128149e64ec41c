#include "ember/types/type.h"

#include <iostream>
#include <sstream>

namespace ember {

bool Type::equals(const Type& o) const {
  if (this == &o) return true;
  if (kind_ != o.kind_ || name_ != o.name_ || contained_.size() != o.contained_.size()) return false;
  if (fieldNames_ != o.fieldNames_) return false;
  for (size_t i = 0; i < contained_.size(); ++i)
    if (!contained_[i]->equals(*o.contained_[i])) return false;
  return true;
}

bool Type::isSubtypeOf(const Type& o) const {
  if (equals(o)) return true;
  switch (o.kind_) {
    case TypeKind::Any:
      return true;
    case TypeKind::Optional:
      return kind_ == TypeKind::None || isSubtypeOf(*o.elementType()) ||
             (kind_ == TypeKind::Optional && elementType()->isSubtypeOf(*o.elementType()));
    case TypeKind::Union:
      if (kind_ == TypeKind::Union || kind_ == TypeKind::Optional) {
        // Every member of this must be in o.
        std::vector<TypePtr> mine = contained_;
        if (kind_ == TypeKind::Optional) mine = {contained_[0], types::none()};
        for (const auto& m : mine) {
          bool found = false;
          for (const auto& t : o.contained_) found = found || m->isSubtypeOf(*t);
          if (!found) return false;
        }
        return true;
      }
      for (const auto& t : o.contained_)
        if (isSubtypeOf(*t)) return true;
      return false;
    case TypeKind::AnyEnum:
      return kind_ == TypeKind::Enum;
    case TypeKind::Number:
      return kind_ == TypeKind::Int || kind_ == TypeKind::Float || kind_ == TypeKind::Bool;
    case TypeKind::Int:
      return isIntLike();
    case TypeKind::ScalarType:
    case TypeKind::Layout:
    case TypeKind::MemoryFormat:
      return kind_ == TypeKind::Int;
    case TypeKind::Tuple:
      if (kind_ != TypeKind::Tuple || contained_.size() != o.contained_.size()) return false;
      if (o.isNamedTuple() && name_ != o.name_) return false;
      for (size_t i = 0; i < contained_.size(); ++i)
        if (!contained_[i]->isSubtypeOf(*o.contained_[i])) return false;
      return true;
    default:
      return false;
  }
}

void Type::print(std::ostream& os) const {
  auto list = [&](const char* open) {
    os << open << '[';
    for (size_t i = 0; i < contained_.size(); ++i) {
      if (i) os << ", ";
      contained_[i]->print(os);
    }
    os << ']';
  };
  switch (kind_) {
    case TypeKind::List: list("List"); return;
    case TypeKind::Dict: list("Dict"); return;
    case TypeKind::Optional: list("Optional"); return;
    case TypeKind::Union: list("Union"); return;
    case TypeKind::Future: list("Future"); return;
    case TypeKind::Tuple:
      if (isNamedTuple()) {
        os << name_;
        return;
      }
      if (contained_.empty()) {
        os << "Tuple[()]";
        return;
      }
      list("Tuple");
      return;
    case TypeKind::Class:
    case TypeKind::Enum:
    case TypeKind::Interface:
    case TypeKind::Var:
      os << name_;
      return;
    case TypeKind::Any: os << "Any"; return;
    case TypeKind::Tensor: os << "Tensor"; return;
    case TypeKind::Int: os << "int"; return;
    case TypeKind::Float: os << "float"; return;
    case TypeKind::Bool: os << "bool"; return;
    case TypeKind::Str: os << "str"; return;
    case TypeKind::None: os << "NoneType"; return;
    case TypeKind::Number: os << "Scalar"; return;
    case TypeKind::Device: os << "Device"; return;
    case TypeKind::ScalarType: os << "ScalarType"; return;
    case TypeKind::Layout: os << "Layout"; return;
    case TypeKind::MemoryFormat: os << "MemoryFormat"; return;
    case TypeKind::Generator: os << "Generator"; return;
    case TypeKind::Storage: os << "Storage"; return;
    case TypeKind::Function: os << "Function"; return;
    case TypeKind::Capsule: os << "Capsule"; return;
    case TypeKind::Complex: os << "complex"; return;
    case TypeKind::Stream: os << "Stream"; return;
    case TypeKind::QScheme: os << "QScheme"; return;
    case TypeKind::Dimname: os << "Dimname"; return;
    case TypeKind::AnyEnum: os << "AnyEnumType"; return;
    case TypeKind::AnyClass: os << "AnyClassType"; return;
    case TypeKind::RRef: list("RRef"); return;
  }
}

std::string Type::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

void Type::dump() const { std::cerr << str() << '\n'; }

std::ostream& operator<<(std::ostream& os, const Type& t) {
  t.print(os);
  return os;
}

namespace types {

#define EMBER_SINGLETON(fn, Kind)                                    \
  const TypePtr& fn() {                                              \
    static const TypePtr t = std::make_shared<Type>(TypeKind::Kind); \
    return t;                                                        \
  }
EMBER_SINGLETON(any, Any)
EMBER_SINGLETON(tensor, Tensor)
EMBER_SINGLETON(intT, Int)
EMBER_SINGLETON(floatT, Float)
EMBER_SINGLETON(boolT, Bool)
EMBER_SINGLETON(str, Str)
EMBER_SINGLETON(none, None)
EMBER_SINGLETON(number, Number)
EMBER_SINGLETON(device, Device)
EMBER_SINGLETON(scalarType, ScalarType)
EMBER_SINGLETON(layout, Layout)
EMBER_SINGLETON(memoryFormat, MemoryFormat)
EMBER_SINGLETON(generator, Generator)
EMBER_SINGLETON(storage, Storage)
EMBER_SINGLETON(capsule, Capsule)
EMBER_SINGLETON(complex, Complex)
EMBER_SINGLETON(stream, Stream)
EMBER_SINGLETON(qscheme, QScheme)
EMBER_SINGLETON(dimname, Dimname)
EMBER_SINGLETON(anyEnum, AnyEnum)
EMBER_SINGLETON(anyClass, AnyClass)
#undef EMBER_SINGLETON

TypePtr list(TypePtr e) { return std::make_shared<Type>(TypeKind::List, std::vector<TypePtr>{std::move(e)}); }
TypePtr dict(TypePtr k, TypePtr v) {
  return std::make_shared<Type>(TypeKind::Dict, std::vector<TypePtr>{std::move(k), std::move(v)});
}
TypePtr tuple(std::vector<TypePtr> elements) { return std::make_shared<Type>(TypeKind::Tuple, std::move(elements)); }
TypePtr namedTuple(std::string name, std::vector<std::string> fields, std::vector<TypePtr> elements) {
  return std::make_shared<Type>(TypeKind::Tuple, std::move(elements), std::move(name), std::move(fields));
}
TypePtr optional(TypePtr e) {
  if (e->kind() == TypeKind::Optional || e->kind() == TypeKind::None || e->kind() == TypeKind::Any) return e;
  return std::make_shared<Type>(TypeKind::Optional, std::vector<TypePtr>{std::move(e)});
}
TypePtr unionOf(std::vector<TypePtr> members) { return std::make_shared<Type>(TypeKind::Union, std::move(members)); }
TypePtr var(std::string name) { return std::make_shared<Type>(TypeKind::Var, std::vector<TypePtr>{}, std::move(name)); }
TypePtr rref(TypePtr e) { return std::make_shared<Type>(TypeKind::RRef, std::vector<TypePtr>{std::move(e)}); }
TypePtr classType(std::string qualifiedName) {
  return std::make_shared<Type>(TypeKind::Class, std::vector<TypePtr>{}, std::move(qualifiedName));
}
TypePtr future(TypePtr e) { return std::make_shared<Type>(TypeKind::Future, std::vector<TypePtr>{std::move(e)}); }

}  // namespace types

TypePtr unifyTypes(const TypePtr& a, const TypePtr& b) {
  if (a->isSubtypeOf(*b)) return b;
  if (b->isSubtypeOf(*a)) return a;
  if (a->kind() == TypeKind::None) return types::optional(b);
  if (b->kind() == TypeKind::None) return types::optional(a);
  if (a->kind() == TypeKind::Optional) {
    if (auto u = unifyTypes(a->elementType(), b)) return types::optional(u);
  }
  if (b->kind() == TypeKind::Optional) {
    if (auto u = unifyTypes(a, b->elementType())) return types::optional(u);
  }
  if (a->kind() == TypeKind::Tuple && b->kind() == TypeKind::Tuple && a->contained().size() == b->contained().size() &&
      !a->isNamedTuple() && !b->isNamedTuple()) {
    std::vector<TypePtr> elems;
    for (size_t i = 0; i < a->contained().size(); ++i) {
      auto u = unifyTypes(a->contained()[i], b->contained()[i]);
      if (!u) return nullptr;
      elems.push_back(u);
    }
    return types::tuple(std::move(elems));
  }
  return nullptr;
}

}  // namespace ember
