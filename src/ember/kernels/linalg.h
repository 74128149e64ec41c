// Matrix products (PyTorch 1.13 semantics and error messages): mm, bmm,
// matmul with all its rank cases and batch broadcasting, addmm/addmv/addbmm/
// baddbmm, dot, mv, linear, outer, inner, einsum.
// float32/float64 go through OpenBLAS with transposition flags (no copies of
// transposed views); bfloat16 and integer types use a plain loop, as PyTorch
// supports them on CPU. float16 and bool are refused like PyTorch does.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ember/tensor/tensor.h"

namespace ember::kernels {

Tensor mm(const Tensor& self, const Tensor& mat2);
Tensor bmm(const Tensor& self, const Tensor& mat2);
Tensor matmul(const Tensor& self, const Tensor& other);
Tensor mv(const Tensor& self, const Tensor& vec);
Tensor dot(const Tensor& self, const Tensor& other);
Tensor vdot(const Tensor& self, const Tensor& other);
Tensor outer(const Tensor& self, const Tensor& vec2);
Tensor inner(const Tensor& self, const Tensor& other);
// input @ weight.T + bias, any number of leading dims.
Tensor linear(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias);

// beta * self + alpha * product; beta = 0 ignores self (NaNs included),
// alpha = 0 ignores the product.
Tensor addmm(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha);
Tensor addmv(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta, const Scalar& alpha);
Tensor baddbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
               const Scalar& alpha);
// Sums the batch of products into one matrix.
Tensor addbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
              const Scalar& alpha);
// In place: self must already have the result's shape.
Tensor addmm_(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha);
Tensor addmv_(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta, const Scalar& alpha);
Tensor baddbmm_(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
                const Scalar& alpha);
Tensor addbmm_(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
               const Scalar& alpha);

// "ij,jk->ik" style; sums over repeated and dropped labels, supports "...".
Tensor einsum(std::string_view equation, const std::vector<Tensor>& tensors);

// OpenBLAS's thread count (it defaults to all cores). OpenBLAS worker threads
// spin while waiting, which on a shared machine starves the threads holding
// the data; ember runs BLAS single-threaded per call (the default, set before
// the first call) and parallelizes over batches instead.
void setLinalgThreads(int n);

}  // namespace ember::kernels
