// Dynamically quantized linear (torch.ao.quantization.quantize_dynamic's
// nn.quantized.dynamic.Linear): the input is quantized per call to uint8
// with parameters chosen from its range, multiplied with int8 weights in
// integers, and scaled back to float, as PyTorch's fbgemm/onednn kernels do,
// so results match theirs to rounding.
#pragma once

#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// x: float [..., K]; weight: int8 [N, K] with per-tensor (scale, zeroPoint).
// reduceRange quantizes the input to 7 bits (quint8 in [0, 127]).
Tensor linearDynamicInt8(const Tensor& x, const Tensor& weight, double weightScale, int64_t weightZeroPoint,
                         const std::optional<Tensor>& bias, bool reduceRange);

}  // namespace ember::kernels
