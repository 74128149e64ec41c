// Inputs on which compiler_fuzz (fuzz/compiler_fuzz.cpp) once crashed: each
// must now compile to graphs or diagnostics. Run under the sanitizer build
// (scripts/test-sanitize.sh) to catch the memory errors they once caused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ember/runtime/compilation_unit.h"

namespace ember {
namespace {

TEST(CompilerFuzzRegression, CrashersCompileOrReport) {
  const std::filesystem::path dir = std::filesystem::path(EMBER_SOURCE_DIR) / "tests/compiler/fuzz_crashers";
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    DiagnosticEngine diag;
    runtime::CompilationUnit cu(ss.str(), entry.path().filename().string(), diag);
    (void)diag.render();
    ++n;
  }
  EXPECT_GE(n, 2);
}

// A later def of a name replaces the earlier one, as in Python.
TEST(CompilerFuzzRegression, RedefinedFunctionUsesTheLastDefinition) {
  DiagnosticEngine diag;
  runtime::CompilationUnit cu("def f() -> int:\n    return 1\ndef f() -> int:\n    return 2\n", "m.py", diag);
  ASSERT_FALSE(diag.hasErrors()) << diag.render();
  EXPECT_EQ(cu.run("f", {}).toInt(), 2);
}

TEST(CompilerFuzzRegression, DictLiteralUnderAnUnknownReturnType) {
  DiagnosticEngine diag;
  runtime::CompilationUnit cu("def f(n: int) -> Dict1[int, str]:\n    return {n: 'a'}\n", "m.py", diag);
  EXPECT_TRUE(diag.hasErrors());
}

}  // namespace
}  // namespace ember
