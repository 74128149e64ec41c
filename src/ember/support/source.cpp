#include "ember/support/source.h"

#include <algorithm>
#include <iostream>

#include "ember/support/utf8.h"

namespace ember {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
    if (c == '\n' || c == '\r') lineStarts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

SourceFilePtr SourceFile::create(std::string name, std::string text) {
  return std::make_shared<const SourceFile>(std::move(name), std::move(text));
}

size_t SourceFile::lineOf(size_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<size_t>(it - lineStarts_.begin());
}

size_t SourceFile::lineStart(size_t line) const {
  if (line == 0) return 0;
  if (line > lineStarts_.size()) return text_.size();
  return lineStarts_[line - 1];
}

std::string_view SourceFile::lineText(size_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  size_t begin = lineStarts_[line - 1];
  size_t end = line < lineStarts_.size() ? lineStarts_[line] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

size_t SourceFile::columnOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  size_t begin = lineStart(lineOf(offset));
  return utf8::countCodePoints(std::string_view(text_).substr(begin, offset - begin)) + 1;
}

std::string_view SourceRange::text() const {
  if (!file) return {};
  return file->text().substr(start, end - start);
}

size_t SourceRange::line() const { return file ? file->lineOf(start) : 0; }
size_t SourceRange::column() const { return file ? file->columnOf(start) : 0; }
size_t SourceRange::endLine() const { return file ? file->lineOf(end > start ? end - 1 : start) : 0; }
size_t SourceRange::endColumn() const { return file ? file->columnOf(end) : 0; }

SourceRange SourceRange::to(const SourceRange& other) const {
  if (!file) return other;
  if (!other.file || other.file != file) return *this;
  return {file, std::min(start, other.start), std::max(end, other.end)};
}

std::string SourceRange::location() const {
  if (!file) return "<unknown>";
  return file->name() + ":" + std::to_string(line()) + ":" + std::to_string(column());
}

namespace {

// Appends the code point at text[i] for display and returns its width.
// Control characters and invalid bytes show as U+FFFD so the terminal
// never sees raw escapes from hostile input.
int renderCodePoint(std::string_view text, size_t& i, std::string& out, size_t displayCol) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b == '\t') {
    int width = 8 - static_cast<int>(displayCol % 8);
    out.append(static_cast<size_t>(width), ' ');
    ++i;
    return width;
  }
  utf8::Decoded d = utf8::decode(text, i);
  i += d.length;
  char32_t cp = d.cp;
  if (cp == '\f' || cp == '\v') cp = ' ';
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) cp = utf8::kReplacement;
  utf8::append(out, cp);
  return utf8::displayWidth(cp);
}

}  // namespace

std::string SourceRange::excerpt() const {
  if (!file) return {};
  size_t lineNo = file->lineOf(start);
  std::string_view lineText = file->lineText(lineNo);
  size_t lineBegin = file->lineStart(lineNo);
  size_t caretFrom = start - lineBegin;
  size_t caretTo = std::min<size_t>(end - lineBegin, lineText.size());

  std::string rendered, underline;
  size_t col = 0;
  bool caretDrawn = false;
  for (size_t i = 0; i < lineText.size();) {
    size_t pos = i;
    size_t width = static_cast<size_t>(renderCodePoint(lineText, i, rendered, col));
    col += width;
    if (pos < caretFrom) {
      underline.append(width, ' ');
    } else if (!caretDrawn) {
      // A combining mark has no column of its own; the caret goes under the next glyph.
      if (width == 0) continue;
      underline.push_back('^');
      underline.append(width - 1, '~');
      caretDrawn = true;
    } else if (pos < caretTo) {
      underline.append(width, '~');
    }
  }
  if (!caretDrawn) {
    // The range starts at the line break (or past it): point just after the text.
    underline.append(col - std::min(col, underline.size()), ' ');
    underline.push_back('^');
  }
  return rendered + "\n" + underline + "\n";
}

void SourceRange::print(std::ostream& os) const { os << location(); }
void SourceRange::dump() const { std::cerr << location() << '\n'; }

std::ostream& operator<<(std::ostream& os, const SourceRange& r) {
  r.print(os);
  return os;
}

}  // namespace ember
