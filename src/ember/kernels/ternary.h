// Element-wise ops of three inputs: where, lerp, addcmul, addcdiv.
#pragma once

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// condition ? self : other; condition is bool (uint8 is accepted, as PyTorch still does).
Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other);
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other);
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other);
Tensor where(const Tensor& condition, const Scalar& self, const Scalar& other);

// self + weight * (end - self), in PyTorch's two-sided form; self, end (and a
// tensor weight) must share one floating dtype.
Tensor lerp(const Tensor& self, const Tensor& end, const Scalar& weight);
Tensor lerp(const Tensor& self, const Tensor& end, const Tensor& weight);
Tensor lerp_(const Tensor& self, const Tensor& end, const Scalar& weight);
Tensor lerp_(const Tensor& self, const Tensor& end, const Tensor& weight);

// self + value * tensor1 * tensor2
Tensor addcmul(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value);
Tensor addcmul_(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value);
// self + value * tensor1 / tensor2 (floating tensors only)
Tensor addcdiv(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value);
Tensor addcdiv_(const Tensor& self, const Tensor& tensor1, const Tensor& tensor2, const Scalar& value);

}  // namespace ember::kernels
