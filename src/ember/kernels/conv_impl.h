// Internal to the convolution kernels: the resolved geometry of one call and
// the two backends (oneDNN, reference) conv.cpp dispatches to.
#pragma once

#include <optional>

#include "ember/tensor/tensor.h"

namespace ember::kernels::conv_detail {

// Spatial quantities use three slots (depth, height, width); a 1-d or 2-d
// convolution leaves the leading slots neutral (size 1, stride 1, pad 0).
struct ConvGeom {
  int64_t nd = 2;  // spatial dims, 1..3
  int64_t N = 0, Cin = 0, Cout = 0, groups = 1;
  int64_t in[3] = {1, 1, 1}, out[3] = {1, 1, 1}, k[3] = {1, 1, 1};
  int64_t s[3] = {1, 1, 1}, d[3] = {1, 1, 1};
  int64_t padL[3] = {0, 0, 0}, padR[3] = {0, 0, 0};
  bool transposed = false;

  int64_t inSpatial() const { return in[0] * in[1] * in[2]; }
  int64_t outSpatial() const { return out[0] * out[1] * out[2]; }
  int64_t kSpatial() const { return k[0] * k[1] * k[2]; }
};

// Runs the convolution through oneDNN into `out` ([N, Cout, *], any strides).
// Returns false, leaving `out` untouched, when oneDNN cannot run this
// configuration; the caller then uses the reference path. input and weight
// are float32 or bfloat16 (of one dtype), out has input's dtype.
bool runDnnl(const ConvGeom& g, const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
             const Tensor& out);

// The reference path for every dtype: im2col + BLAS GEMM for float/double,
// direct loops (wrapping integer arithmetic, as PyTorch's) for integers. out is contiguous.
void runReference(const ConvGeom& g, const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
                  const Tensor& out);

}  // namespace ember::kernels::conv_detail
