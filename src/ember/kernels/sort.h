// Sorting and selection: sort/argsort, topk, kthvalue, unique. The tie
// orders match PyTorch 1.13's CPU kernels, which run the same standard
// library algorithms (std::sort is not stable, so a non-stable sort's order
// of equal keys is whatever libstdc++'s introsort produces: ember runs the
// same algorithm on the same input order). NaN sorts as the largest value.
#pragma once

#include <optional>
#include <tuple>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

std::tuple<Tensor, Tensor> sort(const Tensor& self, std::optional<bool> stable, int64_t dim = -1,
                                bool descending = false);
std::tuple<Tensor, Tensor> sort(const Tensor& self, int64_t dim = -1, bool descending = false);
Tensor argsort(const Tensor& self, int64_t dim = -1, bool descending = false);
Tensor argsort(const Tensor& self, bool stable, int64_t dim = -1, bool descending = false);
Tensor msort(const Tensor& self);
std::tuple<Tensor, Tensor> topk(const Tensor& self, int64_t k, int64_t dim = -1, bool largest = true,
                                bool sorted = true);
std::tuple<Tensor, Tensor> kthvalue(const Tensor& self, int64_t k, int64_t dim = -1, bool keepdim = false);

// (values, inverse, counts). inverse/counts are empty [0] tensors when not asked for.
std::tuple<Tensor, Tensor, Tensor> unique2(const Tensor& self, bool sorted = true, bool returnInverse = false,
                                           bool returnCounts = false);
std::tuple<Tensor, Tensor> unique(const Tensor& self, bool sorted = true, bool returnInverse = false);
std::tuple<Tensor, Tensor, Tensor> uniqueDim(const Tensor& self, int64_t dim, bool sorted = true,
                                             bool returnInverse = false, bool returnCounts = false);
std::tuple<Tensor, Tensor, Tensor> uniqueConsecutive(const Tensor& self, bool returnInverse = false,
                                                     bool returnCounts = false,
                                                     std::optional<int64_t> dim = std::nullopt);

}  // namespace ember::kernels
