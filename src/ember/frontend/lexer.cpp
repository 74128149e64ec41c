#include "ember/frontend/lexer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "ember/support/utf8.h"

namespace ember::frontend {

/*
** {======================================================
** Token names
** =======================================================
*/

std::string_view tokenKindSpelling(TokenKind kind) {
  switch (kind) {
#define TOKEN(name, desc) \
  case TokenKind::name: return desc;
#include "ember/frontend/token_kinds.def"
  }
  return "?";
}

bool isKeyword(TokenKind kind) {
  switch (kind) {
#define TOKEN(name, desc)
#define KEYWORD(name, spelling) case TokenKind::name:
#include "ember/frontend/token_kinds.def"
    return true;
    default: return false;
  }
}

std::string describeTokenKind(TokenKind kind) {
  switch (kind) {
    case TokenKind::EndOfFile:
    case TokenKind::Newline:
    case TokenKind::Indent:
    case TokenKind::Dedent:
    case TokenKind::Identifier:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::Imaginary:
    case TokenKind::String:
    case TokenKind::Bytes:
    case TokenKind::FString:
    case TokenKind::Error: return std::string(tokenKindSpelling(kind));
    default: return fmt::format("'{}'", tokenKindSpelling(kind));
  }
}

namespace {

TokenKind keywordKind(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return TokenKind::Identifier;
  static constexpr std::pair<std::string_view, TokenKind> kKeywords[] = {
#define TOKEN(name, desc)
#define KEYWORD(name, spelling) {spelling, TokenKind::name},
#include "ember/frontend/token_kinds.def"
  };
  for (const auto& [spelling, kind] : kKeywords)
    if (spelling == word) return kind;
  return TokenKind::Identifier;
}

bool isAsciiIdentStart(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isAsciiIdentContinue(unsigned char c) { return isAsciiIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigitOf(unsigned char c, int radix) {
  switch (radix) {
    case 2: return c == '0' || c == '1';
    case 8: return c >= '0' && c <= '7';
    case 10: return c >= '0' && c <= '9';
    default: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
int digitValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

TokenKind closerOf(TokenKind opener) {
  switch (opener) {
    case TokenKind::LParen: return TokenKind::RParen;
    case TokenKind::LBracket: return TokenKind::RBracket;
    default: return TokenKind::RBrace;
  }
}

}  // namespace

/* }====================================================== */

/*
** {======================================================
** Identifier characters beyond ASCII
** =======================================================
*/

namespace {

// Symbols, punctuation and spaces that are not letters; everything else past
// ASCII is accepted. Python uses the full XID tables; these ranges cover the
// characters people actually paste into code by accident.
constexpr std::pair<char32_t, char32_t> kNotIdentifier[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB9},     {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},     {0x2000, 0x203E}, {0x2041, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x245F},
    {0x2500, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030},
    {0xD800, 0xF8FF}, {0xFD3E, 0xFD3F}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0xFE50, 0xFE6F},
    {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE00FF}, {0xF0000, 0x10FFFF},
};

constexpr std::pair<char32_t, char32_t> kContinueOnly[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0660, 0x0669}, {0x06F0, 0x06F9},
    {0x0966, 0x096F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200C, 0x200D}, {0x203F, 0x2040},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFF10, 0xFF19}, {0xE0100, 0xE01EF},
};

template <size_t N>
bool inTable(char32_t cp, const std::pair<char32_t, char32_t> (&table)[N]) {
  for (const auto& [lo, hi] : table)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

}  // namespace

bool isIdentifierContinue(char32_t cp) {
  if (cp < 0x80) return isAsciiIdentContinue(static_cast<unsigned char>(cp));
  return !inTable(cp, kNotIdentifier);
}

bool isIdentifierStart(char32_t cp) {
  if (cp < 0x80) return isAsciiIdentStart(static_cast<unsigned char>(cp));
  return isIdentifierContinue(cp) && !inTable(cp, kContinueOnly);
}

/* }====================================================== */

/*
** {======================================================
** Lexer state and layout
** =======================================================
*/

Lexer::Lexer(SourceFilePtr file, DiagnosticEngine& diag, LexerOptions options)
    : file_(std::move(file)), diag_(diag), src_(file_->text()) {
  end_ = std::min<size_t>(options.end, src_.size());
  pos_ = std::min<size_t>(options.begin, end_);
  implicitJoin_ = options.implicitJoin;
  indents_.push_back({0, 0, {}});
  // A byte-order mark is not part of the text.
  if (pos_ == 0 && src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = std::min<size_t>(3, end_);
  if (implicitJoin_) atLineStart_ = false;
}

char Lexer::peekChar(size_t ahead) const { return pos_ + ahead < end_ ? src_[pos_ + ahead] : '\0'; }

Token Lexer::make(TokenKind kind, uint32_t start, uint32_t end) const {
  Token t;
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.enclosingOpen = brackets_.empty() ? -1 : static_cast<int64_t>(brackets_.back().offset);
  return t;
}

void Lexer::error(uint32_t start, uint32_t end, std::string message, std::optional<std::string> hint) {
  diag_.error({file_, start, end}, std::move(message), std::move(hint));
}

size_t Lexer::indentationOf(uint32_t offset) const {
  size_t i = file_->lineStart(file_->lineOf(offset));
  size_t col = 0;
  for (; i < src_.size(); ++i) {
    char c = src_[i];
    if (c == ' ') ++col;
    else if (c == '\t') col = (col / 8 + 1) * 8;
    else if (c == '\f') col = 0;
    else break;
  }
  return col;
}

bool Lexer::startsLine(uint32_t offset) const {
  // Backwards, so a long line costs nothing: recovery asks for every token.
  for (size_t i = std::min<size_t>(offset, src_.size()); i > 0; --i) {
    char c = src_[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

void Lexer::restartAtLine(uint32_t offset) {
  pending_.clear();
  brackets_.clear();
  size_t lineStart = file_->lineStart(file_->lineOf(std::min<size_t>(offset, end_)));
  pos_ = std::min(lineStart, end_);
  finished_ = false;
  if (implicitJoin_) return;
  if (lineHasTokens_) {
    pending_.push_back(make(TokenKind::Newline, static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_)));
    lineHasTokens_ = false;
  }
  atLineStart_ = true;
}

// At the start of a logical line: measure the indentation and queue the
// INDENT/DEDENT tokens it implies. Blank and comment-only lines do not count.
bool Lexer::processIndentation() {
  for (;;) {
    size_t col = 0, altcol = 0;
    size_t lineStart = pos_;
    while (!atEnd()) {
      char c = src_[pos_];
      if (c == ' ') {
        ++col, ++altcol;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++altcol;
      } else if (c == '\f') {
        col = altcol = 0;
      } else {
        break;
      }
      ++pos_;
    }
    if (atEnd()) return false;  // trailing whitespace: the end-of-file logic takes over
    char c = src_[pos_];
    if (c == '#') {
      readComment();
      continue;  // the line break (if any) is consumed below on the next round
    }
    if (c == '\n' || c == '\r') {
      pos_ += (c == '\r' && peekChar(1) == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\\' && (peekChar(1) == '\n' || peekChar(1) == '\r')) {
      // A continuation line's indentation is not significant; Python joins it.
      atLineStart_ = false;
      return false;
    }
    atLineStart_ = false;
    uint32_t here = static_cast<uint32_t>(pos_);
    const Level& top = indents_.back();
    auto tabError = [&] {
      error(static_cast<uint32_t>(lineStart), here, "inconsistent use of tabs and spaces in indentation",
            "indent with spaces only");
    };
    if (col == top.col || top.hasAlias(col)) {
      if (altcol != top.altcol && col == top.col) tabError();
      return false;
    }
    // With tabs counted as 8 columns and as 1 the line must compare the same
    // way, as in Python. When it does not, keep it in the current block:
    // the likeliest intent, and no INDENT/DEDENT errors follow from it.
    if ((col > top.col) != (altcol > top.altcol) || altcol == top.altcol) {
      tabError();
      return false;
    }
    if (col > top.col) {
      if (indents_.size() >= 100) {
        error(static_cast<uint32_t>(lineStart), here, "too many levels of indentation");
        indents_.back().aliases.push_back(col);
        return false;
      }
      indents_.push_back({col, altcol, {}});
      pending_.push_back(make(TokenKind::Indent, static_cast<uint32_t>(lineStart), here));
      return true;
    }
    while (indents_.size() > 1 && col < indents_.back().col && !indents_.back().hasAlias(col)) {
      const Level& outer = indents_[indents_.size() - 2];
      if (outer.col < col && !outer.hasAlias(col)) {
        // Between two levels: read it as the inner one (a typo in the body's
        // indentation, most often), and accept this column there from now on.
        error(static_cast<uint32_t>(lineStart), here, "unindent does not match any outer indentation level",
              "indent this line like the block it belongs to");
        indents_.back().aliases.push_back(col);
        break;
      }
      pending_.push_back(make(TokenKind::Dedent, here, here));
      indents_.pop_back();
    }
    if (indents_.back().col == col && altcol != indents_.back().altcol) tabError();
    return !pending_.empty();
  }
}

void Lexer::readComment() {
  size_t start = pos_;
  while (!atEnd() && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
  checkUtf8(static_cast<uint32_t>(start), static_cast<uint32_t>(pos_), "comment");
  std::string_view body = src_.substr(start + 1, pos_ - start - 1);
  size_t i = body.find_first_not_of(" \t");
  if (i == std::string_view::npos || body.substr(i, 5) != "type:") return;
  if (!typeComments_.empty() && typeComments_.back().start >= start) return;  // re-lexed after a restart
  typeComments_.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos_)});
}

void Lexer::skipSpaceAndComments() {
  while (!atEnd()) {
    char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\f') {
      ++pos_;
    } else if (c == '#') {
      readComment();
    } else if (c == '\\') {
      char n = peekChar(1);
      if (n == '\n' || n == '\r') {
        pos_ += (n == '\r' && peekChar(2) == '\n') ? 3 : 2;
        if (atEnd()) error(static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_), "unexpected end of file after line continuation");
        continue;
      }
      if (pos_ + 1 >= end_) {
        error(static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_ + 1), "unexpected end of file after line continuation");
        ++pos_;
        continue;
      }
      return;  // reported as a bad continuation by lexToken
    } else if ((c == '\n' || c == '\r') && (implicitJoin_ || !brackets_.empty())) {
      ++pos_;  // implicit line joining
    } else {
      return;
    }
  }
}

void Lexer::checkUtf8(uint32_t from, uint32_t to, std::string_view where) {
  for (size_t i = from; i < to;) {
    if (static_cast<unsigned char>(src_[i]) < 0x80) {
      if (src_[i] == '\0') {
        error(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), "source code cannot contain null bytes");
        return;
      }
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(src_.substr(0, to), i);
    if (!d.valid) {
      error(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
            fmt::format("invalid UTF-8 byte 0x{:02x} in {}", static_cast<unsigned char>(src_[i]), where),
            "save the file as UTF-8");
      return;  // one report per literal or comment is enough
    }
    i += d.length;
  }
}

Token Lexer::next() {
  for (;;) {
    if (!pending_.empty()) {
      Token t = std::move(pending_.front());
      pending_.pop_front();
      if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent &&
          t.kind != TokenKind::EndOfFile)
        lineHasTokens_ = true;
      return t;
    }
    if (finished_) return make(TokenKind::EndOfFile, static_cast<uint32_t>(end_), static_cast<uint32_t>(end_));
    if (atLineStart_ && brackets_.empty() && !implicitJoin_ && processIndentation()) continue;
    skipSpaceAndComments();
    uint32_t here = static_cast<uint32_t>(pos_);
    if (atEnd()) {
      // Close what is still open, end the last line, unwind the indentation.
      if (!brackets_.empty()) {
        const Bracket& b = brackets_.back();
        error(b.offset, b.offset + 1, fmt::format("'{}' was never closed", tokenKindSpelling(b.kind)));
        while (!brackets_.empty()) {
          Token t = make(closerOf(brackets_.back().kind), here, here);
          t.synthetic = true;
          brackets_.pop_back();
          pending_.push_back(std::move(t));
        }
      }
      if (!implicitJoin_) {
        if (lineHasTokens_ || !pending_.empty()) pending_.push_back(make(TokenKind::Newline, here, here));
        // The stack stays as it is: restartAtLine may rewind past this point.
        for (size_t i = indents_.size(); i > 1; --i) pending_.push_back(make(TokenKind::Dedent, here, here));
      }
      pending_.push_back(make(TokenKind::EndOfFile, here, here));
      finished_ = true;
      continue;
    }
    char c = src_[pos_];
    if (c == '\n' || c == '\r') {
      // Brackets are empty here (skipSpaceAndComments joins lines inside them).
      pos_ += (c == '\r' && peekChar(1) == '\n') ? 2 : 1;
      atLineStart_ = true;
      if (!lineHasTokens_) continue;
      lineHasTokens_ = false;
      return make(TokenKind::Newline, here, static_cast<uint32_t>(pos_));
    }
    Token t = lexToken();
    lineHasTokens_ = true;
    if (!pending_.empty()) {
      // Recovery queued synthetic closers ahead of this token.
      pending_.push_back(std::move(t));
      continue;
    }
    return t;
  }
}

