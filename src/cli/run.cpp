// `ember run MODEL [--method M] [--inputs ARGS.pt] [--output OUT.pt] [--repeat N]`:
// the inputs file holds the tuple of positional arguments (torch.save); the
// result is written with torch.save's format so torch.load gives the same
// Python types back.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/model.h"
#include "ember/runtime/script_error.h"
#include "ember/serialization/torch_save.h"
#include "ember/support/thread_pool.h"
#include "ember/value/containers.h"

namespace ember::cli {

namespace {

std::vector<IValue> readInputs(const std::string& path) {
  if (path.empty()) return {};
  IValue v = serialization::loadTorchFile(path);
  if (v.isTuple()) return v.toTuple().elements;
  if (v.isList()) return v.toList().elements;
  EMBER_FAIL_KIND(Value, "{}: the inputs file must hold a tuple of arguments, not a {}", path, v.tagName());
}

}  // namespace

int runRun(const Options& opt) {
  LoadedModel model = loadModel(opt.model);
  if (!model.function(opt.method)) {
    EMBER_FAIL_KIND(Value, "{} has no {} '{}' (it has: {})", opt.model, model.module ? "method" : "function",
                    opt.method, fmt::join(model.names(), ", "));
  }
  std::vector<IValue> args = readInputs(opt.inputs);
  if (opt.threads > 0) setNumThreads(opt.threads);
  IValue result;
  try {
    for (int i = 0; i < std::max(1, opt.repeat); ++i) result = model.call(opt.method, args);
  } catch (const runtime::ScriptError& e) {
    std::cerr << e.render() << '\n';
    return 1;
  } catch (const Error& e) {
    std::cerr << e.kindName() << ": " << e.what() << '\n';
    return 1;
  }
  if (opt.output.empty()) {
    std::cout << result.reprStr() << '\n';
    return 0;
  }
  serialization::saveTorchFile(result, opt.output);
  return 0;
}

}  // namespace ember::cli
