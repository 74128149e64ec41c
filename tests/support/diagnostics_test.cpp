#include "ember/support/diagnostics.h"

#include <gtest/gtest.h>

namespace ember {
namespace {

TEST(Diagnostics, RendersLocationExcerptAndHint) {
  auto f = SourceFile::create("model.py", "def f(x):\n    return x.relu()\n");
  DiagnosticEngine diag;
  EXPECT_FALSE(diag.hasErrors());
  diag.error({f, 21, 27}, "'x' is an Optional[Tensor] here; refine it before use",
             "add `assert x is not None` before this line");
  EXPECT_TRUE(diag.hasErrors());
  EXPECT_EQ(diag.render(),
            "model.py:2:12: error: 'x' is an Optional[Tensor] here; refine it before use\n"
            "    return x.relu()\n"
            "           ^~~~~~\n"
            "hint: add `assert x is not None` before this line\n");
}

TEST(Diagnostics, KeepsEveryDiagnosticInOrderWithSeverities) {
  auto f = SourceFile::create("a.py", "a\nb\nc\n");
  DiagnosticEngine diag;
  diag.warning({f, 0, 1}, "first");
  diag.error({f, 2, 3}, "second");
  diag.note({f, 4, 5}, "third");
  ASSERT_EQ(diag.diagnostics().size(), 3u);
  EXPECT_EQ(diag.errorCount(), 1u);
  EXPECT_EQ(diag.warningCount(), 1u);
  EXPECT_EQ(diag.render(),
            "a.py:1:1: warning: first\na\n^\n"
            "a.py:2:1: error: second\nb\n^\n"
            "a.py:3:1: note: third\nc\n^\n");
}

TEST(Diagnostics, SameErrorTwiceIsReportedOnce) {
  auto f = SourceFile::create("a.py", "abc\n");
  DiagnosticEngine diag;
  diag.error({f, 0, 3}, "bad");
  diag.note({f, 0, 1}, "its note");
  diag.error({f, 0, 3}, "bad");
  diag.note({f, 0, 1}, "its note");  // belongs to the dropped duplicate
  EXPECT_EQ(diag.diagnostics().size(), 2u);
  EXPECT_EQ(diag.errorCount(), 1u);
}

TEST(Diagnostics, ErrorsPastTheLimitAreCountedNotKept) {
  auto f = SourceFile::create("a.py", std::string(50, 'x'));
  DiagnosticEngine diag;
  diag.setErrorLimit(3);
  for (uint32_t i = 0; i < 10; ++i) diag.error({f, i, i + 1}, "bad");
  EXPECT_EQ(diag.errorCount(), 10u);
  EXPECT_EQ(diag.diagnostics().size(), 3u);
  EXPECT_NE(diag.render().find("too many errors: 7 more not shown"), std::string::npos);
}

TEST(Diagnostics, CompileErrorCarriesEveryDiagnostic) {
  auto f = SourceFile::create("a.py", "x\ny\n");
  DiagnosticEngine diag;
  diag.warning({f, 0, 1}, "just a warning");
  EXPECT_NO_THROW(diag.throwIfErrors());
  diag.error({f, 2, 3}, "broken");
  try {
    diag.throwIfErrors();
    FAIL() << "expected CompileError";
  } catch (const CompileError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(std::string(e.what()), diag.render());
    const Error& base = e;  // catchable as any ember error
    EXPECT_EQ(base.kindName(), "RuntimeError");
  }
}

}  // namespace
}  // namespace ember
