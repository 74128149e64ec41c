#include "ember/frontend/lexer.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace ember::frontend {
namespace {

std::string show(const Lexer& lx, const Token& t) {
  switch (t.kind) {
    case TokenKind::EndOfFile: return "EOF";
    case TokenKind::Newline: return "NL";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Int: return fmt::format("int:{}", t.intValue);
    case TokenKind::Float: return fmt::format("float:{}", t.floatValue);
    case TokenKind::Imaginary: return fmt::format("imag:{}", t.floatValue);
    case TokenKind::String: return fmt::format("str:{}", t.value);
    case TokenKind::Bytes: return fmt::format("bytes:{}", t.value);
    case TokenKind::FString: return fmt::format("f:{}", lx.file()->text().substr(t.bodyStart, t.bodyEnd - t.bodyStart));
    case TokenKind::Error: return "ERR";
    default:
      // A made-up closer shows its kind and a star.
      if (t.synthetic) return std::string(tokenKindSpelling(t.kind)) + "*";
      return std::string(lx.text(t));
  }
}

struct Lexed {
  std::string tokens;  // space-separated
  std::vector<std::string> errors;  // "line:col: message"
  std::vector<std::string> warnings;
};

Lexed lex(std::string_view src) {
  auto file = SourceFile::create("t.py", std::string(src));
  DiagnosticEngine diag;
  Lexer lx(file, diag);
  Lexed out;
  for (int guard = 0; guard < 10000; ++guard) {
    Token t = lx.next();
    if (!out.tokens.empty()) out.tokens += ' ';
    out.tokens += show(lx, t);
    if (t.kind == TokenKind::EndOfFile) break;
  }
  for (const Diagnostic& d : diag.diagnostics()) {
    std::string s = fmt::format("{}:{}: {}", d.range.line(), d.range.column(), d.message);
    if (d.severity == Severity::Error) out.errors.push_back(s);
    if (d.severity == Severity::Warning) out.warnings.push_back(s);
  }
  return out;
}

std::string tokens(std::string_view src) {
  Lexed l = lex(src);
  EXPECT_TRUE(l.errors.empty()) << src << "\n" << (l.errors.empty() ? "" : l.errors[0]);
  return l.tokens;
}

using Errors = std::vector<std::string>;

TEST(Lexer, IndentationMakesIndentAndDedent) {
  EXPECT_EQ(tokens("if x:\n    y\n    z\nw\n"), "if x : NL INDENT y NL z NL DEDENT w NL EOF");
  EXPECT_EQ(tokens("def f():\n  if a:\n    b\nc"), "def f ( ) : NL INDENT if a : NL INDENT b NL DEDENT DEDENT c NL EOF");
  // End of file closes every open block, with or without a final newline.
  EXPECT_EQ(tokens("if x:\n  if y:\n    z"), "if x : NL INDENT if y : NL INDENT z NL DEDENT DEDENT EOF");
}

TEST(Lexer, BlankAndCommentLinesDoNotCount) {
  EXPECT_EQ(tokens("if x:\n\n    # note\n        \n    y  # trailing\n# back at 0\nz\n"),
            "if x : NL INDENT y NL DEDENT z NL EOF");
  EXPECT_EQ(tokens("\n\n# only comments\n"), "EOF");
  EXPECT_EQ(tokens(""), "EOF");
}

TEST(Lexer, TabsIndentToMultiplesOfEight) {
  EXPECT_EQ(tokens("if x:\n\ty\n\tz\n"), "if x : NL INDENT y NL z NL DEDENT EOF");
  EXPECT_EQ(tokens("if x:\n\ty\n\t    z\n"), "if x : NL INDENT y NL INDENT z NL DEDENT DEDENT EOF");
}

TEST(Lexer, InconsistentDedentIsReportedOnceWithItsPosition) {
  Lexed l = lex("if x:\n    a\n  b\n  c\n    d\ne\n");
  EXPECT_EQ(l.errors, Errors{"3:1: unindent does not match any outer indentation level"});
  // The odd line stays in the block it fell into; so do the lines after it.
  EXPECT_EQ(l.tokens, "if x : NL INDENT a NL b NL c NL d NL DEDENT e NL EOF");
}

TEST(Lexer, MixedTabsAndSpacesAreReported) {
  // Python's rule: the meaning must not depend on the tab size.
  Lexed l = lex("if x:\n        a\n\tb\n");
  EXPECT_EQ(l.errors, Errors{"3:1: inconsistent use of tabs and spaces in indentation"});
  l = lex("if x:\n    a\n\tb\n");
  EXPECT_EQ(l.errors, Errors{"3:1: inconsistent use of tabs and spaces in indentation"});
  EXPECT_EQ(l.tokens, "if x : NL INDENT a NL b NL DEDENT EOF");
}

TEST(Lexer, BracketsJoinLines) {
  EXPECT_EQ(tokens("x = (1,\n  2\n)\ny = [\n]\nz = {a:\n b}\n"),
            "x = ( int:1 , int:2 ) NL y = [ ] NL z = { a : b } NL EOF");
  EXPECT_EQ(tokens("f(a,  # comment inside\n      b)\n"), "f ( a , b ) NL EOF");
}

TEST(Lexer, BackslashContinuesALine) {
  EXPECT_EQ(tokens("x = 1 + \\\n    2\ny\n"), "x = int:1 + int:2 NL y NL EOF");
  EXPECT_EQ(tokens("x = 1 + \\\r\n    2\r\n"), "x = int:1 + int:2 NL EOF");
  Lexed l = lex("x = 1 \\ 2\n");
  EXPECT_EQ(l.errors, Errors{"1:7: unexpected character after line continuation character"});
}

TEST(Lexer, CrLfAndCrLineEndings) {
  EXPECT_EQ(tokens("a\r\nb\rc\n"), "a NL b NL c NL EOF");
}

TEST(Lexer, KeywordsAndIdentifiers) {
  EXPECT_EQ(tokens("def class return None True False and or not is in lambda yield await async nonlocal\n"),
            "def class return None True False and or not is in lambda yield await async nonlocal NL EOF");
  Lexed l = lex("define _x x1 __init__ match case\n");
  EXPECT_EQ(l.tokens, "define _x x1 __init__ match case NL EOF");
  auto file = SourceFile::create("k.py", "for forx\n");
  DiagnosticEngine diag;
  auto toks = tokenize(file, diag);
  EXPECT_EQ(toks[0].kind, TokenKind::For);
  EXPECT_EQ(toks[1].kind, TokenKind::Identifier);
}

TEST(Lexer, UnicodeIdentifiers) {
  EXPECT_EQ(tokens("größe = λ + 变量 + café\n"), "größe = λ + 变量 + café NL EOF");
  Lexed l = lex("a × b\n");
  EXPECT_EQ(l.errors, Errors{"1:3: invalid character '×' (U+00D7)"});
  l = lex("x\u00a0= 1\n");
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0], "1:2: invalid character '\u00a0' (U+00A0)");
}

