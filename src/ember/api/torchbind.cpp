#include "ember/api/torchbind.h"

#include "ember/support/error.h"
#include "ember/value/containers.h"
#include "ember/tensor/tensor.h"

namespace ember::api {

std::optional<IValue> buildTorchbindObject(const std::string& qualifiedName, const IValue& state) {
  // xnnpack::LinearOpContext: (weight, bias?, output_min?, output_max?), kept
  // as that tuple; prepacked::linear_clamp_run (ops/archive_ops.cpp) reads it.
  if (qualifiedName == "__torch__.torch.classes.xnnpack.LinearOpContext") {
    bool ok = state.isTuple() && state.toTuple().elements.size() == 4 && state.toTuple().elements[0].isTensor();
    if (!ok) EMBER_FAIL_KIND(Format, "malformed state of {}: expected (weight, bias, min, max)", qualifiedName);
    return state;
  }
  // quantized::LinearPackedParamsBase: (weight, bias?) with weight a quantized
  // tensor (see quantizedTensorResolver); kept as ("linear_packed", int8
  // weight, scale, zero point, bias) for quantized::linear_dynamic.
  if (qualifiedName == "__torch__.torch.classes.quantized.LinearPackedParamsBase") {
    const auto* st = state.isTuple() ? &state.toTuple().elements : nullptr;
    const auto* q = st && st->size() >= 2 && (*st)[0].isTuple() ? &(*st)[0].toTuple().elements : nullptr;
    if (!q || q->size() != 4 || !(*q)[0].isString() || (*q)[0].toStringRef() != "qtensor")
      EMBER_FAIL_KIND(Format, "malformed state of {}: expected (quantized weight, bias)", qualifiedName);
    return IValue(makeTuple({IValue(std::string("linear_packed")), (*q)[1], (*q)[2], (*q)[3], (*st)[1]}));
  }
  return std::nullopt;
}

serialization::GlobalResolver quantizedTensorResolver() {
  return [](std::string_view module, std::string_view name) -> std::optional<serialization::PickleGlobal> {
    using serialization::PickleGlobal;
    // The bytes of a qint8 storage are those of an int8 one.
    if (module == "torch" && name == "QInt8Storage") return PickleGlobal::ofValue(static_cast<int64_t>(DType::Char));
    if (module != "torch._utils" || name != "_rebuild_qtensor") return std::nullopt;
    return PickleGlobal::ofFunction([](std::span<const IValue> a) -> IValue {
      // (storage, offset, size, stride, (qscheme, scale, zero_point), requires_grad, hooks)
      if (a.size() < 5 || !a[4].isTuple()) EMBER_FAIL("malformed quantized tensor");
      const auto& qp = a[4].toTuple().elements;
      if (qp.size() != 3 || !qp[0].isInt() || qp[0].toInt() != 0 || !qp[1].isDouble() || !qp[2].isInt())
        EMBER_FAIL_KIND(NotImplemented, "quantized tensors other than per-tensor affine are not supported");
      auto rebuild = serialization::resolveTorchGlobal("torch._utils", "_rebuild_tensor");
      IValue t = rebuild->function(a.subspan(0, 4));
      if (t.toTensor().dtype() != DType::Char)
        EMBER_FAIL_KIND(NotImplemented, "quantized tensors other than qint8 are not supported");
      return IValue(makeTuple({IValue(std::string("qtensor")), t, qp[1], qp[2]}));
    });
  };
}

}  // namespace ember::api
