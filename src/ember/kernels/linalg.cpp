// Matrix products. Every product funnels into gemmInto (one 2-D product
// into a contiguous row-major result) or gemvInto; float32/float64 call
// OpenBLAS, passing transposed views as transposition flags instead of
// copying them. Batched products iterate broadcast batch dims by offset, so
// an expanded operand is never materialized.
#include "ember/kernels/linalg.h"

#include <cblas.h>

#include <climits>
#include <cstring>
#include <vector>

#include "ember/kernels/reduce_common.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

using reduce_detail::castTo;
using reduce_detail::notImplementedFor;

namespace {

// ---------------------------------------------------------------- OpenBLAS threads

void ensureBlasThreads() {
  // OpenBLAS starts with one spinning worker per core; see linalg.h.
  // TODO(threads): oneDNN's matmul may serve float32 better once it is wired in.
  static const bool configured = [] {
    openblas_set_num_threads(1);
    return true;
  }();
  (void)configured;
}

// ---------------------------------------------------------------- shapes and views

Tensor reshape(const Tensor& t, IntArrayRef sizes) {
  Tensor c = t.contiguous();
  return c.asStrided(sizes, contiguousStrides(sizes), c.storageOffset());
}

// Swaps the last two dims (a view); 0-D and 1-D tensors are returned as is.
Tensor transposeLast(const Tensor& t) {
  if (t.dim() < 2) return t;
  DimVector sizes(t.sizes()), strides(t.strides());
  std::swap(sizes[sizes.size() - 1], sizes[sizes.size() - 2]);
  std::swap(strides[strides.size() - 1], strides[strides.size() - 2]);
  return t.asStrided(sizes, strides, t.storageOffset());
}

Tensor unsqueeze(const Tensor& t, int64_t d) {
  DimVector sizes(t.sizes()), strides(t.strides());
  const int64_t stride = d < t.dim() ? t.size(d) * t.stride(d) : 1;
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, stride);
  return t.asStrided(sizes, strides, t.storageOffset());
}

// Tensor.expand with PyTorch's messages.
Tensor expandTo(const Tensor& t, IntArrayRef target) {
  const int64_t nd = static_cast<int64_t>(target.size()), td = t.dim();
  EMBER_CHECK(nd >= td,
              "expand(torch.{}Tensor{{{}}}, size={}): the number of sizes provided ({}) must be greater or equal to "
              "the number of dimensions in the tensor ({})",
              scalarTypeName(t.dtype()), shapeString(t.sizes()), shapeString(target), nd, td);
  DimVector strides(static_cast<size_t>(nd), 0);
  for (int64_t i = nd - 1; i >= 0; --i) {
    const int64_t j = i - (nd - td);
    if (j < 0) continue;
    if (t.size(j) == target[i]) {
      strides[i] = t.stride(j);
      continue;
    }
    EMBER_CHECK(t.size(j) == 1,
                "The expanded size of the tensor ({}) must match the existing size ({}) at non-singleton dimension "
                "{}.  Target sizes: {}.  Tensor sizes: {}",
                target[i], t.size(j), i, shapeString(target), shapeString(t.sizes()));
  }
  return t.asStrided(target, strides, t.storageOffset());
}

DimVector inferSize(IntArrayRef a, IntArrayRef b) {
  const size_t n = std::max(a.size(), b.size());
  DimVector out(n, 1);
  for (size_t i = n; i-- > 0;) {
    const size_t off = n - 1 - i;
    const int64_t sa = off < a.size() ? a[a.size() - 1 - off] : 1;
    const int64_t sb = off < b.size() ? b[b.size() - 1 - off] : 1;
    EMBER_CHECK(sa == sb || sa == 1 || sb == 1,
                "The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}", sa,
                sb, i);
    out[i] = sa == 1 ? sb : sa;
  }
  return out;
}

void checkSameScalarType(const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dtype() == b.dtype(), "expected scalar type {} but found {}", scalarTypeName(a.dtype()),
              scalarTypeName(b.dtype()));
}

bool isZero(const Scalar& s) { return s.toDouble() == 0.0; }

