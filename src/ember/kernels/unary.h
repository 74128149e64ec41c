// One-input element-wise math: exp, log, trig, rounding, sign, ... Each op
// has a functional form and an in-place form (name_) that writes self and
// returns it. Integer and bool inputs of the float-valued functions compute in
// float32, as PyTorch does; their in-place forms then refuse integer tensors.
#pragma once

#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

#define EMBER_UNARY_DECL(name)          \
  Tensor name(const Tensor& self);      \
  Tensor name##_(const Tensor& self);

// Float-valued.
EMBER_UNARY_DECL(exp)
EMBER_UNARY_DECL(expm1)
EMBER_UNARY_DECL(log)
EMBER_UNARY_DECL(log2)
EMBER_UNARY_DECL(log10)
EMBER_UNARY_DECL(log1p)
EMBER_UNARY_DECL(sqrt)
EMBER_UNARY_DECL(rsqrt)
EMBER_UNARY_DECL(sin)
EMBER_UNARY_DECL(cos)
EMBER_UNARY_DECL(tan)
EMBER_UNARY_DECL(asin)
EMBER_UNARY_DECL(acos)
EMBER_UNARY_DECL(atan)
EMBER_UNARY_DECL(sinh)
EMBER_UNARY_DECL(cosh)
EMBER_UNARY_DECL(tanh)
EMBER_UNARY_DECL(sigmoid)
EMBER_UNARY_DECL(erf)
EMBER_UNARY_DECL(erfc)
EMBER_UNARY_DECL(reciprocal)
// Type-preserving.
EMBER_UNARY_DECL(abs)
EMBER_UNARY_DECL(neg)
EMBER_UNARY_DECL(floor)
EMBER_UNARY_DECL(ceil)
EMBER_UNARY_DECL(round)
EMBER_UNARY_DECL(trunc)
EMBER_UNARY_DECL(frac)
EMBER_UNARY_DECL(sign)
EMBER_UNARY_DECL(square)
EMBER_UNARY_DECL(bitwise_not)
EMBER_UNARY_DECL(logical_not)
#undef EMBER_UNARY_DECL

Tensor round(const Tensor& self, int64_t decimals);
Tensor round_(const Tensor& self, int64_t decimals);

// Bool results.
Tensor isnan(const Tensor& self);
Tensor isinf(const Tensor& self);
Tensor isfinite(const Tensor& self);

Tensor nan_to_num(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                  std::optional<double> neginf);
Tensor nan_to_num_(const Tensor& self, std::optional<double> nan, std::optional<double> posinf,
                   std::optional<double> neginf);

}  // namespace ember::kernels
