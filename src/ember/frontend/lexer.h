// The lexer: UTF-8 source text -> Python tokens, on demand (the parser pulls
// one token at a time, so recovery can restart it). Modelled on Lua's llex.c:
// one function per token class, errors carry the position, never a throw.
//
// Layout tokens follow Python's tokenizer: NEWLINE ends a logical line,
// INDENT/DEDENT come from a stack of indentation columns, and no NEWLINE is
// produced inside (), [] or {} or after a backslash continuation.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ember/support/diagnostics.h"
#include "ember/support/source.h"

namespace ember::frontend {

enum class TokenKind : uint8_t {
#define TOKEN(name, desc) name,
#include "ember/frontend/token_kinds.def"
};

// "identifier", "(", "def"
std::string_view tokenKindSpelling(TokenKind kind);
// For messages: "'('", "'def'", "identifier", "end of file".
std::string describeTokenKind(TokenKind kind);
bool isKeyword(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  uint32_t start = 0;  // byte offsets into the file
  uint32_t end = 0;
  // Byte offset of the innermost bracket still open when this token was read
  // (for a closing bracket: the one it closes); -1 outside brackets.
  int64_t enclosingOpen = -1;
  // Made up by recovery: a closing bracket the source never wrote. The lexer
  // has already reported why, so the parser stays quiet about these.
  bool synthetic = false;
  // String, Bytes and FString tokens.
  bool raw = false;
  bool triple = false;
  uint32_t bodyStart = 0;  // the text between the quotes
  uint32_t bodyEnd = 0;
  std::string value;  // String and Bytes: the decoded contents (f-strings: empty)
  // Int (always fits int64; larger literals are reported) and Float/Imaginary.
  int64_t intValue = 0;
  double floatValue = 0;

  bool is(TokenKind k) const { return kind == k; }
};

// A `# type: ...` comment, '#' through the end of its line.
struct Comment {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct LexerOptions {
  uint32_t begin = 0;
  uint32_t end = std::numeric_limits<uint32_t>::max();  // clamped to the file size
  // Lex as if inside brackets: no NEWLINE, INDENT or DEDENT. For pieces of a
  // line lexed on their own (f-string fields, type comments).
  bool implicitJoin = false;
};

class Lexer {
 public:
  Lexer(SourceFilePtr file, DiagnosticEngine& diag, LexerOptions options = {});

  // The next token; EndOfFile forever once the input is used up.
  Token next();

  const SourceFilePtr& file() const { return file_; }
  std::string_view text(const Token& t) const { return file_->text().substr(t.start, t.end - t.start); }
  SourceRange range(const Token& t) const { return {file_, t.start, t.end}; }
  SourceRange range(uint32_t start, uint32_t end) const { return {file_, start, end}; }

  // Type comments seen so far, in source order.
  const std::vector<Comment>& typeComments() const { return typeComments_; }

  // Recovery from a bracket that was never closed: forget the open brackets,
  // end the current logical line with a NEWLINE and continue lexing at the
  // start of the line holding `offset`.
  void restartAtLine(uint32_t offset);

  // Indentation column of the line holding `offset` (tabs to multiples of 8).
  size_t indentationOf(uint32_t offset) const;
  // True when only whitespace precedes `offset` on its line.
  bool startsLine(uint32_t offset) const;

 private:
  struct Bracket {
    TokenKind kind;
    uint32_t offset;
  };
  struct Level {
    size_t col;
    size_t altcol;  // with tabs as one column, to detect mixed tabs and spaces
    // Columns recovery has filed under this level (a bad dedent), so the
    // lines after the reported one do not report it again.
    std::vector<size_t> aliases;
    bool hasAlias(size_t c) const { return std::find(aliases.begin(), aliases.end(), c) != aliases.end(); }
  };

  char peekChar(size_t ahead = 0) const;
  bool atEnd() const { return pos_ >= end_; }
  Token make(TokenKind kind, uint32_t start, uint32_t end) const;
  void error(uint32_t start, uint32_t end, std::string message, std::optional<std::string> hint = {});

  bool processIndentation();  // true when it queued tokens
  void skipSpaceAndComments();
  void readComment();
  Token lexToken();
  Token lexIdentifierOrString();
  Token lexNumber();
  Token lexString(uint32_t start, uint32_t quotePos, bool raw, bool bytes, bool fstring);
  Token lexPunctuation();
  Token lexInvalid();
  Token openBracket(Token t);
  bool closeBracket(Token& t);  // false when nothing is open
  void checkUtf8(uint32_t from, uint32_t to, std::string_view where);

  SourceFilePtr file_;
  DiagnosticEngine& diag_;
  std::string_view src_;
  size_t pos_;
  size_t end_;
  bool implicitJoin_;
  bool atLineStart_ = true;
  bool lineHasTokens_ = false;
  bool finished_ = false;
  std::vector<Level> indents_;
  std::vector<Bracket> brackets_;
  std::deque<Token> pending_;
  std::vector<Comment> typeComments_;
};

// Every token of the file up to and including EndOfFile (tests, tools).
std::vector<Token> tokenize(const SourceFilePtr& file, DiagnosticEngine& diag);

// Appends the value of the string-literal text [begin, end) of `file` to out:
// escape sequences decoded unless `raw`, line breaks normalised to "\n".
// Bad escapes are reported to diag.
void decodeStringBody(const SourceFilePtr& file, uint32_t begin, uint32_t end, bool raw, bool bytes,
                      DiagnosticEngine& diag, std::string& out);

// Python identifier rules for code points beyond ASCII (approximate XID tables).
bool isIdentifierStart(char32_t cp);
bool isIdentifierContinue(char32_t cp);

}  // namespace ember::frontend
