// The `ember` command. Subcommands and exit codes are a contract (DESIGN.md §5):
// 0 success, 1 the model raised, 2 usage errors and unreadable or invalid files.
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ember <run|info|graph|bench|convert|check> ...\n";
    return 2;
  }
  std::cerr << "ember: unknown command '" << argv[1] << "'\n";
  return 2;
}
