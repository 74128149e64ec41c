// Normalization layers: batch norm (eval with running statistics, and
// training mode computing batch statistics and updating the running ones in
// place), layer norm, group norm, instance norm.
#pragma once

#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

using OptTensor = std::optional<Tensor>;

Tensor batchNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias, const OptTensor& runningMean,
                 const OptTensor& runningVar, bool training, double momentum, double eps, bool cudnnEnabled);
// (output, save_mean, save_invstd); the saved statistics are empty in eval mode.
std::tuple<Tensor, Tensor, Tensor> nativeBatchNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                                                   const OptTensor& runningMean, const OptTensor& runningVar,
                                                   bool training, double momentum, double eps);

Tensor layerNorm(const Tensor& input, IntArrayRef normalizedShape, const OptTensor& weight, const OptTensor& bias,
                 double eps, bool cudnnEnable);
// (output, mean, rstd) with mean/rstd shaped like the input with the normalized dims set to 1.
std::tuple<Tensor, Tensor, Tensor> nativeLayerNorm(const Tensor& input, IntArrayRef normalizedShape,
                                                   const OptTensor& weight, const OptTensor& bias, double eps);

Tensor groupNorm(const Tensor& input, int64_t numGroups, const OptTensor& weight, const OptTensor& bias, double eps,
                 bool cudnnEnabled);
// (output, mean [N, group], rstd [N, group]).
std::tuple<Tensor, Tensor, Tensor> nativeGroupNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                                                   int64_t N, int64_t C, int64_t HxW, int64_t group, double eps);

Tensor instanceNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias, const OptTensor& runningMean,
                    const OptTensor& runningVar, bool useInputStats, double momentum, double eps, bool cudnnEnabled);

}  // namespace ember::kernels
