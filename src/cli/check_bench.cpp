// `ember check FILE.py`: every TorchScript problem of a source file (and of
// an archive's code/) at once. `ember bench MODEL --inputs ARGS.pt`: the time
// of a method, after one warm-up call.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/model.h"
#include "ember/runtime/compilation_unit.h"
#include "ember/serialization/torch_save.h"
#include "ember/support/diagnostics.h"
#include "ember/support/thread_pool.h"
#include "ember/value/containers.h"

namespace ember::cli {

int runCheck(const Options& opt) {
  if (!isPythonSource(opt.model)) {
    // Archives: loading compiles everything and reports all problems in one error.
    loadModel(opt.model);
    std::cout << opt.model << ": ok\n";
    return 0;
  }
  std::ifstream in(opt.model, std::ios::binary);
  if (!in) EMBER_FAIL_KIND(Io, "cannot read {}", opt.model);
  std::stringstream ss;
  ss << in.rdbuf();
  DiagnosticEngine diag;
  runtime::CompilationUnit unit(ss.str(), opt.model, diag);
  diag.print(std::cerr);
  if (diag.hasErrors()) {
    std::cerr << diag.errorCount() << " error(s)\n";
    return 2;
  }
  std::cout << opt.model << ": ok (" << unit.functionNames().size() << " function(s))\n";
  return 0;
}

int runBench(const Options& opt) {
  LoadedModel model = loadModel(opt.model);
  if (!model.function(opt.method))
    EMBER_FAIL_KIND(Value, "{} has no method or function '{}'", opt.model, opt.method);
  IValue in = serialization::loadTorchFile(opt.inputs);
  std::vector<IValue> args = in.isTuple() ? in.toTuple().elements : std::vector<IValue>{in};
  if (opt.threads > 0) setNumThreads(opt.threads);
  model.call(opt.method, args);
  std::vector<double> ms;
  for (int i = 0; i < std::max(1, opt.iters); ++i) {
    auto t0 = std::chrono::steady_clock::now();
    model.call(opt.method, args);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double v : ms) sum += v;
  std::cout << fmt::format("{} {}: {} iterations, median {:.3f} ms, mean {:.3f} ms, min {:.3f} ms\n", opt.model,
                           opt.method, ms.size(), ms[ms.size() / 2], sum / ms.size(), ms.front());
  return 0;
}

}  // namespace ember::cli
