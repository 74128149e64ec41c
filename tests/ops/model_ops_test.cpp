// Every op the torchvision classification models use (tools/oracle/model_ops.tsv,
// written by tools/oracle/model_ops.py from the scripted and traced models' inlined
// graphs and archive code) is registered, so loading them never fails on an
// unknown op. Plus properties of the ops added for them that the oracle cannot
// check value by value (random sampling).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "ember/kernels/random.h"
#include "ember/ops/registry.h"

namespace ember::ops {
namespace {

TEST(ModelOps, EveryTorchvisionOpIsRegistered) {
  std::ifstream in(std::string(EMBER_SOURCE_DIR) + "/tools/oracle/model_ops.tsv");
  ASSERT_TRUE(in) << "tools/oracle/model_ops.tsv missing";
  const Registry& r = Registry::global();
  std::set<std::string> byName;
  for (const Operator* op : r.all()) byName.insert(op->schema.name);
  std::map<std::string, std::set<std::string>> missing;  // op -> models
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string model, kind, op;
    std::getline(fields, model, '\t');
    std::getline(fields, kind, '\t');
    std::getline(fields, op, '\t');
    if (op.rfind("aten::", 0) != 0) continue;  // prim:: nodes are the compiler's
    ++checked;
    // Graph nodes name the overload; code spellings (torch.X) only the name, except
    // aten::X.out for calls with out=.
    const bool code = kind.size() > 5 && kind.compare(kind.size() - 5, 5, "_code") == 0;
    const bool found = code && op.find('.') == std::string::npos ? byName.count(op) > 0 : r.find(op) != nullptr;
    if (!found) missing[op].insert(model + " " + kind);
  }
  EXPECT_GT(checked, 100);
  for (const auto& [op, users] : missing) {
    ADD_FAILURE() << op << " is not registered; used by " << *users.begin() << " and " << users.size() - 1
                  << " more";
  }
}

double meanOf(const Tensor& t) {
  double s = 0;
  for (float v : t.toVector<float>()) s += v;
  return s / static_cast<double>(t.numel());
}

TEST(RandomOps, SampleMoments) {
  kernels::manualSeed(1);
  const int64_t n[] = {100000};
  const Tensor u = kernels::rand(IntArrayRef(n), std::nullopt);
  EXPECT_NEAR(meanOf(u), 0.5, 0.01);
  for (float v : u.toVector<float>()) ASSERT_TRUE(v >= 0 && v < 1);
  const Tensor g = kernels::randn(IntArrayRef(n), std::nullopt);
  EXPECT_NEAR(meanOf(g), 0.0, 0.02);
  const Tensor b = kernels::bernoulli_(Tensor::empty(IntArrayRef(n), DType::Float), 0.25);
  EXPECT_NEAR(meanOf(b), 0.25, 0.01);
  for (float v : b.toVector<float>()) ASSERT_TRUE(v == 0 || v == 1);
}

TEST(RandomOps, RandpermIsAPermutation) {
  const Tensor p = kernels::randperm(1000, std::nullopt);
  std::vector<int64_t> v = p.toVector<int64_t>();
  std::sort(v.begin(), v.end());
  for (int64_t i = 0; i < 1000; ++i) ASSERT_EQ(v[static_cast<size_t>(i)], i);
}

TEST(RandomOps, RandintStaysInRange) {
  const int64_t n[] = {10000};
  const Tensor r = kernels::randint(-3, 4, IntArrayRef(n), std::nullopt);
  std::set<int64_t> seen;
  for (int64_t v : r.toVector<int64_t>()) {
    ASSERT_TRUE(v >= -3 && v < 4) << v;
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 7u);
}

}  // namespace
}  // namespace ember::ops
