// Dropout (inference: identity) and the pixel/channel shuffles.
#pragma once

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// The four dropout flavours share one rule: identity unless training with
// 0 < p; p == 1 multiplies by zero. Training with 0 < p < 1 needs PyTorch's
// random stream, which ember does not reproduce: NotImplementedError.
enum class DropoutKind { Plain, Feature, Alpha, FeatureAlpha };
Tensor dropout(const Tensor& input, double p, bool train, DropoutKind kind);
// In place: returns self (modified only when training with p == 1).
Tensor dropoutInPlace(const Tensor& self, double p, bool train, DropoutKind kind);

Tensor pixelShuffle(const Tensor& self, int64_t upscaleFactor);
Tensor pixelUnshuffle(const Tensor& self, int64_t downscaleFactor);
Tensor channelShuffle(const Tensor& self, int64_t groups);
Tensor nativeChannelShuffle(const Tensor& self, int64_t groups);

}  // namespace ember::kernels
