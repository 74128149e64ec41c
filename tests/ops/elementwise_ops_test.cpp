#include <gtest/gtest.h>

#include <fstream>
#include <unordered_map>

#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {
namespace {

std::ifstream openReferenceSchemas() {
  // The repo sits beside shared/ (or two levels down, in a worktree).
  for (const char* rel : {"/../shared/reference/schemas-pytorch-1.13.txt", "/../../shared/reference/schemas-pytorch-1.13.txt"}) {
    std::ifstream in(std::string(EMBER_SOURCE_DIR) + rel);
    if (in) return in;
  }
  std::ifstream none;  // a default stream is "good": mark it failed so callers skip
  none.setstate(std::ios::failbit);
  return none;
}

TEST(ElementwiseOps, SchemasAreExactlyPyTorchs) {
  std::ifstream in = openReferenceSchemas();
  if (!in) GTEST_SKIP() << "shared/reference not beside the repo";
  std::unordered_map<std::string, std::string> reference;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    FunctionSchema s = parseSchema(line);
    reference.emplace(s.qualifiedName(), s.str());
  }
  Registry r;
  registerElementwiseOps(r);
  EXPECT_GT(r.size(), 300u);
  for (const Operator* op : r.all()) {
    auto it = reference.find(op->qualifiedName);
    ASSERT_NE(it, reference.end()) << op->qualifiedName << " is not a PyTorch 1.13 operator";
    EXPECT_EQ(op->schema.str(), it->second);
  }
}

TEST(ElementwiseOps, CallsBindKeywordsAndDefaults) {
  Registry r;
  registerElementwiseOps(r);
  Tensor a = Tensor::fromVector<float>({1, 2, 3}, {3});
  Tensor b = Tensor::fromVector<float>({4, 5, 6}, {3});
  IValue sum = callOp(*r.find("aten::add.Tensor"), {a, b}, {{"alpha", IValue(int64_t(2))}});
  EXPECT_EQ(sum.toTensor().toVector<float>(), (std::vector<float>{9, 12, 15}));
  IValue q = callOp(*r.find("aten::div.Tensor_mode"), {b, a}, {{"rounding_mode", IValue("floor")}});
  EXPECT_EQ(q.toTensor().toVector<float>(), (std::vector<float>{4, 2, 2}));
  IValue g = callOp(*r.find("aten::gelu"), {Tensor::fromVector<float>({0}, {1})});
  EXPECT_EQ(g.toTensor().toVector<float>()[0], 0.f);
  IValue inplace = callOp(*r.find("aten::relu_"), {a});
  EXPECT_TRUE(inplace.toTensor().isSame(a));
  IValue cast = callOp(*r.find("aten::to.dtype"), {a, IValue(DType::Long)});
  EXPECT_EQ(cast.toTensor().dtype(), DType::Long);
}

}  // namespace
}  // namespace ember::ops
