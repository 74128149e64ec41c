#include "ember/runtime/compilation_unit.h"

#include "ember/compiler/compiler.h"
#include "ember/frontend/parser.h"
#include "ember/ops/registry.h"

namespace ember::runtime {

CompilationUnit::CompilationUnit(std::string source, std::string fileName) {
  DiagnosticEngine diag;
  compile(source, fileName, diag);
  diag.throwIfErrors();
}

CompilationUnit::CompilationUnit(std::string source, std::string fileName, DiagnosticEngine& diag) {
  compile(source, fileName, diag);
}

void CompilationUnit::compile(const std::string& source, const std::string& fileName, DiagnosticEngine& diag) {
  auto file = SourceFile::create(fileName, source);
  auto module = frontend::parseModule(file, diag);
  compiler::CompiledModule cm = compiler::compileModule(*module, diag);
  for (auto& cf : cm.functions) {
    auto fn = std::make_unique<Function>(cf.name, cf.graph, cf.schema, this);
    if (cf.owner) cf.owner->addMethod(cf.methodName, fn.get());
    byName_[cf.name] = fn.get();
    functions_.push_back(std::move(fn));
  }
  for (auto& c : cm.classes) classes_[c->name().substr(c->name().rfind('.') + 1)] = c;
}

Function* CompilationUnit::function(const std::string& name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second;
}

IValue CompilationUnit::run(const std::string& name, std::vector<IValue> args,
                            const std::vector<std::pair<std::string, IValue>>& kwargs) const {
  Function* fn = function(name);
  EMBER_CHECK(fn, "no function named '{}' in the compilation unit", name);
  ops::BoundCall bound = ops::bindArguments(fn->schema(), args, kwargs);
  EMBER_CHECK(bound.error.empty(), "{}", bound.error);
  return fn->call(std::move(bound.stack));
}

ClassTypePtr CompilationUnit::classType(const std::string& name) const {
  auto it = classes_.find(name);
  return it == classes_.end() ? nullptr : it->second;
}

std::vector<std::string> CompilationUnit::functionNames() const {
  std::vector<std::string> names;
  for (const auto& [n, f] : byName_) names.push_back(n);
  return names;
}

}  // namespace ember::runtime
