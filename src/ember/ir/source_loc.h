// Where a node came from, printed after it as `# file.py:5:11`.
//
// A stand-in until support/source.h's SourceRange (branch `frontend`) lands:
// then nodes will carry that range, and this struct remains what the printer
// and the IR parser need (file, 1-based line, 0-based column, as PyTorch prints).
#pragma once

#include <memory>
#include <string>

namespace ember::ir {

struct SourceLoc {
  SourceLoc() = default;
  SourceLoc(std::string file, int line, int col)
      : file(std::make_shared<const std::string>(std::move(file))), line(line), col(col) {}
  SourceLoc(std::shared_ptr<const std::string> file, int line, int col) : file(std::move(file)), line(line), col(col) {}

  // Shared so that every node of a function points at one file name.
  std::shared_ptr<const std::string> file;
  int line = 0;
  int col = 0;

  bool known() const { return file != nullptr; }
  friend bool operator==(const SourceLoc& a, const SourceLoc& b) {
    if (a.known() != b.known()) return false;
    return !a.known() || (*a.file == *b.file && a.line == b.line && a.col == b.col);
  }
};

}  // namespace ember::ir
