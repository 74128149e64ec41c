// The `ember` command. Subcommands, options and exit codes are a contract
// (DESIGN.md §5): 0 success, 1 the model raised, 2 usage errors and
// unreadable or invalid files.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "ember/support/error.h"

int main(int argc, char** argv) {
  CLI::App app{"ember: a TorchScript compiler and runtime without libtorch"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "show help for every subcommand");

  ember::cli::Options opt;
  auto* run = app.add_subcommand("run", "run a method of a model (archive or .py) on torch.save inputs");
  run->add_option("model", opt.model, "torch.jit.save archive or .py file of TorchScript")->required();
  run->add_option("--method", opt.method, "method or function to call")->default_val("forward");
  run->add_option("--inputs", opt.inputs, "torch.save file holding the tuple of positional arguments");
  run->add_option("--output", opt.output, "write the result here in torch.save format");
  run->add_option("--threads", opt.threads, "intra-op threads")->default_val(0);
  run->add_option("--repeat", opt.repeat, "call the method N times, keep the last result")->default_val(1);

  auto* info = app.add_subcommand("info", "describe a model archive or a torch.save file");
  info->add_option("file", opt.model, "archive, .py, or torch.save file")->required();

  auto* graph = app.add_subcommand("graph", "print the IR of a method");
  graph->add_option("model", opt.model)->required();
  graph->add_option("--method", opt.method)->default_val("forward");
  graph->add_flag("--optimized", opt.optimized, "after the optimization passes");

  auto* bench = app.add_subcommand("bench", "time a method");
  bench->add_option("model", opt.model)->required();
  bench->add_option("--inputs", opt.inputs)->required();
  bench->add_option("--method", opt.method)->default_val("forward");
  bench->add_option("--threads", opt.threads)->default_val(0);
  bench->add_option("--iters", opt.iters)->default_val(20);

  auto* convert = app.add_subcommand("convert", "write an archive torch.jit.load accepts");
  convert->add_option("model", opt.model)->required();
  convert->add_option("output", opt.output)->required();

  auto* check = app.add_subcommand("check", "report every TorchScript problem in a .py file");
  check->add_option("file", opt.model)->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  try {
    if (*info) return ember::cli::runInfo(opt);
    if (*run) return ember::cli::runRun(opt);
    if (*graph) return ember::cli::runGraph(opt);
    if (*check) return ember::cli::runCheck(opt);
    if (*bench) return ember::cli::runBench(opt);
    if (*convert) return ember::cli::runConvert(opt);
    std::cerr << "ember " << app.get_subcommands().front()->get_name() << ": not implemented yet\n";
    return 2;
  } catch (const ember::Error& e) {
    std::cerr << "ember: " << e.kindName() << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "ember: internal error: " << e.what() << '\n';
    return 2;
  }
}
