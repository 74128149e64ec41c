#include "ember/support/source.h"

#include <gtest/gtest.h>

#include "ember/support/utf8.h"

namespace ember {
namespace {

SourceRange rangeOf(const SourceFilePtr& f, std::string_view needle, size_t occurrence = 0) {
  size_t pos = 0;
  for (size_t i = 0;; ++i) {
    pos = f->text().find(needle, i == 0 ? 0 : pos + 1);
    if (pos == std::string_view::npos || i == occurrence) break;
  }
  EXPECT_NE(pos, std::string_view::npos) << needle;
  return {f, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

TEST(SourceFile, LinesEndAtLfCrLfAndCr) {
  auto f = SourceFile::create("a.py", "one\ntwo\r\nthree\rfour");
  EXPECT_EQ(f->lineCount(), 4u);
  EXPECT_EQ(f->lineText(1), "one");
  EXPECT_EQ(f->lineText(2), "two");
  EXPECT_EQ(f->lineText(3), "three");
  EXPECT_EQ(f->lineText(4), "four");
  EXPECT_EQ(f->lineOf(0), 1u);
  EXPECT_EQ(f->lineOf(3), 1u);  // the '\n' belongs to its line
  EXPECT_EQ(f->lineOf(4), 2u);
  EXPECT_EQ(f->lineOf(f->size()), 4u);
  EXPECT_EQ(f->lineText(0), "");
  EXPECT_EQ(f->lineText(99), "");
}

TEST(SourceFile, ColumnsCountCodePoints) {
  // "é" is 2 bytes, "中" 3, "🎉" 4: columns advance by one each.
  auto f = SourceFile::create("u.py", "s = 'é中🎉' + x\n");
  SourceRange x = rangeOf(f, "x");
  EXPECT_EQ(x.line(), 1u);
  EXPECT_EQ(x.column(), 13u);  // s,space,=,space,',é,中,🎉,',space,+,space -> 12 before x
  EXPECT_EQ(x.location(), "u.py:1:13");
  EXPECT_EQ(rangeOf(f, "+").column(), 11u);
}

TEST(SourceFile, InvalidBytesCountAsOneColumnEach) {
  auto f = SourceFile::create("b.py", std::string("a\xff\xfe b"));
  EXPECT_EQ(rangeOf(f, "b").column(), 5u);
}

TEST(SourceRange, ExcerptUnderlinesTheRange) {
  auto f = SourceFile::create("m.py", "def f(x):\n    return x.relu()\n");
  SourceRange r = rangeOf(f, "x.relu");
  EXPECT_EQ(r.location(), "m.py:2:12");
  EXPECT_EQ(r.excerpt(), "    return x.relu()\n           ^~~~~~\n");
}

TEST(SourceRange, ExcerptAlignsUnderMultiByteAndWideCharacters) {
  // "中" and "🎉" are two columns wide on a terminal, "é" one: 14 columns
  // precede "bad" (s, space, =, space, ', 2, 1, 2, ', space, +, space).
  auto f = SourceFile::create("u.py", "s = '中é🎉' + bad\n");
  EXPECT_EQ(rangeOf(f, "bad").excerpt(), "s = '中é🎉' + bad\n              ^~~\n");
}

TEST(SourceRange, ExcerptExpandsTabs) {
  auto f = SourceFile::create("t.py", "\tx =\ty\n");
  // The tab at column 0 becomes 8 spaces; the one after "=" reaches column 16.
  EXPECT_EQ(rangeOf(f, "y").excerpt(), "        x =     y\n                ^\n");
  EXPECT_EQ(rangeOf(f, "x").excerpt(), "        x =     y\n        ^\n");
}

TEST(SourceRange, ExcerptOfEmptyAndEndOfLineRanges) {
  auto f = SourceFile::create("e.py", "if x\n    pass\n");
  SourceRange afterX{f, 4, 4};  // the position just after "x"
  EXPECT_EQ(afterX.excerpt(), "if x\n    ^\n");
  SourceRange eof{f, static_cast<uint32_t>(f->size()), static_cast<uint32_t>(f->size())};
  EXPECT_EQ(eof.line(), 3u);
  EXPECT_EQ(eof.excerpt(), "\n^\n");
}

TEST(SourceRange, MultiLineRangeUnderlinesToTheEndOfItsFirstLine) {
  auto f = SourceFile::create("m.py", "x = foo(1,\n        2)\n");
  SourceRange r = rangeOf(f, "foo(1,\n        2)");
  EXPECT_EQ(r.endLine(), 2u);
  EXPECT_EQ(r.excerpt(), "x = foo(1,\n    ^~~~~~\n");
}

TEST(SourceRange, ExcerptNeverEmitsControlCharacters) {
  auto f = SourceFile::create("c.py", std::string("a\x1b[31m b\xff", 10));
  std::string ex = rangeOf(f, "b").excerpt();
  EXPECT_EQ(ex.find('\x1b'), std::string::npos);
  EXPECT_NE(ex.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD stands in
}

TEST(SourceRange, JoinAndInvalid) {
  auto f = SourceFile::create("j.py", "abc def");
  SourceRange a = rangeOf(f, "abc"), d = rangeOf(f, "def");
  EXPECT_EQ(a.to(d).text(), "abc def");
  EXPECT_EQ(d.to(a).text(), "abc def");
  SourceRange none;
  EXPECT_FALSE(none.valid());
  EXPECT_EQ(none.location(), "<unknown>");
  EXPECT_EQ(none.excerpt(), "");
  EXPECT_EQ(none.to(a).text(), "abc");
}

TEST(Utf8, DecodeRejectsWhatPythonRejects) {
  EXPECT_TRUE(utf8::decode("\xC3\xA9", 0).valid);
  EXPECT_EQ(utf8::decode("\xC3\xA9", 0).cp, 0xE9u);
  EXPECT_FALSE(utf8::decode("\xC0\xAF", 0).valid);          // overlong
  EXPECT_FALSE(utf8::decode("\xED\xA0\x80", 0).valid);      // surrogate
  EXPECT_FALSE(utf8::decode("\xF4\x90\x80\x80", 0).valid);  // past U+10FFFF
  EXPECT_FALSE(utf8::decode("\xE4\xB8", 0).valid);          // truncated
  EXPECT_EQ(utf8::decode("\xE4\xB8", 0).length, 1u);
  EXPECT_EQ(utf8::countCodePoints("a\xC3\xA9\xF0\x9F\x8E\x89"), 3u);
  std::string s;
  utf8::append(s, 0x1F389);
  EXPECT_EQ(s, "\xF0\x9F\x8E\x89");
}

}  // namespace
}  // namespace ember
