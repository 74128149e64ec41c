// Two-input arithmetic with broadcasting and type promotion. Scalar
// overloads treat the number as a wrapped 0-dim tensor, so `int_tensor * 2`
// stays int and `int_tensor * 2.5` becomes float32, as in PyTorch.
// name_ forms write self (which must already have the broadcast shape and be
// able to hold the result type) and return it.
#pragma once

#include <optional>
#include <string_view>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// self + alpha * other.
Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha);
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha);
Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha);
Tensor add_(const Tensor& self, const Scalar& other, const Scalar& alpha);
// self - alpha * other; bool tensors are refused.
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha);
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha);
Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha);
Tensor sub_(const Tensor& self, const Scalar& other, const Scalar& alpha);
// other - alpha * self.
Tensor rsub(const Tensor& self, const Tensor& other, const Scalar& alpha);
Tensor rsub(const Tensor& self, const Scalar& other, const Scalar& alpha);

Tensor mul(const Tensor& self, const Tensor& other);
Tensor mul(const Tensor& self, const Scalar& other);
Tensor mul_(const Tensor& self, const Tensor& other);
Tensor mul_(const Tensor& self, const Scalar& other);

// roundingMode: none (true division, integers become float), "trunc" or "floor".
// Integer division by zero raises "ZeroDivisionError", as PyTorch does.
Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string_view> roundingMode = std::nullopt);
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string_view> roundingMode = std::nullopt);
Tensor div_(const Tensor& self, const Tensor& other, std::optional<std::string_view> roundingMode = std::nullopt);
Tensor div_(const Tensor& self, const Scalar& other, std::optional<std::string_view> roundingMode = std::nullopt);
Tensor floor_divide(const Tensor& self, const Tensor& other);
Tensor floor_divide(const Tensor& self, const Scalar& other);
Tensor floor_divide_(const Tensor& self, const Tensor& other);
Tensor floor_divide_(const Tensor& self, const Scalar& other);

// Python's %: the result has the divisor's sign.
Tensor remainder(const Tensor& self, const Tensor& other);
Tensor remainder(const Tensor& self, const Scalar& other);
Tensor remainder(const Scalar& self, const Tensor& other);
Tensor remainder_(const Tensor& self, const Tensor& other);
Tensor remainder_(const Tensor& self, const Scalar& other);
// C's fmod: the result has the dividend's sign.
Tensor fmod(const Tensor& self, const Tensor& other);
Tensor fmod(const Tensor& self, const Scalar& other);
Tensor fmod_(const Tensor& self, const Tensor& other);
Tensor fmod_(const Tensor& self, const Scalar& other);

Tensor pow(const Tensor& self, const Tensor& exponent);
Tensor pow(const Tensor& self, const Scalar& exponent);
Tensor pow(const Scalar& self, const Tensor& exponent);
Tensor pow_(const Tensor& self, const Tensor& exponent);
Tensor pow_(const Tensor& self, const Scalar& exponent);

// NaN-propagating element-wise max / min.
Tensor maximum(const Tensor& self, const Tensor& other);
Tensor maximum_(const Tensor& self, const Tensor& other);  // clamp_min_.Tensor
Tensor minimum(const Tensor& self, const Tensor& other);
Tensor minimum_(const Tensor& self, const Tensor& other);  // clamp_max_.Tensor

Tensor atan2(const Tensor& self, const Tensor& other);
Tensor atan2_(const Tensor& self, const Tensor& other);

}  // namespace ember::kernels