TEST(Lexer, AllOperatorsAndDelimiters) {
  std::string ops =
      "+ - * ** / // % @ << >> & | ^ ~ := < > <= >= == != ( ) [ ] { } , : . ; = -> += -= *= @= /= //= %= &= |= ^= "
      ">>= <<= **= ...";
  EXPECT_EQ(tokens(ops + "\n"), ops + " NL EOF");
  // Longest match: no spaces needed.
  EXPECT_EQ(tokens("a**=b//=c->d:=e...f\n"), "a **= b //= c -> d := e ... f NL EOF");
  EXPECT_EQ(tokens("x<>y\n"), "x < > y NL EOF");
}

TEST(Lexer, IntegerLiterals) {
  EXPECT_EQ(tokens("0 7 1_000 0x1F 0XfF 0o17 0O7 0b101 0B1_0 0x_ff 00 0_0\n"),
            "int:0 int:7 int:1000 int:31 int:255 int:15 int:7 int:5 int:2 int:255 int:0 int:0 NL EOF");
  EXPECT_EQ(tokens("9223372036854775807\n"), "int:9223372036854775807 NL EOF");
}

TEST(Lexer, BadIntegerLiterals) {
  EXPECT_EQ(lex("9223372036854775808\n").errors,
            Errors{"1:1: integer literal is too large for TorchScript's int (a signed 64-bit integer)"});
  EXPECT_EQ(lex("0xffffffffffffffffff\n").errors,
            Errors{"1:1: integer literal is too large for TorchScript's int (a signed 64-bit integer)"});
  EXPECT_EQ(lex("012\n").errors, Errors{"1:1: leading zeros in decimal integer literals are not permitted"});
  EXPECT_EQ(lex("0x\n").errors, Errors{"1:1: invalid hexadecimal literal"});
  EXPECT_EQ(lex("0b2\n").errors, Errors{"1:1: invalid binary literal"});
  EXPECT_EQ(lex("0o8\n").errors, Errors{"1:1: invalid octal literal"});
  EXPECT_EQ(lex("1__0\n").errors, Errors{"1:1: invalid decimal literal"});
  EXPECT_EQ(lex("1_\n").errors, Errors{"1:1: invalid decimal literal"});
  EXPECT_EQ(lex("12abc\n").errors, Errors{"1:1: invalid decimal literal"});
  EXPECT_EQ(lex("12abc\n").tokens, "ERR NL EOF");
}