/* }====================================================== */

/*
** {======================================================
** Tokens
** =======================================================
*/

Token Lexer::lexToken() {
  unsigned char c = static_cast<unsigned char>(src_[pos_]);
  if (isAsciiIdentStart(c) || c >= 0x80) return lexIdentifierOrString();
  if ((c >= '0' && c <= '9') || (c == '.' && isDigitOf(static_cast<unsigned char>(peekChar(1)), 10)))
    return lexNumber();
  if (c == '"' || c == '\'') return lexString(static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_), false, false, false);
  if (c == '\\') {
    uint32_t start = static_cast<uint32_t>(pos_++);
    error(start, start + 1, "unexpected character after line continuation character",
          "a backslash continues a line only as its last character");
    return make(TokenKind::Error, start, start + 1);
  }
  return lexPunctuation();
}

Token Lexer::lexInvalid() {
  uint32_t start = static_cast<uint32_t>(pos_);
  utf8::Decoded d = utf8::decode(src_.substr(0, end_), pos_);
  if (!d.valid) {
    // One token and one report for a run of bad bytes.
    error(start, start + 1, fmt::format("invalid UTF-8 byte 0x{:02x}", static_cast<unsigned char>(src_[pos_])),
          "save the file as UTF-8");
    ++pos_;
    while (!atEnd() && static_cast<unsigned char>(src_[pos_]) >= 0x80 && !utf8::decode(src_.substr(0, end_), pos_).valid)
      ++pos_;
    return make(TokenKind::Error, start, static_cast<uint32_t>(pos_));
  }
  pos_ += d.length;
  if (d.cp == 0) {
    error(start, start + 1, "source code cannot contain null bytes");
  } else if (d.cp < 0x80 && d.cp >= 0x20 && d.cp != 0x7F) {
    error(start, start + d.length, fmt::format("invalid character '{}' (U+{:04X})", static_cast<char>(d.cp), static_cast<uint32_t>(d.cp)));
  } else if (d.cp < 0x20 || d.cp == 0x7F || (d.cp >= 0x80 && d.cp < 0xA0)) {
    error(start, start + d.length, fmt::format("invalid non-printable character U+{:04X}", static_cast<uint32_t>(d.cp)));
  } else {
    std::string shown;
    utf8::append(shown, d.cp);
    std::optional<std::string> hint;
    if (d.cp == 0x201C || d.cp == 0x201D || d.cp == 0x2018 || d.cp == 0x2019)
      hint = "use ASCII quotes (\" or ') around strings";
    else if (d.cp == 0x00A0 || d.cp == 0x3000 || (d.cp >= 0x2000 && d.cp <= 0x200A))
      hint = "replace it with an ordinary space";
    error(start, start + d.length, fmt::format("invalid character '{}' (U+{:04X})", shown, static_cast<uint32_t>(d.cp)),
          std::move(hint));
  }
  return make(TokenKind::Error, start, start + d.length);
}

