// Random sampling: bernoulli, uniform, normal, rand/randn/randint/randperm.
// ember cannot reproduce PyTorch's generator streams, so these draw from a
// per-thread Mersenne Twister; what must match PyTorch is everything else:
// dtypes, shapes, argument checks, and the deterministic cases (p = 0 or 1,
// std = 0, from == to, randint over one value). Models run them only in
// training branches (torchvision's stochastic_depth), which eval mode skips.
#pragma once

#include <cstdint>
#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

// Reseeds the calling thread's generator (tests; PyTorch's torch.manual_seed).
void manualSeed(uint64_t seed);

Tensor bernoulli_(const Tensor& self, double p);
Tensor bernoulli_(const Tensor& self, const Tensor& p);
Tensor bernoulli(const Tensor& self);  // p = self's values
Tensor bernoulli(const Tensor& self, double p);
Tensor bernoulli(const Tensor& self, const Tensor& p);

Tensor uniform_(const Tensor& self, double from, double to);
Tensor normal_(const Tensor& self, double mean, double std);

Tensor rand(IntArrayRef size, std::optional<DType> dtype);
Tensor randn(IntArrayRef size, std::optional<DType> dtype);
Tensor randLike(const Tensor& self, std::optional<DType> dtype);
Tensor randnLike(const Tensor& self, std::optional<DType> dtype);
Tensor randint(int64_t low, int64_t high, IntArrayRef size, std::optional<DType> dtype);
Tensor randintLike(const Tensor& self, int64_t low, int64_t high, std::optional<DType> dtype);
Tensor randperm(int64_t n, std::optional<DType> dtype);

}  // namespace ember::kernels
