// `ember info MODEL` for TorchScript archives and .py files: the module
// tree, methods with their signatures, parameter and buffer sizes, and the
// operators the code calls.
#include <fmt/format.h>

#include <iostream>
#include <set>

#include "cli/commands.h"
#include "cli/model.h"
#include "ember/api/script_unit.h"
#include "ember/ir/node.h"
#include "ember/ops/registry.h"

namespace ember::cli {

namespace {

void collectOps(const runtime::Function& fn, std::set<std::string>& ops) {
  for (const ir::Node* n : fn.graph().allNodes())
    if (n->op()) ops.insert(n->op()->qualifiedName);
}

void printTensors(const char* what, const std::vector<std::pair<std::string, Tensor>>& ts) {
  size_t elements = 0, bytes = 0;
  for (const auto& [n, t] : ts) {
    elements += static_cast<size_t>(t.numel());
    bytes += t.nbytes();
  }
  std::cout << fmt::format("{}: {} tensor(s), {} element(s), {} bytes\n", what, ts.size(), elements, bytes);
}

}  // namespace

int runInfoModel(const Options& opt) {
  LoadedModel model = loadModel(opt.model);
  std::set<std::string> ops;
  if (model.unit) {
    std::cout << opt.model << ": TorchScript source\nfunctions:\n";
    for (const auto& name : model.unit->functionNames()) {
      runtime::Function* fn = model.unit->function(name);
      std::cout << "  " << fn->schema() << '\n';
      collectOps(*fn, ops);
    }
  } else {
    const Module& m = *model.module;
    std::cout << opt.model << ": TorchScript archive\nmodules:\n";
    for (const auto& [name, sub] : m.named_modules()) {
      size_t depth = name.empty() ? 0 : static_cast<size_t>(std::count(name.begin(), name.end(), '.')) + 1;
      std::string shown = name.empty() ? "<root>" : name.substr(name.rfind('.') + 1);
      std::cout << std::string(2 + 2 * depth, ' ') << shown << ": " << sub.type().name() << '\n';
    }
    std::cout << "methods:\n";
    for (const auto& meth : m.type().methods()) std::cout << "  " << meth.fn->schema() << '\n';
    printTensors("parameters", m.named_parameters());
    printTensors("buffers", m.named_buffers());
    for (const auto& fn : m.unit()->functions()) collectOps(*fn, ops);
  }
  std::cout << "operators (" << ops.size() << "):";
  for (const auto& o : ops) std::cout << ' ' << o;
  std::cout << '\n';
  return 0;
}

int runGraph(const Options& opt) {
  LoadedModel model = loadModel(opt.model);
  runtime::Function* fn = model.function(opt.method);
  if (!fn)
    EMBER_FAIL_KIND(Value, "{} has no method or function '{}' (it has: {})", opt.model, opt.method,
                    fmt::join(model.names(), ", "));
  fn->graph().print(std::cout);
  return 0;
}

}  // namespace ember::cli