// ---------------------------------------------------------------- gemm

// Whether an r x c matrix with element strides (rs, cs) can be handed to
// BLAS as is (trans = false: row-major with ld; true: its transpose is).
bool blasLayout(int64_t r, int64_t c, int64_t rs, int64_t cs, bool& trans, int64_t& ld) {
  const int64_t rmin = std::max<int64_t>(r, 1), cmin = std::max<int64_t>(c, 1);
  if (c <= 1 || cs == 1) {
    const int64_t l = r <= 1 ? cmin : rs;
    if (l >= cmin) {
      trans = false;
      ld = l;
      return true;
    }
  }
  if (r <= 1 || rs == 1) {
    const int64_t l = c <= 1 ? rmin : cs;
    if (l >= rmin) {
      trans = true;
      ld = l;
      return true;
    }
  }
  return false;
}

template <class T>
struct MatRef {
  const T* p;
  int64_t rs, cs;
  T at(int64_t i, int64_t j) const { return p[i * rs + j * cs]; }
};

// Packs a strided matrix row-major (for layouts BLAS cannot address, such as
// broadcast stride-0 dims).
template <class T>
std::vector<T> pack(MatRef<T> a, int64_t r, int64_t c) {
  std::vector<T> out(static_cast<size_t>(r * c));
  for (int64_t i = 0; i < r; ++i)
    for (int64_t j = 0; j < c; ++j) out[static_cast<size_t>(i * c + j)] = a.at(i, j);
  return out;
}

// C[m x n] (row-major, leading dim ldc) = beta * C + alpha * A @ B.
// beta == 0: C is not read. alpha == 0 or k == 0: A and B are not read.
template <class T, class S>
void gemmTyped(int64_t m, int64_t n, int64_t k, S alpha, MatRef<T> A, MatRef<T> B, S beta, T* C, int64_t ldc) {
  if (m == 0 || n == 0) return;
  if (k == 0 || alpha == S(0)) {
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        T& c = C[i * ldc + j];
        c = beta == S(0) ? T(0) : castTo<T>(beta * static_cast<S>(c));
      }
    return;
  }
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    if (m < INT_MAX && n < INT_MAX && k < INT_MAX && ldc < INT_MAX) {
      bool ta = false, tb = false;
      int64_t lda = 0, ldb = 0;
      std::vector<T> pa, pb;
      const T* a = A.p;
      const T* b = B.p;
      if (!blasLayout(m, k, A.rs, A.cs, ta, lda) || lda >= INT_MAX) {
        pa = pack(A, m, k);
        a = pa.data();
        ta = false;
        lda = std::max<int64_t>(k, 1);
      }
      if (!blasLayout(k, n, B.rs, B.cs, tb, ldb) || ldb >= INT_MAX) {
        pb = pack(B, k, n);
        b = pb.data();
        tb = false;
        ldb = std::max<int64_t>(n, 1);
      }
      ensureBlasThreads();
      const auto opA = ta ? CblasTrans : CblasNoTrans, opB = tb ? CblasTrans : CblasNoTrans;
      const int im = static_cast<int>(m), in = static_cast<int>(n), ik = static_cast<int>(k);
      if constexpr (std::is_same_v<T, float>)
        cblas_sgemm(CblasRowMajor, opA, opB, im, in, ik, alpha, a, static_cast<int>(lda), b, static_cast<int>(ldb),
                    beta, C, static_cast<int>(ldc));
      else
        cblas_dgemm(CblasRowMajor, opA, opB, im, in, ik, alpha, a, static_cast<int>(lda), b, static_cast<int>(ldb),
                    beta, C, static_cast<int>(ldc));
      return;
    }
  }
  // Integers (wrapping, like PyTorch's) and bfloat16 (float accumulation).
  std::vector<S> row(static_cast<size_t>(n));
  for (int64_t i = 0; i < m; ++i) {
    std::fill(row.begin(), row.end(), S(0));
    for (int64_t p = 0; p < k; ++p) {
      const S a = static_cast<S>(A.at(i, p));
      const T* b = B.p + p * B.rs;
      if (B.cs == 1) {
        for (int64_t j = 0; j < n; ++j) row[j] += a * static_cast<S>(b[j]);
      } else {
        for (int64_t j = 0; j < n; ++j) row[j] += a * static_cast<S>(b[j * B.cs]);
      }
    }
    T* c = C + i * ldc;
    for (int64_t j = 0; j < n; ++j)
      c[j] = castTo<T>(beta == S(0) ? alpha * row[j] : beta * static_cast<S>(c[j]) + alpha * row[j]);
  }
}