Token Lexer::lexIdentifierOrString() {
  uint32_t start = static_cast<uint32_t>(pos_);
  bool ascii = true;
  while (!atEnd()) {
    unsigned char c = static_cast<unsigned char>(src_[pos_]);
    if (c < 0x80) {
      if (!isAsciiIdentContinue(c)) break;
      ++pos_;
      continue;
    }
    utf8::Decoded d = utf8::decode(src_.substr(0, end_), pos_);
    bool ok = d.valid && (pos_ == start ? isIdentifierStart(d.cp) : isIdentifierContinue(d.cp));
    if (!ok) break;
    ascii = false;
    pos_ += d.length;
  }
  if (pos_ == start) return lexInvalid();
  std::string_view word = src_.substr(start, pos_ - start);
  char q = peekChar();
  if (ascii && (q == '"' || q == '\'') && word.size() <= 2) {
    bool raw = false, bytes = false, fstring = false, unicode = false, ok = true;
    for (char p : word) {
      switch (p) {
        case 'r': case 'R': ok &= !raw; raw = true; break;
        case 'b': case 'B': ok &= !bytes; bytes = true; break;
        case 'f': case 'F': ok &= !fstring; fstring = true; break;
        case 'u': case 'U': ok &= !unicode; unicode = true; break;
        default: ok = false;
      }
    }
    ok &= !(unicode && (raw || bytes || fstring)) && !(bytes && fstring);
    if (ok) return lexString(start, static_cast<uint32_t>(pos_), raw, bytes, fstring);
  }
  return make(ascii ? keywordKind(word) : TokenKind::Identifier, start, static_cast<uint32_t>(pos_));
}

