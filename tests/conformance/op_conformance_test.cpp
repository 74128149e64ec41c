// Runs one op family's oracle cases (a file written by
// tools/oracle/make_op_cases.py) through the registry and compares with
// PyTorch. Each case is its own GoogleTest test, registered at start-up.
//
//   ember_op_conformance build/fixtures/ops/ops_elementwise.pt
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "compare.h"
#include "ember/ops/registry.h"
#include "ember/serialization/torch_save.h"
#include "ember/value/containers.h"

namespace ember {
namespace {

const IValue* field(const DictObj& d, const char* key) { return d.find(IValue(key)); }

class OpCaseTest : public ::testing::Test {
 public:
  explicit OpCaseTest(IValue record) : record_(std::move(record)) {}

  void TestBody() override {
    const DictObj& r = record_.toDict();
    const std::string& opName = field(r, "op")->toStringRef();
    const ops::Operator* op = ops::Registry::global().find(opName);
    ASSERT_NE(op, nullptr) << opName << " is not registered";

    std::vector<IValue> args = field(r, "args")->toTuple().elements;
    std::vector<std::pair<std::string, IValue>> kwargs;
    for (const auto& [k, v] : field(r, "kwargs")->toDict().entries()) kwargs.emplace_back(k.toStringRef(), v);

    const IValue* error = field(r, "error");
    if (error && !error->isNone()) {
      try {
        IValue out = ops::callOp(*op, args, kwargs);
        FAIL() << "PyTorch raised \"" << error->toStringRef() << "\" but ember returned " << out.reprStr();
      } catch (const Error& e) {
        RecordProperty("ember_error", e.what());
      }
      return;
    }
    IValue out;
    try {
      out = ops::callOp(*op, args, kwargs);
    } catch (const Error& e) {
      FAIL() << "ember raised " << e.kindName() << ": " << e.what();
    }
    testing::Tolerance tol;
    tol.rtol = field(r, "rtol")->toDouble();
    tol.atol = field(r, "atol")->toDouble();
    if (const IValue* cv = field(r, "check_values")) tol.checkValues = cv->toBool();
    std::string diff = testing::compareValues(out, *field(r, "expected"), tol);
    EXPECT_TRUE(diff.empty()) << diff;
  }

 private:
  IValue record_;
};

int registerCases(const std::string& path) {
  IValue cases = serialization::loadTorchFile(path);
  std::string suite = "ops_" + std::filesystem::path(path).stem().string().substr(4);
  int n = 0;
  for (const IValue& rec : cases.toList().elements) {
    std::string name = field(rec.toDict(), "name")->toStringRef();
    ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [rec]() -> ::testing::Test* { return new OpCaseTest(rec); });
    ++n;
  }
  return n;
}

}  // namespace
}  // namespace ember

int main(int argc, char** argv) {
  return ember::testing::conformanceMain(argc, argv, "ember_op_conformance", ember::registerCases);
}