// The type products are computed in: int64 for integers (wrapping is
// modular either way), float for bfloat16.
template <class T>
using GemmScalar = std::conditional_t<isFloatType<T>, OpMathType<T>, int64_t>;

bool gemmSupported(DType t) { return t != DType::Half && t != DType::Bool; }

// out[batch..., m, n] (contiguous) = beta * out + alpha * A @ B, where A is
// [batch..., m, k] and B [batch..., k, n] with any strides (0 for broadcast).
// `kernel` names PyTorch's kernel in "not implemented" errors.
void gemmBatched(const Tensor& out, const Tensor& A, const Tensor& B, const Scalar& alpha, const Scalar& beta,
                 std::string_view kernel) {
  const int64_t nd = out.dim();
  const int64_t m = out.size(nd - 2), n = out.size(nd - 1), k = A.size(nd - 1);
  if (out.numel() == 0) return;
  const DType t = out.dtype();
  if (k > 0 && !isZero(alpha) && !gemmSupported(t)) notImplementedFor(kernel, t);
  reduce_detail::DimSpecs batch;
  for (int64_t d = 0; d < nd - 2; ++d) batch.push_back({out.size(d), A.stride(d), B.stride(d)});
  visitDType(t, [&]<class T>() {
    using S = GemmScalar<T>;
    if constexpr (!std::is_same_v<T, bool>) {
      const S a = alpha.to<S>(), b = beta.to<S>();
      T* o = static_cast<T*>(out.rawData());
      const T* pa = static_cast<const T*>(A.rawData());
      const T* pb = static_cast<const T*>(B.rawData());
      int64_t index = 0;
      // TODO(threads): split batches across support/thread_pool.h (one BLAS thread each).
      reduce_detail::forEachIndex(batch, [&](int64_t aOff, int64_t bOff) {
        gemmTyped<T, S>(m, n, k, a, MatRef<T>{pa + aOff, A.stride(nd - 2), A.stride(nd - 1)},
                        MatRef<T>{pb + bOff, B.stride(nd - 2), B.stride(nd - 1)}, b, o + index * m * n, n);
        ++index;
      });
    }
  });
}

// y[m] (contiguous) = beta * y + alpha * A[m x k] @ x[k].
void gemvInto(const Tensor& y, const Tensor& A, const Tensor& x, const Scalar& alpha, const Scalar& beta,
              std::string_view kernel) {
  const int64_t m = A.size(0), k = A.size(1);
  if (m == 0) return;
  const DType t = y.dtype();
  if (k > 0 && !isZero(alpha) && !gemmSupported(t)) notImplementedFor(kernel, t);
  visitDType(t, [&]<class T>() {
    using S = GemmScalar<T>;
    if constexpr (!std::is_same_v<T, bool>) {
      const S a = alpha.to<S>(), b = beta.to<S>();
      T* py = static_cast<T*>(y.rawData());
      const T* pa = static_cast<const T*>(A.rawData());
      const T* px = static_cast<const T*>(x.rawData());
      if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
        bool trans = false;
        int64_t lda = 0;
        if (k > 0 && a != S(0) && x.stride(0) > 0 && blasLayout(m, k, A.stride(0), A.stride(1), trans, lda) &&
            m < INT_MAX && k < INT_MAX && lda < INT_MAX && x.stride(0) < INT_MAX) {
          // Reference BLAS semantics say y is not read when beta is 0; zero it
          // anyway so no OpenBLAS version can propagate garbage.
          if (b == S(0)) std::memset(py, 0, static_cast<size_t>(m) * sizeof(T));
          ensureBlasThreads();
          const int rows = static_cast<int>(trans ? k : m), cols = static_cast<int>(trans ? m : k);
          const auto op = trans ? CblasTrans : CblasNoTrans;
          const int incx = static_cast<int>(x.stride(0));
          if constexpr (std::is_same_v<T, float>)
            cblas_sgemv(CblasRowMajor, op, rows, cols, a, pa, static_cast<int>(lda), px, incx, b, py, 1);
          else
            cblas_dgemv(CblasRowMajor, op, rows, cols, a, pa, static_cast<int>(lda), px, incx, b, py, 1);
          return;
        }
      }
      gemmTyped<T, S>(m, 1, k, a, MatRef<T>{pa, A.stride(0), A.stride(1)}, MatRef<T>{px, x.stride(0), 1}, b, py, 1);
    }
  });
}

