// A TorchScript class or module type: named attribute slots (parameters,
// buffers, submodules and plain attributes of a module; fields of a class),
// constants (`Final` / `__constants__`), and methods.
//
// Class types are built incrementally (the compiler adds attributes and
// methods as it reads a class body; the archive loader as it reads code/),
// so unlike other types they are mutable through ClassTypePtr. Everyone
// else sees them as an ordinary const TypePtr of kind Class.
//
// Methods are owned by the runtime's compilation unit; this layer only keeps
// an opaque pointer to them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ember/types/type.h"
#include "ember/value/ivalue.h"

namespace ember {

namespace runtime {
class Function;
}

class ClassType;
using ClassTypePtr = std::shared_ptr<ClassType>;

class ClassType : public Type {
 public:
  enum class AttributeKind : uint8_t { Plain, Parameter, Buffer, Module };

  struct Attribute {
    std::string name;
    TypePtr type;
    AttributeKind kind = AttributeKind::Plain;
  };

  static ClassTypePtr create(std::string qualifiedName, bool isModule);

  ClassType(std::string qualifiedName, bool isModule)
      : Type(TypeKind::Class, {}, std::move(qualifiedName)), isModule_(isModule) {}

  bool isModule() const { return isModule_; }

  // ---- attributes (object slots, in order)
  const std::vector<Attribute>& attributes() const { return attributes_; }
  size_t numAttributes() const { return attributes_.size(); }
  std::optional<size_t> findAttribute(std::string_view name) const;
  const Attribute* attribute(std::string_view name) const;
  // Adds a slot; an existing attribute of the same name and type is returned as is.
  size_t addAttribute(std::string name, TypePtr type, AttributeKind kind = AttributeKind::Plain);

  // ---- constants (Final attributes: values baked into the code)
  const std::vector<std::pair<std::string, IValue>>& constants() const { return constants_; }
  const IValue* findConstant(std::string_view name) const;
  void addConstant(std::string name, IValue value);

  // ---- methods
  struct Method {
    std::string name;
    runtime::Function* fn;
  };
  const std::vector<Method>& methods() const { return methods_; }
  runtime::Function* findMethod(std::string_view name) const;
  void addMethod(std::string name, runtime::Function* fn);

  // Module hooks that matter to callers of forward (forward pre-hooks /
  // hooks are compiled into methods; here only their names, in order).
  std::vector<std::string> forwardPreHooks;
  std::vector<std::string> forwardHooks;

  // print() inherited: the qualified name. describe() lists the members.
  void describe(std::ostream& os) const;

 private:
  bool isModule_;
  std::vector<Attribute> attributes_;
  std::vector<std::pair<std::string, IValue>> constants_;
  std::vector<Method> methods_;
};

// The ClassType behind a TypePtr of kind Class, or nullptr.
const ClassType* asClass(const TypePtr& t);

}  // namespace ember