TEST(Lexer, FloatLiterals) {
  EXPECT_EQ(tokens("1. .5 1e-3 1E5 1_000.5 2.5e+2 0.0 1e400 09.5\n"),
            "float:1 float:0.5 float:0.001 float:100000 float:1000.5 float:250 float:0 float:inf float:9.5 NL EOF");
  EXPECT_EQ(tokens("1j 2.5J\n"), "imag:1 imag:2.5 NL EOF");  // the parser reports these
  EXPECT_EQ(lex("1e\n").errors, Errors{"1:1: invalid decimal literal"});
  EXPECT_EQ(lex("1._5\n").errors, Errors{"1:1: invalid decimal literal"});
  // A number directly followed by a keyword is still two tokens, as in Python.
  EXPECT_EQ(tokens("1if x else 2\n"), "int:1 if x else int:2 NL EOF");
}

TEST(Lexer, StringLiteralForms) {
  EXPECT_EQ(tokens("'a' \"b\" '''c\nd''' \"\"\"e\"f\"\"\" r'\\n' R\"\\d\" u'x' ''\n"),
            "str:a str:b str:c\nd str:e\"f str:\\n str:\\d str:x str: NL EOF");
  EXPECT_EQ(tokens("'it\\'s' \"q\\\"\" r'\\''\n"), "str:it's str:q\" str:\\' NL EOF");
}

TEST(Lexer, EscapeSequences) {
  EXPECT_EQ(tokens("'\\n\\t\\\\\\a\\0\\101\\x41\\u00e9\\U0001F389'\n"), "str:\n\t\\\a" + std::string(1, '\0') +
                                                                             "AAé🎉 NL EOF");
  EXPECT_EQ(tokens("'a\\\nb'\n"), "str:ab NL EOF");  // backslash-newline joins
  EXPECT_EQ(lex("'\\x4'\n").errors, Errors{"1:2: truncated \\xXX escape"});
  EXPECT_EQ(lex("'\\u12'\n").errors, Errors{"1:2: truncated \\uXXXX escape"});
  EXPECT_EQ(lex("'\\U00110000'\n").errors, Errors{"1:2: illegal Unicode character"});
  EXPECT_EQ(lex("'\\N{DASH}'\n").errors, Errors{"1:2: \\N{...} escapes are not supported"});
  Lexed l = lex("'\\d'\n");
  EXPECT_TRUE(l.errors.empty());
  EXPECT_EQ(l.warnings, Errors{"1:2: invalid escape sequence '\\d'"});
  EXPECT_EQ(l.tokens, "str:\\d NL EOF");
}

TEST(Lexer, BytesAndFStringTokens) {
  EXPECT_EQ(tokens("b'ab' Rb'\\x' f'{x}' rf\"{y}\\n\" F'''{z}'''\n"), "bytes:ab bytes:\\x f:{x} f:{y}\\n f:{z} NL EOF");
  // Not every letter pair is a prefix.
  EXPECT_EQ(tokens("ub'x'\n").find("ub"), 0u);
}

TEST(Lexer, UnterminatedStrings) {
  Lexed l = lex("s = 'abc\nt = 1\n");
  EXPECT_EQ(l.errors, Errors{"1:5: unterminated string literal (detected at line 1)"});
  EXPECT_EQ(l.tokens, "s = str:abc NL t = int:1 NL EOF");  // the next line is fine
  l = lex("s = '''abc\n\nmore\n");
  EXPECT_EQ(l.errors, Errors{"1:5: unterminated triple-quoted string literal (detected at line 4)"});
}

TEST(Lexer, Utf8InStringsAndComments) {
  EXPECT_EQ(tokens("# 中文注释 😀\ns = 'héllo 世界'  # fin\n"), "s = str:héllo 世界 NL EOF");
  EXPECT_EQ(lex("s = '\xff'\n").errors, Errors{"1:6: invalid UTF-8 byte 0xff in string literal"});
  EXPECT_EQ(lex("# \xc3\x28\nx\n").errors, Errors{"1:3: invalid UTF-8 byte 0xc3 in comment"});
  Lexed l = lex("x = \xe2\x82 + 1\n");
  EXPECT_EQ(l.errors, Errors{"1:5: invalid UTF-8 byte 0xe2"});
  EXPECT_EQ(l.tokens, "x = ERR + int:1 NL EOF");
  EXPECT_EQ(lex(std::string("x\0y\n", 4)).errors, Errors{"1:2: source code cannot contain null bytes"});
}

TEST(Lexer, ByteOrderMarkIsSkipped) { EXPECT_EQ(tokens("\xEF\xBB\xBFx = 1\n"), "x = int:1 NL EOF"); }