// Fills out with beta * self (broadcast), or leaves it for a beta == 0 gemm.
void prefill(const Tensor& out, const Tensor& selfExpanded, const Scalar& beta) {
  if (out.numel() == 0 || isZero(beta)) return;
  out.copyFrom(selfExpanded);
}

// out += other (broadcast into out's shape) with PyTorch's in-place rules.
void addInPlace(const Tensor& out, const Tensor& other) {
  const DimVector shape = inferSize(out.sizes(), other.sizes());
  EMBER_CHECK(IntArrayRef(shape) == out.sizes(), "output with shape {} doesn't match the broadcast shape {}",
              shapeString(out.sizes()), shapeString(shape));
  const DType common = resultType(out, other);
  EMBER_CHECK(canCast(common, out.dtype()), "result type {} can't be cast to the desired output type {}",
              scalarTypeName(common), scalarTypeName(out.dtype()));
  Tensor a = out.to(common, true).contiguous();
  Tensor b = expandTo(other, out.sizes()).to(common, true).contiguous();
  visitDType(common, [&]<class T>() {
    T* pa = static_cast<T*>(a.rawData());
    const T* pb = static_cast<const T*>(b.rawData());
    for (int64_t i = 0; i < a.numel(); ++i) {
      if constexpr (std::is_same_v<T, bool>) pa[i] = pa[i] || pb[i];
      else pa[i] = castTo<T>(static_cast<OpMathType<T>>(pa[i]) + static_cast<OpMathType<T>>(pb[i]));
    }
  });
  out.copyFrom(a);
}

// a * b with broadcasting and type promotion (outer, and inner on 0-dim).
Tensor mulBroadcast(const Tensor& a, const Tensor& b) {
  const DimVector shape = inferSize(a.sizes(), b.sizes());
  const DType common = resultType(a, b);
  Tensor x = expandTo(a, shape).to(common, true).contiguous();
  Tensor y = expandTo(b, shape).to(common, true).contiguous();
  visitDType(common, [&]<class T>() {
    T* px = static_cast<T*>(x.rawData());
    const T* py = static_cast<const T*>(y.rawData());
    for (int64_t i = 0; i < x.numel(); ++i) {
      if constexpr (std::is_same_v<T, bool>) px[i] = px[i] && py[i];
      else px[i] = castTo<T>(static_cast<OpMathType<T>>(px[i]) * static_cast<OpMathType<T>>(py[i]));
    }
  });
  return x;
}

