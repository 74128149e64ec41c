// softmax / log_softmax: max, exp-sum, scale, numerically stable. The last
// dim runs row by row; other dims fold whole rows of the trailing block so
// every inner loop is contiguous.
#include "ember/kernels/softmax.h"

#include <bit>
#include <cmath>
#include <limits>
#include <vector>

#include "ember/kernels/reduce_common.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

// exp for float in plain arithmetic the compiler vectorizes (std::exp is a
// libm call per element). Cephes' polynomial, about 1 ulp; overflow to inf,
// underflow to 0 and NaN behave like std::exp.
inline float vexp(float x) {
  const float xc = x > 89.0f ? 89.0f : (x < -104.0f ? -104.0f : x);
  const float xs = xc == xc ? xc : 0.0f;
  // Round to nearest through the 1.5 * 2^23 trick (no SSE4 round needed).
  const float n = (xs * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
  float r = xs - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float y = p * r * r + r + 1.0f;
  // 2^n as two factors so that n in [-150, 129] never leaves the normal range.
  const int32_t ni = static_cast<int32_t>(n);
  const int32_t n1 = ni >> 1, n2 = ni - n1;
  const float s1 = std::bit_cast<float>((n1 + 127) << 23);
  const float s2 = std::bit_cast<float>((n2 + 127) << 23);
  const float e = y * s1 * s2;
  return x == x ? e : x;
}

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
