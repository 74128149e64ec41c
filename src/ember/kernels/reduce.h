// Reductions and scans (PyTorch 1.13 semantics): sum, mean, prod, min/max
// and their index variants, any/all, var/std, norms, logsumexp, cumsum/cumprod.
// Dim lists accept negative dims; an empty list (or nullopt) means every dim
// unless noted. Integer and bool inputs sum/multiply into int64.
#pragma once

#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// ---- reduce_sum.cpp
Tensor sum(const Tensor& self, std::optional<DType> dtype);
Tensor sumDim(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype);
Tensor nansum(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype);
Tensor mean(const Tensor& self, std::optional<DType> dtype);
Tensor meanDim(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype);
Tensor nanmean(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype);
Tensor prod(const Tensor& self, std::optional<DType> dtype);
Tensor prodDim(const Tensor& self, int64_t dim, bool keepdim, std::optional<DType> dtype);
Tensor countNonzero(const Tensor& self, std::optional<int64_t> dim);
Tensor countNonzeroDims(const Tensor& self, IntArrayRef dim);
// An empty dim list with keepdim=false on a tensor with dims fails as in PyTorch.
Tensor logsumexp(const Tensor& self, IntArrayRef dim, bool keepdim);

// ---- reduce_minmax.cpp
Tensor amax(const Tensor& self, IntArrayRef dim, bool keepdim);
Tensor amin(const Tensor& self, IntArrayRef dim, bool keepdim);
Tensor max(const Tensor& self);
Tensor min(const Tensor& self);
// (values, indices); ties and NaNs resolve to the first occurrence.
std::tuple<Tensor, Tensor> maxDim(const Tensor& self, int64_t dim, bool keepdim);
std::tuple<Tensor, Tensor> minDim(const Tensor& self, int64_t dim, bool keepdim);
// dim = nullopt: index into the flattened tensor.
Tensor argmax(const Tensor& self, std::optional<int64_t> dim, bool keepdim);
Tensor argmin(const Tensor& self, std::optional<int64_t> dim, bool keepdim);
// (min, max)
std::tuple<Tensor, Tensor> aminmax(const Tensor& self, std::optional<int64_t> dim, bool keepdim);
// bool results, except uint8 inputs give uint8 as in PyTorch.
Tensor any(const Tensor& self);
Tensor anyDim(const Tensor& self, int64_t dim, bool keepdim);
Tensor all(const Tensor& self);
Tensor allDim(const Tensor& self, int64_t dim, bool keepdim);

// ---- reduce_stats.cpp
// correction = nullopt means 1 (Bessel's correction).
Tensor variance(const Tensor& self, std::optional<IntArrayRef> dim, std::optional<int64_t> correction, bool keepdim);
Tensor stdDev(const Tensor& self, std::optional<IntArrayRef> dim, std::optional<int64_t> correction, bool keepdim);
// (var, mean) and (std, mean)
std::tuple<Tensor, Tensor> varMean(const Tensor& self, std::optional<IntArrayRef> dim,
                                   std::optional<int64_t> correction, bool keepdim);
std::tuple<Tensor, Tensor> stdMean(const Tensor& self, std::optional<IntArrayRef> dim,
                                   std::optional<int64_t> correction, bool keepdim);
// aten::norm: p = nullopt means 2; an empty dim list means every dim.
Tensor norm(const Tensor& self, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim,
            std::optional<DType> dtype);
Tensor linalgVectorNorm(const Tensor& self, const Scalar& ord, std::optional<IntArrayRef> dim, bool keepdim,
                        std::optional<DType> dtype);
Tensor frobeniusNorm(const Tensor& self, IntArrayRef dim, bool keepdim);

// ---- reduce_scan.cpp
Tensor cumsum(const Tensor& self, int64_t dim, std::optional<DType> dtype);
Tensor cumprod(const Tensor& self, int64_t dim, std::optional<DType> dtype);
// In place: dtype, when given, must equal self's.
Tensor cumsum_(const Tensor& self, int64_t dim, std::optional<DType> dtype);
Tensor cumprod_(const Tensor& self, int64_t dim, std::optional<DType> dtype);

}  // namespace ember::kernels