TEST(Lexer, TypeCommentsAreKept) {
  auto file = SourceFile::create("t.py", "def f(x):\n    # type: (int) -> int\n    # not a type\n    return x  #type: ignore\n");
  DiagnosticEngine diag;
  Lexer lx(file, diag);
  while (lx.next().kind != TokenKind::EndOfFile) {
  }
  ASSERT_EQ(lx.typeComments().size(), 2u);
  const Comment& c = lx.typeComments()[0];
  EXPECT_EQ(file->text().substr(c.start, c.end - c.start), "# type: (int) -> int");
  EXPECT_EQ(file->lineOf(lx.typeComments()[1].start), 4u);
}

TEST(Lexer, BracketErrors) {
  Lexed l = lex("x = (1,\n");
  EXPECT_EQ(l.errors, Errors{"1:5: '(' was never closed"});
  EXPECT_EQ(l.tokens, "x = ( int:1 , )* NL EOF");  // a made-up closer lets parsing go on
  l = lex("y = 1)\nz\n");
  EXPECT_EQ(l.errors, Errors{"1:6: unmatched ')'"});
  EXPECT_EQ(l.tokens, "y = int:1 ERR NL z NL EOF");
  l = lex("a = [1, 2)\n");
  EXPECT_EQ(l.errors, Errors{"1:10: closing parenthesis ')' does not match opening parenthesis '['"});
  EXPECT_EQ(l.tokens, "a = [ int:1 , int:2 ]* NL EOF");
  l = lex("b = [f(1]\n");
  EXPECT_EQ(l.errors, Errors{"1:9: closing parenthesis ']' does not match opening parenthesis '('"});
  EXPECT_EQ(l.tokens, "b = [ f ( int:1 )* ] NL EOF");
  l = lex("c = (1,\n 2]\n");
  EXPECT_EQ(l.errors, Errors{"2:3: closing parenthesis ']' does not match opening parenthesis '(' on line 1"});
}

TEST(Lexer, InvalidCharacters) {
  Lexed l = lex("a = b $ c ? d ` e ! f\n");
  EXPECT_EQ(l.errors, (Errors{"1:7: invalid character '$' (U+0024)", "1:11: invalid character '?' (U+003F)",
                              "1:15: invalid character '`' (U+0060)", "1:19: invalid character '!' (U+0021)"}));
  l = lex("s = \u201chi\u201d\n");
  ASSERT_EQ(l.errors.size(), 2u);
  EXPECT_EQ(l.errors[0], "1:5: invalid character '\u201c' (U+201C)");
}

TEST(Lexer, RestartAfterAnUnclosedBracket) {
  auto file = SourceFile::create("r.py", "x = f(1,\ny = 2\n");
  DiagnosticEngine diag;
  Lexer lx(file, diag);
  std::vector<TokenKind> kinds;
  Token t;
  while ((t = lx.next()).kind != TokenKind::Identifier || lx.text(t) != "y") {
  }
  EXPECT_EQ(t.enclosingOpen, 5);  // inside the '(' at offset 5
  EXPECT_TRUE(lx.startsLine(t.start));
  lx.restartAtLine(t.start);
  EXPECT_EQ(lx.next().kind, TokenKind::Newline);
  Token y = lx.next();
  EXPECT_EQ(lx.text(y), "y");
  EXPECT_EQ(y.enclosingOpen, -1);
  EXPECT_EQ(lx.next().kind, TokenKind::Assign);
}

TEST(Lexer, TokenRangesAreByteOffsets) {
  auto file = SourceFile::create("o.py", "é = 'ü'\n");
  DiagnosticEngine diag;
  auto toks = tokenize(file, diag);
  EXPECT_EQ(toks[0].start, 0u);
  EXPECT_EQ(toks[0].end, 2u);
  EXPECT_EQ(toks[2].start, 5u);
  EXPECT_EQ(toks[2].end, 9u);
  EXPECT_EQ(toks[2].bodyStart, 6u);
  EXPECT_EQ(SourceRange(file, toks[2].start, toks[2].end).column(), 5u);
}

TEST(Lexer, NeverLoopsOnHostileInput) {
  // Every prefix of a nasty input ends in EOF within a bounded number of tokens.
  std::string nasty = "\t \f\\\n(\"'''\\x\xff\xc3)]}{[(\n  \t# type: (\n 0x_ 1e+ \"\"\" f'{' \\";
  for (size_t n = 0; n <= nasty.size(); ++n) {
    auto file = SourceFile::create("n.py", nasty.substr(0, n));
    DiagnosticEngine diag;
    Lexer lx(file, diag);
    int count = 0;
    while (lx.next().kind != TokenKind::EndOfFile) ASSERT_LT(++count, 1000) << n;
  }
}

}  // namespace
}  // namespace ember::frontend