Tensor matrixT(const Tensor& t) {
  EMBER_CHECK(t.dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is {}D", t.dim());
  return transposeLast(t);
}

// ---------------------------------------------------------------- checks

void checkAddmmArgs(const Tensor& self, const Tensor& mat1, const Tensor& mat2) {
  EMBER_CHECK(self.dtype() == mat2.dtype(), "self and mat2 must have the same dtype");
  EMBER_CHECK(mat1.dtype() == mat2.dtype(), "mat1 and mat2 must have the same dtype");
  EMBER_CHECK(mat1.dim() == 2, "mat1 must be a matrix, got {}-D tensor", mat1.dim());
  EMBER_CHECK(mat2.dim() == 2, "mat2 must be a matrix, got {}-D tensor", mat2.dim());
  EMBER_CHECK(mat1.size(1) == mat2.size(0), "mat1 and mat2 shapes cannot be multiplied ({}x{} and {}x{})",
              mat1.size(0), mat1.size(1), mat2.size(0), mat2.size(1));
}

void checkBmmArgs(const Tensor& b1, const Tensor& b2) {
  EMBER_CHECK(b1.dim() == 3, "batch1 must be a 3D tensor");
  EMBER_CHECK(b2.dim() == 3, "batch2 must be a 3D tensor");
  EMBER_CHECK(b2.size(0) == b1.size(0) && b2.size(1) == b1.size(2),
              "Expected size for first two dimensions of batch2 tensor to be: [{}, {}] but got: [{}, {}].",
              b1.size(0), b1.size(2), b2.size(0), b2.size(1));
}

// PyTorch's Tensor.size(0) on a 0-dim tensor.
int64_t size0(const Tensor& t) {
  EMBER_CHECK_KIND(Index, t.dim() > 0, "Dimension specified as 0 but tensor has no dimensions");
  return t.size(0);
}

void checkAddmvArgs(const Tensor& self, const Tensor& mat, const Tensor& vec) {
  EMBER_CHECK(mat.dim() == 2 && vec.dim() == 1 && self.dim() <= 1,
              "vector + matrix @ vector expected, got {}, {}, {}", self.dim(), mat.dim(), vec.dim());
  if (mat.size(1) != vec.size(0) || (mat.size(0) != self.numel() && self.numel() != 1))
    EMBER_FAIL("size mismatch, got {}, {}x{},{}", size0(self), mat.size(0), mat.size(1), vec.size(0));
  checkSameScalarType(mat, vec);
}

void checkDotArgs(const Tensor& a, const Tensor& b) {
  EMBER_CHECK(a.dim() == 1 && b.dim() == 1, "1D tensors expected, but got {}D and {}D tensors", a.dim(), b.dim());
  EMBER_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found {} and {}",
              scalarTypeName(a.dtype()), scalarTypeName(b.dtype()));
  EMBER_CHECK(a.numel() == b.numel(),
              "inconsistent tensor size, expected tensor [{}] and src [{}] to have the same number of elements, but "
              "got {} and {} elements respectively",
              a.numel(), b.numel(), a.numel(), b.numel());
}

Tensor inPlaceResult(const Tensor& self, const Tensor& result) {
  EMBER_CHECK(result.sizes() == self.sizes(),
              "Bad in-place call: input tensor size {} and output tensor size {} should match",
              shapeString(self.sizes()), shapeString(result.sizes()));
  self.copyFrom(result);
  return self;
}

