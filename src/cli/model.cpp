#include "cli/model.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "ember/ops/registry.h"
#include "ember/support/error.h"

namespace ember::cli {

bool isPythonSource(const std::string& path) { return path.size() > 3 && path.substr(path.size() - 3) == ".py"; }

LoadedModel loadModel(const std::string& path) {
  LoadedModel m;
  if (!isPythonSource(path)) {
    m.module = ember::load(path);
    return m;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) EMBER_FAIL_KIND(Io, "cannot read {}", path);
  std::stringstream ss;
  ss << in.rdbuf();
  m.unit = std::make_unique<runtime::CompilationUnit>(ss.str(), path);
  std::string errors;
  for (const auto& name : m.unit->functionNames()) {
    try {
      m.unit->function(name)->code();
    } catch (const Error& e) {
      errors += fmt::format("\n  {}: {}", name, e.what());
    }
  }
  if (!errors.empty()) EMBER_FAIL_KIND(NotImplemented, "{}: cannot prepare the code:{}", path, errors);
  return m;
}

runtime::Function* LoadedModel::function(const std::string& name) const {
  if (module) return module->type().findMethod(name);
  return unit->function(name);
}

std::vector<std::string> LoadedModel::names() const {
  if (unit) return unit->functionNames();
  std::vector<std::string> out;
  for (const auto& m : module->type().methods()) out.push_back(m.name);
  return out;
}

IValue LoadedModel::call(const std::string& name, std::vector<IValue> args) const {
  if (module) return module->run_method(name, std::move(args));
  return unit->run(name, std::move(args));
}

}  // namespace ember::cli
