// Pooling: max, average and adaptive pooling over 1, 2 or 3 spatial dims,
// with PyTorch 1.13's output-size rules (ceil_mode, padding, dilation) and
// its argument checks and messages.
#pragma once

#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

Tensor maxPool1d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode);
std::tuple<Tensor, Tensor> maxPool1dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode);
Tensor maxPool2d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode);
std::tuple<Tensor, Tensor> maxPool2dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode);
Tensor maxPool3d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, IntArrayRef dilation,
                 bool ceilMode);
std::tuple<Tensor, Tensor> maxPool3dWithIndices(const Tensor& self, IntArrayRef kernel, IntArrayRef stride,
                                                IntArrayRef padding, IntArrayRef dilation, bool ceilMode);

Tensor avgPool1d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad);
Tensor avgPool2d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad, std::optional<int64_t> divisorOverride);
Tensor avgPool3d(const Tensor& self, IntArrayRef kernel, IntArrayRef stride, IntArrayRef padding, bool ceilMode,
                 bool countIncludePad, std::optional<int64_t> divisorOverride);

Tensor adaptiveAvgPool1d(const Tensor& self, IntArrayRef outputSize);
Tensor adaptiveAvgPool2d(const Tensor& self, IntArrayRef outputSize);
Tensor adaptiveAvgPool3d(const Tensor& self, IntArrayRef outputSize);
// aten::_adaptive_avg_pool2d/3d: the kernel itself, without the global-mean shortcut.
Tensor adaptiveAvgPool2dKernel(const Tensor& self, IntArrayRef outputSize);
Tensor adaptiveAvgPool3dKernel(const Tensor& self, IntArrayRef outputSize);

std::tuple<Tensor, Tensor> adaptiveMaxPool1d(const Tensor& self, IntArrayRef outputSize);
std::tuple<Tensor, Tensor> adaptiveMaxPool2d(const Tensor& self, IntArrayRef outputSize);
std::tuple<Tensor, Tensor> adaptiveMaxPool3d(const Tensor& self, IntArrayRef outputSize);

}  // namespace ember::kernels