Token Lexer::lexString(uint32_t start, uint32_t quotePos, bool raw, bool bytes, bool fstring) {
  pos_ = quotePos;
  char quote = src_[pos_];
  bool triple = peekChar(1) == quote && peekChar(2) == quote;
  pos_ += triple ? 3 : 1;
  uint32_t bodyStart = static_cast<uint32_t>(pos_);
  uint32_t bodyEnd = bodyStart;
  bool terminated = false;
  while (!atEnd()) {
    char c = src_[pos_];
    if (c == '\\') {
      pos_ = std::min(pos_ + ((peekChar(1) == '\r' && peekChar(2) == '\n') ? 3 : 2), end_);
      continue;
    }
    if (!triple && (c == '\n' || c == '\r')) break;
    if (c == quote && (!triple || (peekChar(1) == quote && peekChar(2) == quote))) {
      bodyEnd = static_cast<uint32_t>(pos_);
      pos_ += triple ? 3 : 1;
      terminated = true;
      break;
    }
    ++pos_;
  }
  if (!terminated) {
    bodyEnd = static_cast<uint32_t>(pos_);
    size_t line = file_->lineOf(pos_ > 0 && !triple ? pos_ - 1 : pos_);
    error(start, static_cast<uint32_t>(pos_),
          fmt::format("unterminated {}string literal (detected at line {})", triple ? "triple-quoted " : "", line),
          fmt::format("close it with {}", triple ? std::string(3, quote) : std::string(1, quote)));
  }
  checkUtf8(bodyStart, bodyEnd, "string literal");
  Token t = make(fstring ? TokenKind::FString : bytes ? TokenKind::Bytes : TokenKind::String, start,
                 static_cast<uint32_t>(pos_));
  t.raw = raw;
  t.triple = triple;
  t.bodyStart = bodyStart;
  t.bodyEnd = bodyEnd;
  if (!fstring) decodeStringBody(file_, bodyStart, bodyEnd, raw, bytes, diag_, t.value);
  return t;
}

