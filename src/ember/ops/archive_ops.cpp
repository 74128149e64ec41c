// Operators that only serialized TorchScript calls by name: spellings the
// serializer prints (ops.prim.shape) and overloads that archives reference in
// branches ember never takes (aten::lstm.data, for packed sequences), which
// must resolve at load time for the archive to compile at all.
#include "ember/ops/registry.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::ops {

void registerArchiveOps(Registry& r) {
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