// Whether matmul folds tensor1's batch dims into the rows of one mm/mv
// (PyTorch 1.13's should_fold).
bool shouldFold(const Tensor& t1, int64_t dim2) {
  const int64_t d1 = t1.dim();
  if (!(d1 >= 3 && (dim2 == 1 || dim2 == 2))) return false;
  // A permute(0, 2, 1) of a contiguous tensor runs better as bmm than copied.
  if (d1 == 3 && dim2 == 2 && t1.stride(2) != 1 && t1.stride(0) == t1.size(1) * t1.size(2)) return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------- public

void setLinalgThreads(int n) {
  ensureBlasThreads();
  openblas_set_num_threads(std::max(1, n));
}

Tensor mm(const Tensor& self, const Tensor& mat2) {
  EMBER_CHECK(self.dim() == 2, "self must be a matrix");
  EMBER_CHECK(mat2.dim() == 2, "mat2 must be a matrix");
  EMBER_CHECK(self.size(1) == mat2.size(0), "mat1 and mat2 shapes cannot be multiplied ({}x{} and {}x{})",
              self.size(0), self.size(1), mat2.size(0), mat2.size(1));
  Tensor out = Tensor::empty({self.size(0), mat2.size(1)}, self.dtype());
  if (out.numel() == 0) return out;
  checkSameScalarType(self, mat2);
  gemmBatched(out, self, mat2, Scalar(int64_t(1)), Scalar(int64_t(0)), "addmm_impl_cpu_");
  return out;
}

Tensor addmm(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha) {
  checkAddmmArgs(self, mat1, mat2);
  const Tensor selfE = expandTo(self, {mat1.size(0), mat2.size(1)});
  Tensor out = Tensor::empty({mat1.size(0), mat2.size(1)}, mat1.dtype());
  prefill(out, selfE, beta);
  gemmBatched(out, mat1, mat2, alpha, beta, "addmm_impl_cpu_");
  return out;
}

Tensor addmm_(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha) {
  return inPlaceResult(self, addmm(self, mat1, mat2, beta, alpha));
}

Tensor bmm(const Tensor& self, const Tensor& mat2) {
  checkBmmArgs(self, mat2);
  Tensor out = Tensor::empty({self.size(0), self.size(1), mat2.size(2)}, self.dtype());
  if (out.numel() == 0) return out;
  checkSameScalarType(self, mat2);
  gemmBatched(out, self, mat2, Scalar(int64_t(1)), Scalar(int64_t(0)), "bmm");
  return out;
}

Tensor baddbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
               const Scalar& alpha) {
  checkBmmArgs(batch1, batch2);
  const Tensor selfE = expandTo(self, {batch1.size(0), batch1.size(1), batch2.size(2)});
  checkSameScalarType(batch1, batch2);
  Tensor out = Tensor::empty({batch1.size(0), batch1.size(1), batch2.size(2)}, batch1.dtype());
  prefill(out, selfE, beta);
  gemmBatched(out, batch1, batch2, alpha, beta, "baddbmm");
  return out;
}

Tensor baddbmm_(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
                const Scalar& alpha) {
  return inPlaceResult(self, baddbmm(self, batch1, batch2, beta, alpha));
}

Tensor addbmm(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
              const Scalar& alpha) {
  const Tensor selfE = expandTo(self, {batch1.size(1), batch2.size(2)});
  EMBER_CHECK(batch1.dim() == 3, "batch1 must be a 3D tensor");
  EMBER_CHECK(batch2.dim() == 3, "batch2 must be a 3D tensor");
  EMBER_CHECK(batch1.size(0) == batch2.size(0), "batch1 and batch2 must have same number of batches, got {} and {}",
              batch1.size(0), batch2.size(0));
  EMBER_CHECK(batch1.size(2) == batch2.size(1), "Incompatible matrix sizes for bmm ({}x{} and {}x{})",
              batch1.size(1), batch1.size(2), batch2.size(1), batch2.size(2));
  EMBER_CHECK(self.dtype() == batch2.dtype(), "self and mat2 must have the same dtype");
  EMBER_CHECK(batch1.dtype() == batch2.dtype(), "mat1 and mat2 must have the same dtype");
  const int64_t m = batch1.size(1), n = batch2.size(2), k = batch1.size(2);
  Tensor out = Tensor::empty({m, n}, batch1.dtype());
  prefill(out, selfE, beta);
  if (batch1.size(0) == 0) {
    gemmBatched(out, Tensor::empty({m, 0}, out.dtype()), Tensor::empty({0, n}, out.dtype()), alpha, beta,
                "addmm_impl_cpu_");
    return out;
  }
  // The first product applies beta, the rest accumulate.
  for (int64_t b = 0; b < batch1.size(0); ++b) {
    const Tensor A = batch1.asStrided({m, k}, {batch1.stride(1), batch1.stride(2)},
                                      batch1.storageOffset() + b * batch1.stride(0));
    const Tensor B = batch2.asStrided({k, n}, {batch2.stride(1), batch2.stride(2)},
                                      batch2.storageOffset() + b * batch2.stride(0));
    gemmBatched(out, A, B, alpha, b == 0 ? beta : Scalar(int64_t(1)), "addmm_impl_cpu_");
  }
  return out;
}

Tensor addbmm_(const Tensor& self, const Tensor& batch1, const Tensor& batch2, const Scalar& beta,
               const Scalar& alpha) {
  return inPlaceResult(self, addbmm(self, batch1, batch2, beta, alpha));
}