Token Lexer::lexNumber() {
  uint32_t start = static_cast<uint32_t>(pos_);
  std::string digits;  // without underscores, for the float conversion
  bool bad = false;
  const char* badWhat = "decimal";
  // Digits of `radix` with single underscores between them.
  auto scanRun = [&](int radix) {
    size_t before = digits.size();
    while (!atEnd()) {
      unsigned char c = static_cast<unsigned char>(src_[pos_]);
      if (isDigitOf(c, radix)) {
        digits.push_back(static_cast<char>(c));
        ++pos_;
      } else if (c == '_' && digits.size() > before && isDigitOf(static_cast<unsigned char>(peekChar(1)), radix)) {
        ++pos_;
      } else {
        break;
      }
    }
    return digits.size() > before;
  };

  char c0 = src_[pos_];
  char c1 = static_cast<char>(peekChar(1) | 0x20);
  if (c0 == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
    int radix = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
    badWhat = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    pos_ += 2;
    if (peekChar() == '_') ++pos_;  // 0x_ff is allowed
    if (!scanRun(radix)) bad = true;
    uint64_t value = 0;
    bool overflow = false;
    for (char d : digits) {
      overflow |= __builtin_mul_overflow(value, static_cast<uint64_t>(radix), &value);
      overflow |= __builtin_add_overflow(value, static_cast<uint64_t>(digitValue(static_cast<unsigned char>(d))), &value);
    }
    overflow |= value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    unsigned char after = static_cast<unsigned char>(peekChar());
    if (!bad && !atEnd() && (isAsciiIdentContinue(after) || after >= 0x80)) bad = true;
    if (bad) {
      while (!atEnd() && (isAsciiIdentContinue(static_cast<unsigned char>(src_[pos_])))) ++pos_;
      error(start, static_cast<uint32_t>(pos_), fmt::format("invalid {} literal", badWhat));
      return make(TokenKind::Error, start, static_cast<uint32_t>(pos_));
    }
    Token t = make(TokenKind::Int, start, static_cast<uint32_t>(pos_));
    if (overflow) {
      error(start, t.end, "integer literal is too large for TorchScript's int (a signed 64-bit integer)");
      value = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    }
    t.intValue = static_cast<int64_t>(value);
    return t;
  }

  bool isFloat = false;
  bool intPart = scanRun(10);
  size_t intDigits = digits.size();
  if (peekChar() == '_') bad = true;
  if (!bad && peekChar() == '.') {
    isFloat = true;
    digits.push_back('.');
    ++pos_;
    if (isDigitOf(static_cast<unsigned char>(peekChar()), 10)) scanRun(10);
    else if (peekChar() == '_') bad = true;
    else if (!intPart) bad = true;
  }
  char e = static_cast<char>(peekChar() | 0x20);
  if (!bad && e == 'e') {
    char s = peekChar(1);
    size_t digitAt = (s == '+' || s == '-') ? 2 : 1;
    if (isDigitOf(static_cast<unsigned char>(peekChar(digitAt)), 10)) {
      isFloat = true;
      digits.push_back('e');
      if (digitAt == 2) digits.push_back(s);
      pos_ += digitAt;
      scanRun(10);
    } else {
      bad = true;
    }
  }
  bool imaginary = false;
  if (!bad && (peekChar() | 0x20) == 'j') {
    imaginary = true;
    ++pos_;
  }
  unsigned char after = static_cast<unsigned char>(peekChar());
  if (!bad && !atEnd() && (isAsciiIdentContinue(after) || after >= 0x80)) {
    // `1if x else y` is legal Python (deprecated); a keyword may follow a number.
    size_t p = pos_;
    while (p < end_ && isAsciiIdentContinue(static_cast<unsigned char>(src_[p]))) ++p;
    TokenKind k = keywordKind(src_.substr(pos_, p - pos_));
    bad = !(k == TokenKind::If || k == TokenKind::Else || k == TokenKind::And || k == TokenKind::Or ||
            k == TokenKind::In || k == TokenKind::Is || k == TokenKind::Not || k == TokenKind::For);
  }
  if (bad) {
    while (!atEnd() && (isAsciiIdentContinue(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '.')) ++pos_;
    error(start, static_cast<uint32_t>(pos_), "invalid decimal literal");
    return make(TokenKind::Error, start, static_cast<uint32_t>(pos_));
  }
  uint32_t end = static_cast<uint32_t>(pos_);
  if (!isFloat && !imaginary) {
    Token t = make(TokenKind::Int, start, end);
    bool leadingZero = intDigits > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos;
    if (leadingZero) {
      error(start, end, "leading zeros in decimal integer literals are not permitted",
            "use an 0o prefix for octal integers");
      return t;
    }
    uint64_t value = 0;
    bool overflow = false;
    for (char d : digits) {
      overflow |= __builtin_mul_overflow(value, uint64_t{10}, &value);
      overflow |= __builtin_add_overflow(value, static_cast<uint64_t>(d - '0'), &value);
    }
    if (overflow || value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      error(start, end, "integer literal is too large for TorchScript's int (a signed 64-bit integer)",
            "TorchScript ints are 64-bit; use a float or a tensor for larger values");
      value = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    }
    t.intValue = static_cast<int64_t>(value);
    return t;
  }
  Token t = make(imaginary ? TokenKind::Imaginary : TokenKind::Float, start, end);
  double value = 0;
  auto res = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (res.ec == std::errc::result_out_of_range) {
    // Python rounds huge literals to inf and tiny ones to 0.
    bool tiny = digits.find("e-") != std::string::npos;
    value = tiny ? 0.0 : HUGE_VAL;
  }
  t.floatValue = value;
  return t;
}

Token Lexer::openBracket(Token t) {
  brackets_.push_back({t.kind, t.start});
  return t;
}

bool Lexer::closeBracket(Token& t) {
  if (brackets_.empty()) {
    error(t.start, t.end, fmt::format("unmatched '{}'", tokenKindSpelling(t.kind)));
    return false;
  }
  const Bracket& top = brackets_.back();
  if (closerOf(top.kind) == t.kind) {
    brackets_.pop_back();
    return true;
  }
  std::string onLine;
  if (file_->lineOf(top.offset) != file_->lineOf(t.start)) onLine = fmt::format(" on line {}", file_->lineOf(top.offset));
  error(t.start, t.end,
        fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'{}", tokenKindSpelling(t.kind),
                    tokenKindSpelling(top.kind), onLine));
  auto match = std::find_if(brackets_.rbegin(), brackets_.rend(),
                            [&](const Bracket& b) { return closerOf(b.kind) == t.kind; });
  if (match == brackets_.rend()) {
    // Nothing to close: read it as the closer that was due.
    t.kind = closerOf(top.kind);
    t.synthetic = true;
    brackets_.pop_back();
    return true;
  }
  // `[f(a]`: the inner brackets were never closed; close them here.
  size_t keep = static_cast<size_t>(brackets_.rend() - match) - 1;
  while (brackets_.size() > keep + 1) {
    Token closer = make(closerOf(brackets_.back().kind), t.start, t.start);
    closer.synthetic = true;
    brackets_.pop_back();
    pending_.push_back(std::move(closer));
  }
  t.enclosingOpen = brackets_.back().offset;
  brackets_.pop_back();
  return true;
}

