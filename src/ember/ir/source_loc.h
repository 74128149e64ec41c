// Where a node came from, printed after it as `# file.py:5:11`: file, 1-based
// line and 0-based column, as PyTorch prints them. Nodes compiled from source
// also keep the front end's SourceRange (sharing the source text), so runtime
// errors can quote the line with a marker under the expression, as PyTorch's
// "Traceback of TorchScript" does; nodes parsed from IR text have no range.
#pragma once

#include <memory>
#include <string>

#include "ember/support/source.h"

namespace ember::ir {

struct SourceLoc {
  SourceLoc() = default;
  SourceLoc(std::string file, int line, int col)
      : file(std::make_shared<const std::string>(std::move(file))), line(line), col(col) {}
  SourceLoc(std::shared_ptr<const std::string> file, int line, int col) : file(std::move(file)), line(line), col(col) {}
  SourceLoc(std::shared_ptr<const std::string> file, const SourceRange& range)
      : file(std::move(file)),
        line(static_cast<int>(range.line())),
        col(static_cast<int>(range.column()) - 1),
        range(range) {}

  // Shared so that every node of a function points at one file name.
  std::shared_ptr<const std::string> file;
  int line = 0;
  int col = 0;
  SourceRange range;  // invalid when the node did not come from source text

  bool known() const { return file != nullptr; }
  friend bool operator==(const SourceLoc& a, const SourceLoc& b) {
    if (a.known() != b.known()) return false;
    return !a.known() || (*a.file == *b.file && a.line == b.line && a.col == b.col);
  }
};

}  // namespace ember::ir
