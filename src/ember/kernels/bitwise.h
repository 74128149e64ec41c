// Bitwise and/or/xor (integer and bool tensors) and shifts (integer tensors).
// Shifts keep PyTorch 1.13's x86 behaviour: the count is taken modulo the
// width of the promoted type (int32 << 40 shifts by 8).
#pragma once

#include "ember/tensor/tensor.h"

namespace ember::kernels {

#define EMBER_BITWISE_DECL(name)                              \
  Tensor name(const Tensor& self, const Tensor& other);       \
  Tensor name(const Tensor& self, const Scalar& other);       \
  Tensor name(const Scalar& self, const Tensor& other);       \
  Tensor name##_(const Tensor& self, const Tensor& other);    \
  Tensor name##_(const Tensor& self, const Scalar& other);

EMBER_BITWISE_DECL(bitwise_and)
EMBER_BITWISE_DECL(bitwise_or)
EMBER_BITWISE_DECL(bitwise_xor)
EMBER_BITWISE_DECL(bitwise_left_shift)
EMBER_BITWISE_DECL(bitwise_right_shift)
#undef EMBER_BITWISE_DECL

}  // namespace ember::kernels
