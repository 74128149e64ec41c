// Loss functions. reduction: 0 none, 1 mean, 2 sum (at::Reduction). The
// elementwise losses broadcast their operands and promote dtypes as the
// PyTorch expressions they are defined by do.
#pragma once

#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

Tensor l1Loss(const Tensor& self, const Tensor& target, int64_t reduction);
Tensor mseLoss(const Tensor& self, const Tensor& target, int64_t reduction);
Tensor smoothL1Loss(const Tensor& self, const Tensor& target, int64_t reduction, double beta);
Tensor huberLoss(const Tensor& self, const Tensor& target, int64_t reduction, double delta);
Tensor binaryCrossEntropy(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                          int64_t reduction);
Tensor binaryCrossEntropyWithLogits(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                                    const std::optional<Tensor>& posWeight, int64_t reduction);

// Class-index targets (Long) or, when target has self's shape, class probabilities.
Tensor crossEntropyLoss(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                        int64_t reduction, int64_t ignoreIndex, double labelSmoothing);
// self: [C] or [N, C] log-probabilities.
Tensor nllLoss(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
               int64_t ignoreIndex);
std::tuple<Tensor, Tensor> nllLossForward(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                                          int64_t reduction, int64_t ignoreIndex);
// self: [N, C, H, W], target [N, H, W].
Tensor nllLoss2d(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
                 int64_t ignoreIndex);
std::tuple<Tensor, Tensor> nllLoss2dForward(const Tensor& self, const Tensor& target,
                                            const std::optional<Tensor>& weight, int64_t reduction,
                                            int64_t ignoreIndex);
// Any number of dims: [C], [N, C], [N, C, d1, ...].
Tensor nllLossNd(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
                 int64_t ignoreIndex);

}  // namespace ember::kernels
