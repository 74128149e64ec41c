// softmax / log_softmax: max, exp-sum, scale, numerically stable. The last
// dim runs row by row; other dims fold whole rows of the trailing block so
// every inner loop is contiguous. float uses explicit vectors with a
// polynomial exp (simd.h), compiled per ISA.
#include "ember/kernels/softmax.h"

#include <cmath>
#include <limits>
#include <vector>

#include "ember/kernels/reduce_common.h"
#include "ember/kernels/simd.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

inline float vexp(float x) { return simd::exp(x); }
inline double vexp(double x) { return std::exp(x); }

template <class Acc>
inline Acc maxNan(Acc a, Acc v) {
  return (v != v || v > a) ? v : a;
}

// One contiguous row of n elements; tmp holds n Accs.
template <class T, bool kLog>
void softmaxRow(const T* x, T* y, int64_t n, OpMathType<T>* tmp) {
  using Acc = OpMathType<T>;
  Acc m = -std::numeric_limits<Acc>::infinity();
  for (int64_t i = 0; i < n; ++i) m = maxNan(m, static_cast<Acc>(x[i]));
  Acc s = 0;
  if constexpr (kLog) {
    for (int64_t i = 0; i < n; ++i) s += vexp(static_cast<Acc>(x[i]) - m);
    const Acc shift = m + std::log(s);
    for (int64_t i = 0; i < n; ++i) y[i] = castTo<T>(static_cast<Acc>(x[i]) - shift);
  } else {
    for (int64_t i = 0; i < n; ++i) {
      tmp[i] = vexp(static_cast<Acc>(x[i]) - m);
      s += tmp[i];
    }
    const Acc inv = Acc(1) / s;
    for (int64_t i = 0; i < n; ++i) y[i] = castTo<T>(tmp[i] * inv);
  }
}

// [n][inner] block: softmax down each column, computed row-wise.
template <class T, bool kLog>
void softmaxColumns(const T* x, T* y, int64_t n, int64_t inner, OpMathType<T>* m, OpMathType<T>* s) {
  using Acc = OpMathType<T>;
  for (int64_t j = 0; j < inner; ++j) {
    m[j] = -std::numeric_limits<Acc>::infinity();
    s[j] = 0;
  }
  for (int64_t i = 0; i < n; ++i) {
    const T* r = x + i * inner;
    for (int64_t j = 0; j < inner; ++j) m[j] = maxNan(m[j], static_cast<Acc>(r[j]));
  }
  for (int64_t i = 0; i < n; ++i) {
    const T* r = x + i * inner;
    for (int64_t j = 0; j < inner; ++j) s[j] += vexp(static_cast<Acc>(r[j]) - m[j]);
  }
  if constexpr (kLog) {
    for (int64_t j = 0; j < inner; ++j) m[j] += std::log(s[j]);
    for (int64_t i = 0; i < n; ++i) {
      const T* r = x + i * inner;
      T* o = y + i * inner;
      for (int64_t j = 0; j < inner; ++j) o[j] = castTo<T>(static_cast<Acc>(r[j]) - m[j]);
    }
  } else {
    for (int64_t j = 0; j < inner; ++j) s[j] = Acc(1) / s[j];
    for (int64_t i = 0; i < n; ++i) {
      const T* r = x + i * inner;
      T* o = y + i * inner;
      for (int64_t j = 0; j < inner; ++j) o[j] = castTo<T>(vexp(static_cast<Acc>(r[j]) - m[j]) * s[j]);
    }
  }
}

// ---------------------------------------------------------------- float, explicit vectors

