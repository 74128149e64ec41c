#include "ember/value/class_type.h"

#include <ostream>

namespace ember {

ClassTypePtr ClassType::create(std::string qualifiedName, bool isModule) {
  return std::make_shared<ClassType>(std::move(qualifiedName), isModule);
}

std::optional<size_t> ClassType::findAttribute(std::string_view name) const {
  for (size_t i = 0; i < attributes_.size(); ++i)
    if (attributes_[i].name == name) return i;
  return std::nullopt;
}

const ClassType::Attribute* ClassType::attribute(std::string_view name) const {
  auto i = findAttribute(name);
  return i ? &attributes_[*i] : nullptr;
}

size_t ClassType::addAttribute(std::string name, TypePtr type, AttributeKind kind) {
  if (auto i = findAttribute(name)) {
    EMBER_CHECK(attributes_[*i].type->equals(*type),
                "attribute '{}' of class {} was declared as {} and again as {}", name, this->name(),
                attributes_[*i].type->str(), type->str());
    return *i;
  }
  attributes_.push_back({std::move(name), std::move(type), kind});
  return attributes_.size() - 1;
}

const IValue* ClassType::findConstant(std::string_view name) const {
  for (const auto& [n, v] : constants_)
    if (n == name) return &v;
  return nullptr;
}

void ClassType::addConstant(std::string name, IValue value) {
  for (auto& [n, v] : constants_)
    if (n == name) {
      v = std::move(value);
      return;
    }
  constants_.emplace_back(std::move(name), std::move(value));
}

runtime::Function* ClassType::findMethod(std::string_view name) const {
  for (const auto& m : methods_)
    if (m.name == name) return m.fn;
  return nullptr;
}

void ClassType::addMethod(std::string name, runtime::Function* fn) {
  for (auto& m : methods_)
    if (m.name == name) {
      m.fn = fn;
      return;
    }
  methods_.push_back({std::move(name), fn});
}

void ClassType::describe(std::ostream& os) const {
  os << (isModule_ ? "module " : "class ") << name() << " {\n";
  for (const auto& a : attributes_) {
    const char* kind = a.kind == AttributeKind::Parameter ? "parameter "
                       : a.kind == AttributeKind::Buffer  ? "buffer "
                       : a.kind == AttributeKind::Module  ? "module "
                                                          : "";
    os << "  " << kind << a.name << " : " << a.type->str() << '\n';
  }
  for (const auto& [n, v] : constants_) os << "  constant " << n << " = " << v.reprStr() << '\n';
  for (const auto& m : methods_) os << "  def " << m.name << "(...)\n";
  os << "}\n";
}

const ClassType* asClass(const TypePtr& t) {
  if (!t || t->kind() != TypeKind::Class) return nullptr;
  return dynamic_cast<const ClassType*>(t.get());
}

}  // namespace ember
