// Quantized operators of dynamically quantized models. The packed weights
// are the tuple api/torchbind.cpp builds from LinearPackedParamsBase's state:
// ("linear_packed", int8 weight, scale, zero point, bias).
#include "ember/kernels/qlinear.h"
#include "ember/ops/registry.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::ops {

void registerQuantizedOps(Registry& r) {
  r.defBoxed("quantized::linear_dynamic(Tensor X, Any W_prepack, bool reduce_range=False) -> Tensor Y", [](Stack& s) {
    bool reduceRange = s.back().toBool();
    s.pop_back();
    IValue packed = std::move(s.back());
    s.pop_back();
    const auto* p = packed.isTuple() ? &packed.toTuple().elements : nullptr;
    EMBER_CHECK(p && p->size() == 5 && (*p)[0].isString() && (*p)[0].toStringRef() == "linear_packed",
                "quantized::linear_dynamic: expected LinearPackedParamsBase packed weights");
    std::optional<Tensor> bias;
    if ((*p)[4].isTensor()) bias = (*p)[4].toTensor();
    s.back() = kernels::linearDynamicInt8(s.back().toTensor(), (*p)[1].toTensor(), (*p)[2].toDouble(),
                                          (*p)[3].toInt(), bias, reduceRange);
  });
}

}  // namespace ember::ops
