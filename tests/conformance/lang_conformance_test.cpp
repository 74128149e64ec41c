// Runs the TorchScript language cases (files written by
// tools/oracle/make_lang_cases.py) through ember's compiler and interpreter
// and compares with what PyTorch did: the same result, the same raised
// exception ("ValueError: msg"), or -- for sources PyTorch refuses -- a
// compile error at the same line. Cases marked stdout=True also compare
// what print() wrote. Each call is its own GoogleTest test.
//
//   ember_lang_conformance build/fixtures/lang/lang_control_flow.pt
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "compare.h"
#include "ember/runtime/compilation_unit.h"
#include "ember/runtime/script_error.h"
#include "ember/serialization/torch_save.h"
#include "ember/value/containers.h"

namespace ember {
namespace {

const IValue* field(const DictObj& d, const char* key) { return d.find(IValue(key)); }

bool isSet(const IValue* v) { return v && !v->isNone(); }

class LangCaseTest : public ::testing::Test {
 public:
  explicit LangCaseTest(IValue record) : record_(std::move(record)) {}

  void TestBody() override {
    const DictObj& r = record_.toDict();
    const std::string& src = field(r, "src")->toStringRef();
    const std::string& fn = field(r, "fn")->toStringRef();
    DiagnosticEngine diag;
    runtime::CompilationUnit cu(src, "case.py", diag);

    if (const IValue* line = field(r, "compile_error_line"); isSet(line)) {
      ASSERT_TRUE(diag.hasErrors()) << "PyTorch refused this source (line " << line->toInt()
                                    << ") but ember compiled it:\n" << src;
      bool atLine = false;
      for (const auto& d : diag.diagnostics())
        atLine = atLine || (d.severity == Severity::Error && static_cast<int64_t>(d.range.line()) == line->toInt());
      EXPECT_TRUE(atLine || line->toInt() < 0) << "PyTorch's error is at line " << line->toInt()
                                               << ", ember's are:\n" << diag.render();
      return;
    }
    ASSERT_FALSE(diag.hasErrors()) << diag.render();

    std::vector<IValue> args = field(r, "args")->toTuple().elements;
    const IValue* error = field(r, "error");
    if (isSet(error)) {
      std::string expected = error->toStringRef();
      while (!expected.empty() && expected.back() == ' ') expected.pop_back();
      try {
        IValue out = cu.run(fn, args);
        FAIL() << "PyTorch raised \"" << expected << "\" but ember returned " << out.reprStr();
      } catch (const runtime::ScriptError& e) {
        std::string got = e.className() + ": " + e.what();
        while (!got.empty() && got.back() == ' ') got.pop_back();
        // Messages of `raise` and `assert` are the program's own: they must match exactly.
        // Operators' errors only have to be errors (their wording is the op families' business).
        if (!e.pythonClass().empty()) EXPECT_EQ(got, expected);
        else RecordProperty("ember_error", got);
      } catch (const Error& e) {
        RecordProperty("ember_error", e.what());
      }
      return;
    }
    const IValue* printed = field(r, "stdout");
    const bool checkStdout = isSet(printed);
    if (checkStdout) ::testing::internal::CaptureStdout();
    IValue out;
    try {
      out = cu.run(fn, args);
    } catch (const Error& e) {
      if (checkStdout) ::testing::internal::GetCapturedStdout();
      FAIL() << "ember raised " << e.kindName() << ": " << e.what();
    }
    if (checkStdout) {
      std::fflush(stdout);
      EXPECT_EQ(::testing::internal::GetCapturedStdout(), printed->toStringRef()) << "print() output differs";
    }
    testing::Tolerance tol;
    tol.rtol = field(r, "rtol")->toDouble();
    tol.atol = field(r, "atol")->toDouble();
    std::string diff = testing::compareValues(out, *field(r, "expected"), tol);
    EXPECT_TRUE(diff.empty()) << diff;
  }

 private:
  IValue record_;
};

int registerCases(const std::string& path) {
  IValue cases = serialization::loadTorchFile(path);
  std::string suite = std::filesystem::path(path).stem().string();
  int n = 0;
  for (const IValue& rec : cases.toList().elements) {
    const DictObj& d = rec.toDict();
    std::string name = field(d, "name")->toStringRef() + "_" + std::to_string(field(d, "call")->toInt());
    ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [rec]() -> ::testing::Test* { return new LangCaseTest(rec); });
    ++n;
  }
  return n;
}

}  // namespace
}  // namespace ember

int main(int argc, char** argv) {
  return ember::testing::conformanceMain(argc, argv, "ember_lang_conformance", ember::registerCases);
}
