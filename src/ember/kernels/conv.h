// Convolution, 1-3 spatial dims, plain and transposed, grouped and depthwise,
// with PyTorch 1.13's argument checks and messages. float32 and bfloat16 run
// through oneDNN (blocked weight layouts chosen by oneDNN and cached per
// weight); float64 and integer dtypes through a reference im2col + GEMM.
#pragma once

#include <optional>
#include <string_view>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// aten::convolution / aten::_convolution: input is batched ([N, C, *]).
Tensor convolution(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                   IntArrayRef padding, IntArrayRef dilation, bool transposed, IntArrayRef outputPadding,
                   int64_t groups);

// aten::conv1d/2d/3d: nd spatial dims, input batched or not.
Tensor convNd(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
              IntArrayRef padding, IntArrayRef dilation, int64_t groups, int64_t nd);
// aten::conv{1,2,3}d.padding: padding "same" or "valid".
Tensor convNdPadding(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                     std::string_view padding, IntArrayRef dilation, int64_t groups, int64_t nd);
// aten::_convolution_mode: batched input, padding "same" or "valid".
Tensor convolutionMode(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                       std::string_view padding, IntArrayRef dilation, int64_t groups);
// aten::conv_transpose1d / conv_transpose2d.input / conv_transpose3d.input.
Tensor convTransposeNd(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                       IntArrayRef padding, IntArrayRef outputPadding, int64_t groups, IntArrayRef dilation,
                       int64_t nd);

}  // namespace ember::kernels
