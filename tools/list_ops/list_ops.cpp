// Prints every operator in ember's registry, one qualified name per line
// ("aten::add.Tensor"), or with --schema the full schema text. Used by
// tools/oracle/model_ops.py to tell which ops a model needs that ember lacks.
#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "ember/ops/registry.h"

int main(int argc, char** argv) {
  const bool schemas = argc > 1 && std::string_view(argv[1]) == "--schema";
  std::vector<std::string> lines;
  for (const ember::ops::Operator* op : ember::ops::Registry::global().all()) {
    lines.push_back(schemas ? op->schema.str() : op->qualifiedName);
  }
  std::sort(lines.begin(), lines.end());
  for (const std::string& l : lines) std::cout << l << '\n';
  return 0;
}
