// One function per `ember` subcommand; each returns the process exit code.
#pragma once

#include <string>

namespace ember::cli {

struct Options {
  std::string model;
  std::string method = "forward";
  std::string inputs;
  std::string output;
  int threads = 0;
  int repeat = 1;
  int iters = 20;
  bool optimized = false;
};

int runInfo(const Options& opt);       // torch.save files; archives and .py go to runInfoModel
int runInfoModel(const Options& opt);
int runRun(const Options& opt);
int runGraph(const Options& opt);
int runCheck(const Options& opt);
int runBench(const Options& opt);
int runConvert(const Options& opt);

}  // namespace ember::cli