Token Lexer::lexPunctuation() {
  uint32_t start = static_cast<uint32_t>(pos_);
  char c = src_[pos_];
  char n1 = peekChar(1);
  char n2 = peekChar(2);
  TokenKind kind;
  size_t len = 1;
  auto pick = [&](TokenKind k, size_t l) {
    kind = k;
    len = l;
  };
  switch (c) {
    case '(': pick(TokenKind::LParen, 1); break;
    case ')': pick(TokenKind::RParen, 1); break;
    case '[': pick(TokenKind::LBracket, 1); break;
    case ']': pick(TokenKind::RBracket, 1); break;
    case '{': pick(TokenKind::LBrace, 1); break;
    case '}': pick(TokenKind::RBrace, 1); break;
    case ',': pick(TokenKind::Comma, 1); break;
    case ';': pick(TokenKind::Semicolon, 1); break;
    case '~': pick(TokenKind::Tilde, 1); break;
    case ':': n1 == '=' ? pick(TokenKind::Walrus, 2) : pick(TokenKind::Colon, 1); break;
    case '.': (n1 == '.' && n2 == '.') ? pick(TokenKind::Ellipsis, 3) : pick(TokenKind::Dot, 1); break;
    case '@': n1 == '=' ? pick(TokenKind::AtAssign, 2) : pick(TokenKind::At, 1); break;
    case '=': n1 == '=' ? pick(TokenKind::EqualEqual, 2) : pick(TokenKind::Assign, 1); break;
    case '+': n1 == '=' ? pick(TokenKind::PlusAssign, 2) : pick(TokenKind::Plus, 1); break;
    case '-':
      if (n1 == '=') pick(TokenKind::MinusAssign, 2);
      else if (n1 == '>') pick(TokenKind::Arrow, 2);
      else pick(TokenKind::Minus, 1);
      break;
    case '*':
      if (n1 == '*') n2 == '=' ? pick(TokenKind::DoubleStarAssign, 3) : pick(TokenKind::DoubleStar, 2);
      else n1 == '=' ? pick(TokenKind::StarAssign, 2) : pick(TokenKind::Star, 1);
      break;
    case '/':
      if (n1 == '/') n2 == '=' ? pick(TokenKind::DoubleSlashAssign, 3) : pick(TokenKind::DoubleSlash, 2);
      else n1 == '=' ? pick(TokenKind::SlashAssign, 2) : pick(TokenKind::Slash, 1);
      break;
    case '%': n1 == '=' ? pick(TokenKind::PercentAssign, 2) : pick(TokenKind::Percent, 1); break;
    case '&': n1 == '=' ? pick(TokenKind::AmpersandAssign, 2) : pick(TokenKind::Ampersand, 1); break;
    case '|': n1 == '=' ? pick(TokenKind::PipeAssign, 2) : pick(TokenKind::Pipe, 1); break;
    case '^': n1 == '=' ? pick(TokenKind::CaretAssign, 2) : pick(TokenKind::Caret, 1); break;
    case '!':
      if (n1 != '=') return lexInvalid();
      pick(TokenKind::NotEqual, 2);
      break;
    case '<':
      if (n1 == '<') n2 == '=' ? pick(TokenKind::LeftShiftAssign, 3) : pick(TokenKind::LeftShift, 2);
      else if (n1 == '=') pick(TokenKind::LessEqual, 2);
      else pick(TokenKind::Less, 1);
      break;
    case '>':
      if (n1 == '>') n2 == '=' ? pick(TokenKind::RightShiftAssign, 3) : pick(TokenKind::RightShift, 2);
      else n1 == '=' ? pick(TokenKind::GreaterEqual, 2) : pick(TokenKind::Greater, 1);
      break;
    default: return lexInvalid();
  }
  pos_ += len;
  Token t = make(kind, start, static_cast<uint32_t>(pos_));
  switch (kind) {
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace: return openBracket(std::move(t));
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
      // An unmatched closer is reported here and handed on as an error
      // token, which the parser skips over quietly.
      if (!closeBracket(t)) t.kind = TokenKind::Error;
      return t;
    default: return t;
  }
}

