// Source text and positions in it. A SourceRange is a byte span of a shared
// SourceFile, so tokens, AST nodes, IR nodes and diagnostics can all point
// back at the text they came from and render it with a caret.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ember {

class SourceFile {
 public:
  // `text` is taken as UTF-8; invalid bytes are tolerated everywhere (the
  // lexer reports them). Lines end at "\n", "\r\n" or a lone "\r", as in Python.
  SourceFile(std::string name, std::string text);
  static std::shared_ptr<const SourceFile> create(std::string name, std::string text);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  size_t size() const { return text_.size(); }

  size_t lineCount() const { return lineStarts_.size(); }
  // 1-based line holding the byte at `offset` (offset == size() is the last line).
  size_t lineOf(size_t offset) const;
  size_t lineStart(size_t line) const;
  // The line without its terminator.
  std::string_view lineText(size_t line) const;
  // 1-based column of `offset` in code points from the start of its line.
  size_t columnOf(size_t offset) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// Bytes [start, end) of a file. A default-constructed range points nowhere and
// renders as "<unknown>"; an empty range (start == end) is a position.
struct SourceRange {
  SourceFilePtr file;
  uint32_t start = 0;
  uint32_t end = 0;

  SourceRange() = default;
  SourceRange(SourceFilePtr f, uint32_t s, uint32_t e) : file(std::move(f)), start(s), end(e) {}

  bool valid() const { return file != nullptr; }
  size_t size() const { return end - start; }
  std::string_view text() const;

  size_t line() const;       // 1-based
  size_t column() const;     // 1-based, in code points
  size_t endLine() const;    // line of the last byte in the range
  size_t endColumn() const;  // column just past the range

  // The smallest range covering both (same file).
  SourceRange to(const SourceRange& other) const;
  SourceRange startPos() const { return {file, start, start}; }
  SourceRange endPos() const { return {file, end, end}; }

  // "model.py:12:9"
  std::string location() const;
  // The first line of the range, then a caret under its start and tildes under
  // the rest of it on that line; tabs are expanded to 8-column stops and wide
  // characters count two columns, so the caret lands under the right glyph.
  // Ends with a newline; empty for an invalid range.
  std::string excerpt() const;

  void print(std::ostream& os) const;  // location()
  void dump() const;

  friend bool operator==(const SourceRange& a, const SourceRange& b) {
    return a.file == b.file && a.start == b.start && a.end == b.end;
  }
};

std::ostream& operator<<(std::ostream& os, const SourceRange& r);

}  // namespace ember
