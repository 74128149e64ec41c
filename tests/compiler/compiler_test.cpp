#include <gtest/gtest.h>

#include "ember/runtime/compilation_unit.h"
#include "ember/runtime/script_error.h"
#include "ember/value/containers.h"

namespace ember::runtime {
namespace {

IValue run(const std::string& src, const std::string& fn, std::vector<IValue> args) {
  CompilationUnit cu(src);
  return cu.run(fn, std::move(args));
}

// Every diagnostic of a source that must not compile.
std::vector<Diagnostic> errorsOf(const std::string& src) {
  DiagnosticEngine diag;
  CompilationUnit cu(src, "<string>", diag);
  std::vector<Diagnostic> out;
  for (const auto& d : diag.diagnostics())
    if (d.severity == Severity::Error) out.push_back(d);
  return out;
}

TEST(Compiler, Arithmetic) {
  const char* src = R"(
def f(a: int, b: int) -> int:
    return a * b + a // b - a % b
def g(x: float, n: int) -> float:
    return x * n + 0.5
)";
  EXPECT_EQ(run(src, "f", {IValue(7), IValue(-2)}).toInt(), 7 * -2 + (-4) - (-1));
  EXPECT_DOUBLE_EQ(run(src, "g", {IValue(1.5), IValue(2)}).toDouble(), 3.5);
}

TEST(Compiler, IfElseMergesVariables) {
  const char* src = R"(
def f(n: int) -> int:
    if n > 3:
        y = n * 2
    else:
        y = -n
    return y
)";
  EXPECT_EQ(run(src, "f", {IValue(5)}).toInt(), 10);
  EXPECT_EQ(run(src, "f", {IValue(2)}).toInt(), -2);
}

TEST(Compiler, LoopsBreakContinueReturn) {
  const char* src = R"(
def f(n: int) -> int:
    total = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        total += i
    return total
def g(n: int) -> int:
    i = 0
    while True:
        if i * i > n:
            return i
        i += 1
    return -1
def h(xs: List[int]) -> int:
    for x in xs:
        if x < 0:
            return x
    return 0
)";
  EXPECT_EQ(run(src, "f", {IValue(20)}).toInt(), 1 + 3 + 5 + 7);
  EXPECT_EQ(run(src, "g", {IValue(10)}).toInt(), 4);
  EXPECT_EQ(run(std::string("from typing import List\n") + src, "h", {intList({3, 4, -2, -5})}).toInt(), -2);
}

TEST(Compiler, OptionalRefinement) {
  const char* src = R"(
from typing import Optional
def f(x: Optional[int]) -> int:
    if x is None:
        return 0
    return x + 1
def g(x: Optional[int], y: int) -> int:
    assert x is not None, "x must be set"
    return x * y
)";
  EXPECT_EQ(run(src, "f", {IValue()}).toInt(), 0);
  EXPECT_EQ(run(src, "f", {IValue(4)}).toInt(), 5);
  EXPECT_EQ(run(src, "g", {IValue(4), IValue(3)}).toInt(), 12);
  try {
    run(src, "g", {IValue(), IValue(3)});
    FAIL() << "expected an AssertionError";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.className(), "RuntimeError");  // as PyTorch 1.13: "AssertionError: x must be set"
    EXPECT_NE(std::string(e.what()).find("x must be set"), std::string::npos);
  }
}

TEST(Compiler, ListsAndComprehensions) {
  const char* src = R"(
from typing import List
def f(n: int) -> List[int]:
    xs: List[int] = []
    for i in range(n):
        xs.append(i * i)
    return [x + 1 for x in xs]
)";
  IValue r = run(src, "f", {IValue(5)});
  EXPECT_EQ(r.toIntVector(), (std::vector<int64_t>{1, 2, 5, 10, 17}));
}

TEST(Compiler, ClassesAndMethods) {
  const char* src = R"(
class Counter:
    def __init__(self, start: int):
        self.value = start
    def inc(self, by: int) -> int:
        self.value += by
        return self.value
def f(n: int) -> int:
    c = Counter(n)
    c.inc(2)
    return c.inc(3)
)";
  EXPECT_EQ(run(src, "f", {IValue(10)}).toInt(), 15);
}

TEST(Compiler, DiagnosticsAtTheRightLine) {
  auto errs = errorsOf("def f(x, n=3):\n    return x\n");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].range.line(), 1u);
  EXPECT_TRUE(errs[0].hint.has_value());
  errs = errorsOf("import numpy as np\ndef f(n: int) -> int:\n    if n > 1:\n        y = 1\n    return y\n");
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_NE(errs[0].message.find("numpy"), std::string::npos);
  EXPECT_EQ(errs[1].range.line(), 3u);  // at the if, as PyTorch (a note points at the use)
  EXPECT_NE(errs[1].message.find("y is not defined in the false branch"), std::string::npos);
}

}  // namespace
}  // namespace ember::runtime