// `rows` contiguous rows of n floats, softmax along each row.
template <bool kLog>
EMBER_INLINE void lastDimFloatImpl(const float* x, float* y, int64_t rows, int64_t n) {
  using V = simd::Vec<float>;
  constexpr int64_t W = simd::kWidth<float>;
  for (int64_t r = 0; r < rows; ++r) {
    const float* xr = x + r * n;
    float* yr = y + r * n;
    // Independent accumulators hide the compare/blend and add latencies.
    V m0 = simd::splat(-std::numeric_limits<float>::infinity()), m1 = m0, m2 = m0, m3 = m0;
    int64_t i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
      m0 = simd::maxNan(m0, simd::load(xr + i));
      m1 = simd::maxNan(m1, simd::load(xr + i + W));
      m2 = simd::maxNan(m2, simd::load(xr + i + 2 * W));
      m3 = simd::maxNan(m3, simd::load(xr + i + 3 * W));
    }
    for (; i + W <= n; i += W) m0 = simd::maxNan(m0, simd::load(xr + i));
    const int64_t tail = n - i;
    const float ninf = -std::numeric_limits<float>::infinity();
    if (tail) m0 = simd::maxNan(m0, simd::loadPartial(xr + i, tail, ninf));
    m0 = simd::maxNan(simd::maxNan(m0, m1), simd::maxNan(m2, m3));
    const float m = simd::hmaxNan<float>(m0);
    const V mv = simd::splat(m);
    V s0{}, s1{};
    i = 0;
    for (; i + 2 * W <= n; i += 2 * W) {
      const V e0 = simd::exp(simd::load(xr + i) - mv);
      const V e1 = simd::exp(simd::load(xr + i + W) - mv);
      if constexpr (!kLog) {
        simd::store(yr + i, e0);
        simd::store(yr + i + W, e1);
      }
      s0 += e0;
      s1 += e1;
    }
    for (; i + W <= n; i += W) {
      const V e = simd::exp(simd::load(xr + i) - mv);
      if constexpr (!kLog) simd::store(yr + i, e);
      s0 += e;
    }
    if (tail) {
      // Padding with -inf adds exp(-inf) = 0 to the sum.
      const V e = simd::exp(simd::loadPartial(xr + i, tail, ninf) - mv);
      if constexpr (!kLog) simd::storePartial(yr + i, tail, e);
      s0 += e;
    }
    const float s = simd::hsum<float>(s0 + s1);
    if constexpr (kLog) {
      const V shv = simd::splat(m + std::log(s));
      for (i = 0; i + W <= n; i += W) simd::store(yr + i, simd::load(xr + i) - shv);
      if (tail) simd::storePartial(yr + i, tail, simd::loadPartial(xr + i, tail, 0.0f) - shv);
    } else {
      const float inv = 1.0f / s;
      for (i = 0; i + W <= n; i += W) simd::store(yr + i, simd::load(yr + i) * inv);
      if (tail) simd::storePartial(yr + i, tail, simd::loadPartial(yr + i, tail, 0.0f) * inv);
    }
  }
}

// `outer` blocks of [n][inner] floats, softmax down each column; m and s
// hold `inner` floats of scratch.
template <bool kLog>
EMBER_INLINE void columnsFloatImpl(const float* x, float* y, int64_t outer, int64_t n, int64_t inner, float* m,
                                   float* s) {
  using V = simd::Vec<float>;
  constexpr int64_t W = simd::kWidth<float>;
  for (int64_t o = 0; o < outer; ++o) {
    const float* xb = x + o * n * inner;
    float* yb = y + o * n * inner;
    for (int64_t j = 0; j < inner; ++j) {
      m[j] = -std::numeric_limits<float>::infinity();
      s[j] = 0;
    }
    for (int64_t i = 0; i < n; ++i) {
      const float* xr = xb + i * inner;
      int64_t j = 0;
      for (; j + W <= inner; j += W) simd::store(m + j, simd::maxNan(simd::load(m + j), simd::load(xr + j)));
      for (; j < inner; ++j) m[j] = maxNan(m[j], xr[j]);
    }
    for (int64_t i = 0; i < n; ++i) {
      const float* xr = xb + i * inner;
      float* yr = yb + i * inner;
      int64_t j = 0;
      for (; j + W <= inner; j += W) {
        const V e = simd::exp(simd::load(xr + j) - simd::load(m + j));
        if constexpr (!kLog) simd::store(yr + j, e);
        simd::store(s + j, simd::load(s + j) + e);
      }
      for (; j < inner; ++j) {
        const float e = simd::exp(xr[j] - m[j]);
        if constexpr (!kLog) yr[j] = e;
        s[j] += e;
      }
    }
    if constexpr (kLog) {
      for (int64_t j = 0; j < inner; ++j) m[j] += std::log(s[j]);
    } else {
      for (int64_t j = 0; j < inner; ++j) s[j] = 1.0f / s[j];
    }
    for (int64_t i = 0; i < n; ++i) {
      const float* xr = xb + i * inner;
      float* yr = yb + i * inner;
      int64_t j = 0;
      if constexpr (kLog) {
        for (; j + W <= inner; j += W) simd::store(yr + j, simd::load(xr + j) - simd::load(m + j));
        for (; j < inner; ++j) yr[j] = xr[j] - m[j];
      } else {
        for (; j + W <= inner; j += W) simd::store(yr + j, simd::load(yr + j) * simd::load(s + j));
        for (; j < inner; ++j) yr[j] *= s[j];
      }
    }
  }
}

