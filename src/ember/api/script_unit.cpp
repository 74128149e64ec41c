#include "ember/api/script_unit.h"

namespace ember::api {

ScriptUnit::ScriptUnit(compiler::CompiledModule compiled) {
  for (auto& c : compiled.classes) classes_[c->name()] = c;
  for (auto& e : compiled.enums) enums_[e->name()] = e;
  for (auto& cf : compiled.functions) {
    auto fn = std::make_unique<runtime::Function>(cf.name, cf.graph, cf.schema, this);
    if (cf.owner) cf.owner->addMethod(cf.methodName, fn.get());
    byName_[cf.name] = fn.get();
    functions_.push_back(std::move(fn));
  }
}

ScriptUnit::~ScriptUnit() = default;

runtime::Function* ScriptUnit::findFunction(const std::string& qualifiedName) const {
  auto it = byName_.find(qualifiedName);
  return it == byName_.end() ? nullptr : it->second;
}

ClassTypePtr ScriptUnit::findClass(const std::string& qualifiedName) const {
  auto it = classes_.find(qualifiedName);
  return it == classes_.end() ? nullptr : it->second;
}

TypePtr ScriptUnit::findEnum(const std::string& qualifiedName) const {
  auto it = enums_.find(qualifiedName);
  return it == enums_.end() ? nullptr : it->second;
}

}  // namespace ember::api
