// A CompilationUnit compiles every def and class of a TorchScript source
// file and runs them, as torch.jit.CompilationUnit does:
//   ember::runtime::CompilationUnit cu(source);
//   IValue r = cu.run("f", {IValue(3)});
// Compile errors throw CompileError holding every diagnostic of the file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ember/runtime/function.h"
#include "ember/support/diagnostics.h"
#include "ember/value/class_type.h"

namespace ember::runtime {

class CompilationUnit : public FunctionResolver {
 public:
  explicit CompilationUnit(std::string source, std::string fileName = "<string>");
  // Compiles without throwing: errors stay in diag (functions that compiled are usable).
  CompilationUnit(std::string source, std::string fileName, DiagnosticEngine& diag);

  // "f" for functions, "Foo.method" for methods; nullptr when there is none.
  Function* function(const std::string& name) const;
  Function* findFunction(const std::string& qualifiedName) const override { return function(qualifiedName); }
  // Binds positional and keyword arguments against the function's schema (defaults filled).
  IValue run(const std::string& name, std::vector<IValue> args,
             const std::vector<std::pair<std::string, IValue>>& kwargs = {}) const;
  // The class named `name` as written in the source ("Foo").
  ClassTypePtr classType(const std::string& name) const;
  std::vector<std::string> functionNames() const;

 private:
  void compile(const std::string& source, const std::string& fileName, DiagnosticEngine& diag);
  std::vector<std::unique_ptr<Function>> functions_;
  std::map<std::string, Function*> byName_;
  std::map<std::string, ClassTypePtr> classes_;
};

}  // namespace ember::runtime