/* }====================================================== */

/*
** {======================================================
** String bodies
** =======================================================
*/

void decodeStringBody(const SourceFilePtr& file, uint32_t begin, uint32_t end, bool raw, bool bytes,
                      DiagnosticEngine& diag, std::string& out) {
  std::string_view src = file->text().substr(0, end);
  size_t i = begin;
  auto hexRun = [&](size_t from, size_t count, uint32_t& value) {
    value = 0;
    for (size_t k = 0; k < count; ++k) {
      if (from + k >= src.size() || !isDigitOf(static_cast<unsigned char>(src[from + k]), 16)) return false;
      value = value * 16 + static_cast<uint32_t>(digitValue(static_cast<unsigned char>(src[from + k])));
    }
    return true;
  };
  auto appendRaw = [&](size_t& at) {
    unsigned char c = static_cast<unsigned char>(src[at]);
    if (c == '\r') {
      out.push_back('\n');
      at += (at + 1 < src.size() && src[at + 1] == '\n') ? 2 : 1;
      return;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++at;
      return;
    }
    utf8::Decoded d = utf8::decode(src, at);
    utf8::append(out, d.cp);  // invalid bytes were reported by the lexer; U+FFFD stands in
    at += d.length;
  };
  while (i < end) {
    if (src[i] != '\\') {
      appendRaw(i);
      continue;
    }
    if (i + 1 >= end) {
      out.push_back('\\');
      ++i;
      continue;
    }
    char n = src[i + 1];
    if (raw) {
      // In raw strings a backslash keeps itself and the character after it
      // (which is how r"\"" holds a quote); line breaks are still normalised.
      out.push_back('\\');
      ++i;
      appendRaw(i);
      continue;
    }
    size_t escStart = i;
    i += 2;
    auto bad = [&](size_t escEnd, std::string message) {
      diag.error({file, static_cast<uint32_t>(escStart), static_cast<uint32_t>(std::min<size_t>(escEnd, end))}, std::move(message));
    };
    switch (n) {
      case '\n': break;
      case '\r':
        if (i < end && src[i] == '\n') ++i;
        break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t value = static_cast<uint32_t>(n - '0');
        for (int k = 0; k < 2 && i < end && src[i] >= '0' && src[i] <= '7'; ++k, ++i) value = value * 8 + static_cast<uint32_t>(src[i] - '0');
        if (bytes) out.push_back(static_cast<char>(value & 0xFF));
        else utf8::append(out, value);
        break;
      }
      case 'x': {
        uint32_t value;
        if (!hexRun(i, 2, value) || i + 2 > end) {
          bad(i + 2, "truncated \\xXX escape");
          break;
        }
        i += 2;
        if (bytes) out.push_back(static_cast<char>(value));
        else utf8::append(out, value);
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) {
          out.push_back('\\');
          out.push_back(n);
          break;
        }
        size_t count = n == 'u' ? 4 : 8;
        uint32_t value;
        if (!hexRun(i, count, value) || i + count > end) {
          bad(i + count, n == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
          break;
        }
        i += count;
        if (value > 0x10FFFF) {
          bad(i, "illegal Unicode character");
          break;
        }
        if (value >= 0xD800 && value <= 0xDFFF) {
          diag.warning({file, static_cast<uint32_t>(escStart), static_cast<uint32_t>(i)},
                       "a lone surrogate cannot be stored in a UTF-8 string; it becomes U+FFFD");
          value = utf8::kReplacement;
        }
        utf8::append(out, value);
        break;
      }
      case 'N': {
        if (bytes) {
          out.push_back('\\');
          out.push_back('N');
          break;
        }
        size_t close = i < end && src[i] == '{' ? src.find('}', i) : std::string_view::npos;
        size_t escEnd = close == std::string_view::npos || close >= end ? i : close + 1;
        bad(escEnd, "\\N{...} escapes are not supported");
        diag.note({file, static_cast<uint32_t>(escStart), static_cast<uint32_t>(escEnd)},
                  "write the character itself or use a \\uXXXX escape");
        i = escEnd;
        break;
      }
      default: {
        // Python keeps unknown escapes as written (and warns).
        diag.warning({file, static_cast<uint32_t>(escStart), static_cast<uint32_t>(i)},
                     fmt::format("invalid escape sequence '\\{}'", n),
                     fmt::format("use a raw string (r\"...\") or write '\\\\{}'", n));
        out.push_back('\\');
        i = escStart + 1;
        appendRaw(i);
        break;
      }
    }
  }
}

/* }====================================================== */

std::vector<Token> tokenize(const SourceFilePtr& file, DiagnosticEngine& diag) {
  Lexer lexer(file, diag);
  std::vector<Token> tokens;
  for (;;) {
    tokens.push_back(lexer.next());
    if (tokens.back().kind == TokenKind::EndOfFile) return tokens;
  }
}

}  // namespace ember::frontend
