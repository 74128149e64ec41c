// Activation functions and clamping. Functional forms allocate; name_ forms
// write self and return it. Float-only activations (gelu, silu, ...) refuse
// integer tensors as PyTorch does rather than promoting them.
#pragma once

#include <optional>
#include <string_view>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

Tensor relu(const Tensor& self);
Tensor relu_(const Tensor& self);
Tensor relu6(const Tensor& self);
Tensor relu6_(const Tensor& self);
Tensor hardtanh(const Tensor& self, const Scalar& minVal, const Scalar& maxVal);
Tensor hardtanh_(const Tensor& self, const Scalar& minVal, const Scalar& maxVal);
// approximate: "none" (erf) or "tanh".
Tensor gelu(const Tensor& self, std::string_view approximate);
Tensor gelu_(const Tensor& self, std::string_view approximate);
Tensor silu(const Tensor& self);
Tensor silu_(const Tensor& self);
Tensor hardswish(const Tensor& self);
Tensor hardswish_(const Tensor& self);
Tensor hardsigmoid(const Tensor& self);
Tensor hardsigmoid_(const Tensor& self);
Tensor leaky_relu(const Tensor& self, const Scalar& negativeSlope);
Tensor leaky_relu_(const Tensor& self, const Scalar& negativeSlope);
Tensor elu(const Tensor& self, const Scalar& alpha, const Scalar& scale, const Scalar& inputScale);
Tensor elu_(const Tensor& self, const Scalar& alpha, const Scalar& scale, const Scalar& inputScale);
Tensor softplus(const Tensor& self, const Scalar& beta, const Scalar& threshold);
Tensor mish(const Tensor& self);
Tensor mish_(const Tensor& self);

// Scalar bounds take part in type promotion (an int tensor clamped to 0.5
// becomes float); at least one bound must be given.
Tensor clamp(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
Tensor clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
Tensor clamp(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max);
Tensor clamp_(const Tensor& self, const std::optional<Tensor>& min, const std::optional<Tensor>& max);
Tensor clamp_min(const Tensor& self, const Scalar& min);
Tensor clamp_min_(const Tensor& self, const Scalar& min);
Tensor clamp_max(const Tensor& self, const Scalar& max);
Tensor clamp_max_(const Tensor& self, const Scalar& max);
Tensor clamp_min(const Tensor& self, const Tensor& min);
Tensor clamp_min_(const Tensor& self, const Tensor& min);
Tensor clamp_max(const Tensor& self, const Tensor& max);
Tensor clamp_max_(const Tensor& self, const Tensor& max);

}  // namespace ember::kernels