EMBER_ISA_VARIANTS(void, softmaxLastFloat, lastDimFloatImpl<false>,
                   (const float* x, float* y, int64_t rows, int64_t n), (x, y, rows, n))
EMBER_ISA_VARIANTS(void, logSoftmaxLastFloat, lastDimFloatImpl<true>,
                   (const float* x, float* y, int64_t rows, int64_t n), (x, y, rows, n))
EMBER_ISA_VARIANTS(void, softmaxColumnsFloat, columnsFloatImpl<false>,
                   (const float* x, float* y, int64_t outer, int64_t n, int64_t inner, float* m, float* s),
                   (x, y, outer, n, inner, m, s))
EMBER_ISA_VARIANTS(void, logSoftmaxColumnsFloat, columnsFloatImpl<true>,
                   (const float* x, float* y, int64_t outer, int64_t n, int64_t inner, float* m, float* s),
                   (x, y, outer, n, inner, m, s))

template <bool kLog>
Tensor softmaxImpl(const Tensor& self, int64_t dim, bool halfToFloat) {
  EMBER_CHECK(!halfToFloat, "softmax with half to float conversion is not supported on CPU");
  const int64_t d = wrapDim(dim, self.dim());
  Tensor out = Tensor::empty(self.sizes(), self.dtype());
  if (self.numel() == 0) return out;
  const DType t = self.dtype();
  const bool lastDim = self.dim() == 0 || d == self.dim() - 1;
  if (!(t == DType::Float || t == DType::Double || t == DType::BFloat16)) {
    if (!lastDim) notImplementedFor("softmax_kernel_impl", t);
    notImplementedFor(kLog ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl", t);
  }
  const Tensor x = self.contiguous();
  int64_t outer = 1, inner = 1;
  const int64_t n = self.dim() == 0 ? 1 : self.size(d);
  for (int64_t i = 0; i < self.dim(); ++i) {
    if (i < d) outer *= self.size(i);
    if (i > d) inner *= self.size(i);
  }
  visitDType(t, [&]<class T>() {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, BFloat16>) {
      using Acc = OpMathType<T>;
      const T* xp = static_cast<const T*>(x.rawData());
      T* yp = static_cast<T*>(out.rawData());
      // TODO(threads): split `outer` across support/thread_pool.h.
      if constexpr (std::is_same_v<T, float>) {
        if (inner == 1) {
          (kLog ? logSoftmaxLastFloat : softmaxLastFloat)(xp, yp, outer, n);
          return;
        }
        std::vector<float> m(static_cast<size_t>(inner)), s(static_cast<size_t>(inner));
        (kLog ? logSoftmaxColumnsFloat : softmaxColumnsFloat)(xp, yp, outer, n, inner, m.data(), s.data());
        return;
      }
      if (inner == 1) {
        std::vector<Acc> tmp(static_cast<size_t>(n));
        for (int64_t o = 0; o < outer; ++o) softmaxRow<T, kLog>(xp + o * n, yp + o * n, n, tmp.data());
        return;
      }
      std::vector<Acc> m(static_cast<size_t>(inner)), s(static_cast<size_t>(inner));
      for (int64_t o = 0; o < outer; ++o)
        softmaxColumns<T, kLog>(xp + o * n * inner, yp + o * n * inner, n, inner, m.data(), s.data());
    }
  });
  return out;
}

}  // namespace

Tensor softmaxRaw(const Tensor& self, int64_t dim, bool halfToFloat) {
  return softmaxImpl<false>(self, dim, halfToFloat);
}

Tensor logSoftmaxRaw(const Tensor& self, int64_t dim, bool halfToFloat) {
  return softmaxImpl<true>(self, dim, halfToFloat);
}

Tensor softmax(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return softmaxImpl<false>(dtype ? self.to(*dtype) : self, dim, false);
}

Tensor logSoftmax(const Tensor& self, int64_t dim, std::optional<DType> dtype) {
  return softmaxImpl<true>(dtype ? self.to(*dtype) : self, dim, false);
}

}  // namespace ember::kernels
