// Module::save: archives PyTorch 1.13 (the oracle, /usr/bin/python3) writes,
// loaded and changed by ember, saved, and checked by torch.jit.load. The
// Python side computes its expectations with PyTorch itself (the original
// module with the same changes applied), never from ember's output.
#include <gtest/gtest.h>

#include <memory>

#include "ember/api/ember.h"
#include "ember/support/error.h"
#include "ember/tensor/tensor.h"
#include "ember/value/containers.h"
#include "serialization/serialization_test_util.h"

namespace ember {
namespace {

using serialization::testing::haveTorch;
using serialization::testing::pythonOutput;
using serialization::testing::runPython;
using serialization::testing::TempDir;

#define REQUIRE_TORCH() \
  if (!haveTorch()) GTEST_SKIP() << "no PyTorch at " EMBER_PYTHON

constexpr const char* kMakeModule = R"PY(
import sys, torch
from typing import List
class Inner(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 2)
    def forward(self, x):
        return self.lin(x)
class M(torch.nn.Module):
    steps: List[int]
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.k = 2
        self.steps = [1, 2]
        self.register_buffer("shift", torch.zeros(2))
    def forward(self, x):
        return self.inner(x) * self.k + self.shift + float(sum(self.steps))
torch.manual_seed(0)
torch.jit.script(M()).save(sys.argv[1] + "/m.pt")
)PY";

// The changes ember makes, made again in PyTorch on the original.
constexpr const char* kCheckModified = R"PY(
import sys, torch
d = sys.argv[1]
ref = torch.jit.load(d + "/m.pt")
with torch.no_grad():
    ref.inner.lin.weight.copy_(torch.arange(6, dtype=torch.float32).view(2, 3))
ref.inner.lin.bias = torch.tensor([0.5, -0.5])
ref.k = 5
ref.steps = [10]
ref.shift = torch.tensor([100.0, 200.0])
got = torch.jit.load(d + "/out.pt")
assert got.k == 5, got.k
assert got.steps == [10], got.steps
assert torch.equal(got.inner.lin.weight, ref.inner.lin.weight), got.inner.lin.weight
assert got.inner.lin.weight.requires_grad
assert torch.equal(got.inner.lin.bias, ref.inner.lin.bias), got.inner.lin.bias
x = torch.randn(4, 3)
assert torch.equal(got(x), ref(x)), (got(x), ref(x))
print("ok")
)PY";

Tensor values(std::vector<float> v, std::vector<int64_t> shape) { return Tensor::fromVector(v, shape); }

TEST(ModuleSave, PyTorchSeesTheChanges) {
  REQUIRE_TORCH();
  TempDir dir;
  ASSERT_EQ(runPython(dir, kMakeModule), 0) << pythonOutput(dir);
  Module m = load(dir.file("m.pt"));
  Module inner = m;
  for (auto& [name, sub] : m.named_modules())
    if (name == "inner.lin") inner = sub;
  // In place on a parameter, and a parameter, an int, a list and a buffer replaced.
  for (auto& [name, t] : m.named_parameters())
    if (name == "inner.lin.weight") {
      float* p = t.data<float>();
      for (int i = 0; i < 6; ++i) p[i] = static_cast<float>(i);
    }
  inner.setattr("bias", IValue(values({0.5f, -0.5f}, {2})));
  m.setattr("k", IValue(int64_t{5}));
  m.setattr("steps", intList({10}));
  m.setattr("shift", IValue(values({100.f, 200.f}, {2})));
  m.save(dir.file("out.pt"));
  ASSERT_EQ(runPython(dir, kCheckModified), 0) << pythonOutput(dir);
}

TEST(ModuleSave, SavedBytesLoadBackInEmber) {
  REQUIRE_TORCH();
  TempDir dir;
  ASSERT_EQ(runPython(dir, kMakeModule), 0) << pythonOutput(dir);
  Module m = load(dir.file("m.pt"));
  m.setattr("k", IValue(int64_t{7}));
  auto bytes = std::make_shared<const std::vector<uint8_t>>(m.save_to_bytes());
  Module again = load(bytes, "saved");
  EXPECT_EQ(again.attr("k").toInt(), 7);
  Tensor x = values({1, 2, 3}, {1, 3});
  Tensor a = m.forward({IValue(x)}).toTensor();
  Tensor b = again.forward({IValue(x)}).toTensor();
  ASSERT_EQ(a.numel(), b.numel());
  for (int64_t i = 0; i < a.numel(); ++i) EXPECT_EQ(a.data<float>()[i], b.data<float>()[i]);
  EXPECT_EQ(again.named_parameters().size(), m.named_parameters().size());
}

}  // namespace
}  // namespace ember
