// Interpolation (F.interpolate's kernels): nearest, nearest-exact, linear
// (1-3 dims), bicubic, and the antialiased bilinear/bicubic resizes, with
// PyTorch 1.13's index and weight arithmetic (float32 for float inputs).
#pragma once

#include <array>
#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

enum class InterpMode { Nearest, NearestExact, Linear, Cubic, LinearAA, CubicAA };

// The `.vec` overloads: exactly one of outputSize and scaleFactors; spatial
// dims = input.dim() - 2 and must equal nd.
Tensor upsampleVec(const Tensor& input, std::optional<IntArrayRef> outputSize,
                   std::optional<ArrayRef<double>> scaleFactors, int64_t nd, InterpMode mode, bool alignCorners);

// The explicit overloads: outputSize has nd values; scales (one per spatial
// dim, outermost first) only steer the index arithmetic.
Tensor upsample(const Tensor& input, IntArrayRef outputSize, int64_t nd, InterpMode mode, bool alignCorners,
                std::array<std::optional<double>, 3> scales);

}  // namespace ember::kernels