Tensor mv(const Tensor& self, const Tensor& vec) {
  const int64_t m = size0(self);
  const Tensor result = Tensor::empty({m}, self.dtype());
  checkAddmvArgs(result, self, vec);
  gemvInto(result, self, vec, Scalar(int64_t(1)), Scalar(int64_t(0)), "addmv_impl_cpu");
  return result;
}

Tensor addmv(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta, const Scalar& alpha) {
  checkAddmvArgs(self, mat, vec);
  Tensor out = Tensor::empty({mat.size(0)}, mat.dtype());
  prefill(out, expandTo(self, {mat.size(0)}), beta);
  gemvInto(out, mat, vec, alpha, beta, "addmv_impl_cpu");
  return out;
}

Tensor addmv_(const Tensor& self, const Tensor& mat, const Tensor& vec, const Scalar& beta, const Scalar& alpha) {
  return inPlaceResult(self, addmv(self, mat, vec, beta, alpha));
}

Tensor dot(const Tensor& self, const Tensor& other) {
  checkDotArgs(self, other);
  const DType t = self.dtype();
  Tensor out = Tensor::empty({}, t);
  const int64_t n = self.numel();
  if (!gemmSupported(t)) notImplementedFor("dot", t);
  visitDType(t, [&]<class T>() {
    using S = GemmScalar<T>;
    if constexpr (!std::is_same_v<T, bool>) {
      const T* a = static_cast<const T*>(self.rawData());
      const T* b = static_cast<const T*>(other.rawData());
      const int64_t sa = self.stride(0), sb = other.stride(0);
      T* o = static_cast<T*>(out.rawData());
      if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
        if (n > 0 && n < INT_MAX && sa > 0 && sb > 0 && sa < INT_MAX && sb < INT_MAX) {
          ensureBlasThreads();
          if constexpr (std::is_same_v<T, float>)
            *o = cblas_sdot(static_cast<int>(n), a, static_cast<int>(sa), b, static_cast<int>(sb));
          else
            *o = cblas_ddot(static_cast<int>(n), a, static_cast<int>(sa), b, static_cast<int>(sb));
          return;
        }
      }
      S acc = 0;
      for (int64_t i = 0; i < n; ++i) acc += static_cast<S>(a[i * sa]) * static_cast<S>(b[i * sb]);
      *o = castTo<T>(acc);
    }
  });
  return out;
}

// Real dtypes only, so vdot is dot.
Tensor vdot(const Tensor& self, const Tensor& other) { return dot(self, other); }

Tensor outer(const Tensor& self, const Tensor& vec2) {
  EMBER_CHECK(self.dim() == 1, "outer: Expected 1-D argument self, but got {}-D", self.dim());
  EMBER_CHECK(vec2.dim() == 1, "outer: Expected 1-D argument vec2, but got {}-D", vec2.dim());
  return mulBroadcast(unsqueeze(self, 1), vec2);
}

Tensor inner(const Tensor& self, const Tensor& other) {
  if (self.dim() == 0 || other.dim() == 0) return mulBroadcast(self, other);
  const int64_t k = self.size(-1);
  EMBER_CHECK(k == other.size(-1),
              "inner() the last dimension must match on both input tensors but got shapes {} and {}",
              shapeString(self.sizes()), shapeString(other.sizes()));
  DimVector shape;
  for (int64_t d = 0; d + 1 < self.dim(); ++d) shape.push_back(self.size(d));
  for (int64_t d = 0; d + 1 < other.dim(); ++d) shape.push_back(other.size(d));
  const int64_t rowsA = computeNumel(self.sizes().slice(0, static_cast<size_t>(self.dim() - 1)));
  const int64_t rowsB = computeNumel(other.sizes().slice(0, static_cast<size_t>(other.dim() - 1)));
  Tensor r = mm(reshape(self, {rowsA, k}), transposeLast(reshape(other, {rowsB, k})));
  return reshape(r, shape);
}

