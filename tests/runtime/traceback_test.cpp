// Runtime errors of compiled TorchScript render PyTorch's "Traceback of
// TorchScript": one entry per call, each quoting its source line with a
// marker under the expression that failed. Expected texts are written by hand
// from PyTorch 1.13's layout.
#include <gtest/gtest.h>

#include "ember/runtime/compilation_unit.h"
#include "ember/runtime/script_error.h"

namespace ember::runtime {
namespace {

std::string renderError(const std::string& src, std::vector<IValue> args) {
  CompilationUnit cu(src, "model.py");
  try {
    cu.run("f", std::move(args));
  } catch (const ScriptError& e) {
    return e.render();
  }
  return "no error";
}

TEST(Traceback, QuotesTheFailingLineOfEachFrame) {
  const std::string src =
      "def check(x: int) -> int:\n"
      "    if x > 10:\n"
      "        raise ValueError(\"too big: \" + str(x))\n"
      "    return x\n"
      "\n"
      "def f(n: int) -> int:\n"
      "    total = 0\n"
      "    for i in range(n):\n"
      "        total += check(i * 3)\n"
      "    return total\n";
  EXPECT_EQ(renderError(src, {IValue(5)}),
            "Traceback of TorchScript (most recent call last):\n"
            "  File \"model.py\", line 9, in f\n"
            "            total += check(i * 3)\n"
            "                     ~~~~~~~~~~~~ <--- HERE\n"
            "  File \"model.py\", line 3, in check\n"
            "            raise ValueError(\"too big: \" + str(x))\n"
            "            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ <--- HERE\n"
            "ValueError: too big: 12");
}

TEST(Traceback, OperatorErrorsPointAtTheCall) {
  const std::string src =
      "from typing import List\n"
      "def f(xs: List[int]) -> int:\n"
      "    return xs[5] + 1\n";
  std::string out = renderError(src, {IValue(makeList(types::intT()))});
  EXPECT_NE(out.find("  File \"model.py\", line 3, in f\n"
                     "        return xs[5] + 1\n"
                     "               ~~~~~ <--- HERE\n"),
            std::string::npos)
      << out;
}

TEST(Traceback, SourceExcerptOfAnInvalidRangeIsEmpty) { EXPECT_EQ(sourceExcerpt(SourceRange()), ""); }

TEST(Traceback, SourceExcerptMarksOnlyTheRange) {
  auto file = SourceFile::create("m.py", "x = a + bb\n");
  EXPECT_EQ(sourceExcerpt(SourceRange(file, 8, 10)), "    x = a + bb\n            ~~ <--- HERE\n");
}

}  // namespace
}  // namespace ember::runtime
