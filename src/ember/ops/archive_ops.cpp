// Operators that real archives call where no op family has them yet:
// spellings the serializer prints (ops.prim.shape), overloads that archives
// reference in branches ember never takes (aten::lstm.data, for packed
// sequences), which must resolve at load time for the archive to compile at
// all; and XNNPACK's prepacked linear.
#include "ember/ops/registry.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::ops {

namespace {

// XNNPACK-prepacked linear layers (torch.utils.mobile_optimizer): ember
// keeps a LinearOpContext as the tuple its __getstate__ returns (weight,
// bias, output_min, output_max), see api/torchbind.cpp, and runs linear +
// clamp on it.
void linearClampRun(Stack& s) {
  IValue ctx = std::move(s.back());
  s.pop_back();
  EMBER_CHECK(ctx.isTuple() && ctx.toTuple().elements.size() == 4,
              "prepacked::linear_clamp_run: expected an xnnpack LinearOpContext");
  const auto& st = ctx.toTuple().elements;
  const Registry& reg = Registry::global();
  IValue y = callOp(*reg.find("aten::linear"), {s.back(), st[0], st[1]}, {});
  if (!st[2].isNone() || !st[3].isNone()) y = callOp(*reg.find("aten::clamp"), {y, st[2], st[3]}, {});
  s.back() = std::move(y);
}

}  // namespace

void registerArchiveOps(Registry& r) {
  r.defBoxed("prepacked::linear_clamp_run(Tensor X, Any W_prepack) -> Tensor Y", linearClampRun);
  r.defBoxed("prim::shape(Tensor self) -> int[]", [](Stack& s) {
    const Tensor& t = s.back().toTensor();
    std::vector<int64_t> sizes(t.sizes().begin(), t.sizes().end());
    s.back() = intList(sizes);
  });
  r.defBoxed(
      "aten::lstm.data(Tensor data, Tensor batch_sizes, Tensor[] hx, Tensor[] params, bool has_biases, int "
      "num_layers, float dropout, bool train, bool bidirectional) -> (Tensor, Tensor, Tensor)",
      [](Stack&) {
        EMBER_FAIL_KIND(NotImplemented, "LSTM on packed sequences (aten::lstm.data) is not supported by ember");
      });
}

}  // namespace ember::ops