Tensor matmul(const Tensor& t1, const Tensor& t2) {
  const int64_t d1 = t1.dim(), d2 = t2.dim();
  EMBER_CHECK(d1 != 0 && d2 != 0, "both arguments to matmul need to be at least 1D, but they are {}D and {}D", d1,
              d2);
  if (d1 == 1 && d2 == 1) return dot(t1, t2);
  if (d1 == 2 && d2 == 1) return mv(t1, t2);
  if (d1 == 1 && d2 == 2) return reshape(mm(unsqueeze(t1, 0), t2), {t2.size(1)});
  if (d1 == 2 && d2 == 2) return mm(t1, t2);
  if (shouldFold(t1, d2) || shouldFold(t2, d1)) {
    // Fold the larger operand's batch into mm/mv rows; when tensor2 is the
    // larger one, compute (t2^T @ t1^T)^T.
    const bool transpose = d2 > d1;
    const Tensor a = transpose ? transposeLast(t2) : t1;
    const Tensor b = !transpose ? t2 : (d1 == 2 ? transposeLast(t1) : t1);
    DimVector shape(a.sizes().slice(0, static_cast<size_t>(a.dim() - 1)));
    const int64_t folded = computeNumel(shape);
    const Tensor aFolded = reshape(a, {folded, a.size(-1)});
    if (b.dim() == 1) return reshape(mv(aFolded, b), shape);
    shape.push_back(b.size(1));
    Tensor out = reshape(mm(aFolded, b), shape);
    return transpose ? transposeLast(out).contiguous() : out;
  }
  // Broadcast the batch dims; vectors become 1-row / 1-column matrices.
  const int64_t n = d1 > 1 ? t1.size(-2) : 1, m1 = t1.size(-1);
  const int64_t m2 = d2 > 1 ? t2.size(-2) : t2.size(0), p = d2 > 1 ? t2.size(-1) : 1;
  const IntArrayRef batch1 = t1.sizes().slice(0, static_cast<size_t>(std::max<int64_t>(d1 - 2, 0)));
  const IntArrayRef batch2 = t2.sizes().slice(0, static_cast<size_t>(std::max<int64_t>(d2 - 2, 0)));
  const DimVector batch = inferSize(batch1, batch2);
  const int64_t nb = computeNumel(batch);
  DimVector s1(batch), s2(batch), so(batch);
  s1.push_back(n);
  s1.push_back(m1);
  s2.push_back(m2);
  s2.push_back(p);
  const Tensor a = expandTo(t1, s1);
  const Tensor b = expandTo(d2 == 1 ? unsqueeze(t2, 1) : t2, s2);
  EMBER_CHECK(m1 == m2, "Expected size for first two dimensions of batch2 tensor to be: [{}, {}] but got: [{}, {}].",
              nb, m1, nb, m2);
  so.push_back(n);
  so.push_back(p);
  Tensor out = Tensor::empty(so, t1.dtype());
  if (out.numel() != 0) {
    checkSameScalarType(t1, t2);
    gemmBatched(out, a, b, Scalar(int64_t(1)), Scalar(int64_t(0)), "bmm");
  }
  DimVector shape(batch);
  if (d1 > 1) shape.push_back(n);
  if (d2 > 1) shape.push_back(p);
  return out.asStrided(shape, contiguousStrides(shape), 0);
}

Tensor linear(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias) {
  const bool hasBias = bias && bias->defined();
  if (input.dim() == 2 && hasBias) return addmm(*bias, input, matrixT(weight), Scalar(int64_t(1)), Scalar(int64_t(1)));
  if (hasBias && input.dim() == 3 && input.isContiguous()) {
    const Tensor flat = reshape(input, {input.size(0) * input.size(1), input.size(2)});
    Tensor r = addmm(*bias, flat, matrixT(weight), Scalar(int64_t(1)), Scalar(int64_t(1)));
    return reshape(r, {input.size(0), input.size(1), r.size(1)});
  }
  Tensor out = matmul(input, matrixT(weight));
  if (hasBias) addInPlace(out, *bias);
  return out;
}

}  // namespace ember::kernels
