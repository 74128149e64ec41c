// What `ember run/graph/info` load: a torch.jit.save archive (ember::Module)
// or a .py file of TorchScript (a CompilationUnit whose functions are the
// "methods"). Loading compiles everything and builds every function's code,
// so unknown operators are reported before anything runs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ember/api/ember.h"
#include "ember/runtime/compilation_unit.h"
#include "ember/runtime/function.h"

namespace ember::cli {

struct LoadedModel {
  std::optional<Module> module;                   // archives
  std::unique_ptr<runtime::CompilationUnit> unit;  // .py files

  // The method (archives) or function (.py) named `name`; nullptr if none.
  runtime::Function* function(const std::string& name) const;
  IValue call(const std::string& name, std::vector<IValue> args) const;
  std::vector<std::string> names() const;
};

bool isPythonSource(const std::string& path);
LoadedModel loadModel(const std::string& path);

}  // namespace ember::cli
