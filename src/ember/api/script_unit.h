// The compiled code of one loaded archive: every function and method of its
// code/, owned here and found by qualified name ("__torch__.a.b.Cls.forward",
// "__torch__.torch.nn.functional.linear"). Class types keep non-owning
// pointers to their methods, so a unit outlives every object of its classes
// (Module holds it by shared_ptr).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ember/compiler/compiler.h"
#include "ember/runtime/function.h"
#include "ember/value/class_type.h"

namespace ember::api {

class ScriptUnit : public runtime::FunctionResolver {
 public:
  explicit ScriptUnit(compiler::CompiledModule compiled);
  ~ScriptUnit() override;

  runtime::Function* findFunction(const std::string& qualifiedName) const override;
  ClassTypePtr findClass(const std::string& qualifiedName) const;
  TypePtr findEnum(const std::string& qualifiedName) const;  // an EnumType, or nullptr
  const std::vector<std::unique_ptr<runtime::Function>>& functions() const { return functions_; }
  const std::map<std::string, ClassTypePtr>& classes() const { return classes_; }

  // What Module::save writes back besides the object graph, as loaded.
  struct Origin {
    int64_t version = 3;
    std::vector<std::pair<std::string, std::string>> code;  // (path under code/, text)
    std::vector<IValue> constants;
    // Non-empty when the archive held values ember keeps in another form
    // (torchbind objects, quantized tensors): saving them would change the model.
    std::string unsavable;
  };
  Origin origin;  // filled by the loader before the unit is shared

 private:
  std::vector<std::unique_ptr<runtime::Function>> functions_;
  std::map<std::string, runtime::Function*> byName_;
  std::map<std::string, ClassTypePtr> classes_;
  std::map<std::string, TypePtr> enums_;
};

}  // namespace ember::api
