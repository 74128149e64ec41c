// The character-level half of ember's two small hand-written parsers: the IR
// text (ir/ir_parser.cpp) and operator schemas (ops/schema.cpp). Both are
// recursive descent over a string_view with one position, skip white space
// between tokens and fail with "expected 'x'"; they differ in how an error
// names the place (line and caret for IR, column for a one-line schema) and
// in comments (IR has '#' comments), so those stay with each parser.
//
// The TorchScript frontend has a real lexer (frontend/lexer.cpp) with
// indentation, tokens and source ranges: it does not use this.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace ember {

inline bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
inline bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// CRTP: Derived provides `[[noreturn]] void fail(std::string_view what) const`
// (reachable from here: public, or befriend TextScanner<Derived>).
template <class Derived>
class TextScanner {
 protected:
  // comment: the character that starts a comment running to the end of the
  // line, or '\0' for none.
  explicit TextScanner(std::string_view text, char comment = '\0') : s_(text), comment_(comment) {}

  // White space, newlines and comments.
  void skipSpace() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (comment_ != '\0' && c == comment_) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
        continue;
      }
      if (!std::isspace(static_cast<unsigned char>(c))) return;
      ++pos_;
    }
  }
  // The next character after white space, or '\0' at the end.
  char peek() {
    skipSpace();
    return pos_ < s_.size() ? s_[pos_] : '\0';
  }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void expect(char c) {
    if (!accept(c)) self().fail(fmt::format("expected '{}'", c));
  }
  bool acceptText(std::string_view t) {
    skipSpace();
    if (s_.substr(pos_, t.size()) != t) return false;
    pos_ += t.size();
    return true;
  }
  void expectText(std::string_view t) {
    if (!acceptText(t)) self().fail(fmt::format("expected '{}'", t));
  }
  // Fails unless only white space (and comments) remain.
  void expectEnd(std::string_view what) {
    skipSpace();
    if (pos_ != s_.size()) self().fail(what);
  }

  std::string_view s_;
  size_t pos_ = 0;

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }
  char comment_;
};

}  // namespace ember
