// Comparisons and logical ops: bool results for the functional forms; the
// in-place forms store 0/1 in self's dtype. Inputs are compared in their
// common dtype (an int tensor against 2.5 compares as float).
#pragma once

#include "ember/tensor/tensor.h"

namespace ember::kernels {

#define EMBER_COMPARE_DECL(name)                                 \
  Tensor name(const Tensor& self, const Tensor& other);          \
  Tensor name(const Tensor& self, const Scalar& other);          \
  Tensor name##_(const Tensor& self, const Tensor& other);       \
  Tensor name##_(const Tensor& self, const Scalar& other);

EMBER_COMPARE_DECL(eq)
EMBER_COMPARE_DECL(ne)
EMBER_COMPARE_DECL(lt)
EMBER_COMPARE_DECL(le)
EMBER_COMPARE_DECL(gt)
EMBER_COMPARE_DECL(ge)
#undef EMBER_COMPARE_DECL

Tensor logical_and(const Tensor& self, const Tensor& other);
Tensor logical_and_(const Tensor& self, const Tensor& other);
Tensor logical_or(const Tensor& self, const Tensor& other);
Tensor logical_or_(const Tensor& self, const Tensor& other);
Tensor logical_xor(const Tensor& self, const Tensor& other);
Tensor logical_xor_(const Tensor& self, const Tensor& other);

}  // namespace ember::kernels
