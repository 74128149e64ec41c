// `ember check FILE.py`: every TorchScript problem of a source file (and of
// an archive's code/) at once. `ember bench MODEL --inputs ARGS.pt`: the load
// time, the first call, the median of later calls and the peak memory.
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

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Peak resident set of this process in MiB: VmHWM belongs to the address space,
// unlike getrusage's ru_maxrss, which keeps the high-water mark of whatever
// process forked and exec'ed us (a Python harness with torch imported).
double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

}  // namespace

int runBench(const Options& opt) {
  if (opt.threads > 0) setNumThreads(opt.threads);
  IValue in = serialization::loadTorchFile(opt.inputs);
  std::vector<IValue> args = in.isTuple() ? in.toTuple().elements : std::vector<IValue>{in};
  // Load and first call are what a service sees at start-up; the median of the
  // later calls is the steady state.
  auto t0 = std::chrono::steady_clock::now();
  LoadedModel model = loadModel(opt.model);
  double loadMs = msSince(t0);
  if (!model.function(opt.method))
    EMBER_FAIL_KIND(Value, "{} has no method or function '{}'", opt.model, opt.method);
  t0 = std::chrono::steady_clock::now();
  model.call(opt.method, args);
  double firstMs = msSince(t0);
  std::vector<double> ms;
  for (int i = 0; i < std::max(1, opt.iters); ++i) {
    t0 = std::chrono::steady_clock::now();
    model.call(opt.method, args);
    ms.push_back(msSince(t0));
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double v : ms) sum += v;
  std::cout << fmt::format(
      "{} {}: load {:.1f} ms, first call {:.3f} ms, {} iterations, median {:.3f} ms, mean {:.3f} ms, min {:.3f} ms, "
      "peak rss {:.0f} MiB\n",
      opt.model, opt.method, loadMs, firstMs, ms.size(), ms[ms.size() / 2], sum / ms.size(), ms.front(), peakRssMiB());
  return 0;
}

}  // namespace ember::cli
