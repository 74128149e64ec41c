// Explicit SIMD for the loops the compiler will not vectorize on its own
// (floating-point reductions, which it may not reassociate, and exp), plus
// run-time ISA selection.
//
// ember builds for baseline x86-64. A hot loop is written once as an
// EMBER_INLINE template over GCC vector types (Vec<T>: 64 bytes, so 16 floats
// or 8 doubles; on SSE2 the compiler splits it into four registers) and
// instantiated three times: in an EMBER_TARGET_AVX512 function, an
// EMBER_TARGET_AVX2 function and a plain one. cpuIsa() picks one per process.
// The always_inline helpers are what carry the wider ISA into the loop body.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

// Vec<T> values only live inside always_inline helpers and the loops they are
// inlined into, never across a real call, so GCC's note that passing 64-byte
// vectors changed ABI (psabi) does not apply to them.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace ember::kernels::simd {

#define EMBER_INLINE [[gnu::always_inline]] inline
// For lambdas passed to EMBER_INLINE helpers: a lambda is a function of its
// own and would otherwise be compiled for the baseline ISA.
#define EMBER_LAMBDA_INLINE __attribute__((always_inline))

#if defined(__x86_64__) && defined(__GNUC__)
#define EMBER_TARGET_AVX512 \
  __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx2,fma,prefer-vector-width=512")))
#define EMBER_TARGET_AVX2 __attribute__((target("avx2,fma")))
#else
#define EMBER_TARGET_AVX512
#define EMBER_TARGET_AVX2
#endif

enum class Isa : uint8_t { Base, Avx2, Avx512 };

inline Isa cpuIsa() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const Isa isa = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
      return Isa::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::Avx2;
    return Isa::Base;
  }();
  return isa;
#else
  return Isa::Base;
#endif
}

// Defines name##Avx512, name##Avx2 and name##Base forwarding to impl, and
// `name` choosing among them. For non-template functions:
//   EMBER_ISA_VARIANTS(float, sumRun, sumRunImpl, (const float* p, int64_t n), (p, n))
#define EMBER_ISA_VARIANTS(Ret, name, impl, params, args)                       \
  EMBER_TARGET_AVX512 Ret name##Avx512 params { return impl args; }             \
  EMBER_TARGET_AVX2 Ret name##Avx2 params { return impl args; }                 \
  Ret name##Base params { return impl args; }                                   \
  Ret name params {                                                             \
    switch (::ember::kernels::simd::cpuIsa()) {                                 \
      case ::ember::kernels::simd::Isa::Avx512: return name##Avx512 args;       \
      case ::ember::kernels::simd::Isa::Avx2: return name##Avx2 args;           \
      case ::ember::kernels::simd::Isa::Base: break;                            \
    }                                                                           \
    return name##Base args;                                                     \
  }

template <class T>
struct VecOf {
  typedef T type __attribute__((vector_size(64)));
};
template <class T>
using Vec = typename VecOf<T>::type;
template <class T>
inline constexpr int64_t kWidth = 64 / sizeof(T);

// The same-width integer vector (comparison results, bit tricks).
template <class T>
using IVec = Vec<std::conditional_t<sizeof(T) == 4, int32_t, int64_t>>;

template <class To, class From>
EMBER_INLINE To bitcast(From x) {
  static_assert(sizeof(To) == sizeof(From));
  To r;
  std::memcpy(&r, &x, sizeof(r));
  return r;
}

template <class T>
EMBER_INLINE Vec<T> load(const T* p) {
  Vec<T> v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

template <class T>
EMBER_INLINE void store(T* p, Vec<T> v) {
  std::memcpy(p, &v, sizeof(v));
}

template <class T>
EMBER_INLINE Vec<T> splat(T x) {
  return Vec<T>{} + x;
}

template <class T>
EMBER_INLINE Vec<T> select(IVec<T> mask, Vec<T> a, Vec<T> b) {
  return mask ? a : b;
}

template <class T>
EMBER_INLINE Vec<T> abs(Vec<T> x) {
  using I = IVec<T>;
  using E = std::remove_reference_t<decltype(I{}[0])>;
  return bitcast<Vec<T>>(bitcast<I>(x) & std::numeric_limits<E>::max());
}

// max/min where a NaN in either operand wins (PyTorch's reductions), for
// vectors of any width and scalars alike. This form becomes vcmpneqps +
// blend + vmaxps; GCC scalarizes the obvious `(b != b) | (b > a) ? b : a`
// (and two selects on `b` in either order) lane by lane.
template <class V>
EMBER_INLINE V maxNan(V a, V b) {
  const V t = b != b ? b : a;
  return t < b ? b : t;
}
template <class V>
EMBER_INLINE V minNan(V a, V b) {
  const V t = b != b ? b : a;
  return b < t ? b : t;
}

// Folds the lanes of v with f (applied to half-width vectors, then to the
// last two scalars): a pairwise tree that stays in registers.
template <class V, class F>
EMBER_INLINE auto reduceLanes(V v, F f) {
  using E = std::remove_cvref_t<decltype(v[0])>;
  constexpr size_t n = sizeof(V) / sizeof(E);
  if constexpr (n == 2) {
    return f(E(v[0]), E(v[1]));
  } else {
    typedef E H __attribute__((vector_size(sizeof(V) / 2)));
    H lo, hi;
    std::memcpy(&lo, &v, sizeof(H));
    std::memcpy(&hi, reinterpret_cast<const char*>(&v) + sizeof(H), sizeof(H));
    return reduceLanes(f(lo, hi), f);
  }
}

template <class T>
EMBER_INLINE T hsum(Vec<T> v) {
  return reduceLanes(v, [](auto a, auto b) EMBER_LAMBDA_INLINE { return a + b; });
}

template <class T>
EMBER_INLINE T hmaxNan(Vec<T> v) {
  return reduceLanes(v, [](auto a, auto b) EMBER_LAMBDA_INLINE { return maxNan(a, b); });
}

// The first n (< kWidth) elements of p in a vector whose other lanes are
// `fill`: loop tails without scalar code.
template <class T>
EMBER_INLINE Vec<T> loadPartial(const T* p, int64_t n, T fill) {
  alignas(64) T buf[kWidth<T>];
  for (int64_t i = 0; i < kWidth<T>; ++i) buf[i] = i < n ? p[i] : fill;
  return load(buf);
}

template <class T>
EMBER_INLINE void storePartial(T* p, int64_t n, Vec<T> v) {
  alignas(64) T buf[kWidth<T>];
  store(buf, v);
  for (int64_t i = 0; i < n; ++i) p[i] = buf[i];
}

// exp(x) for float lanes: Cephes' polynomial after range reduction, about
// 1 ulp. Overflow gives inf, underflow 0, NaN stays NaN, like std::exp.
EMBER_INLINE Vec<float> exp(Vec<float> x) {
  using V = Vec<float>;
  using I = IVec<float>;
  const V hi = splat(89.0f), lo = splat(-104.0f);
  V xc = x > hi ? hi : x;
  xc = xc < lo ? lo : xc;
  xc = xc == xc ? xc : V{};
  // Round to nearest with the 1.5 * 2^23 trick (no SSE4 round needed).
  const V magic = splat(12582912.0f);
  const V n = (xc * 1.44269504088896341f + magic) - magic;
  V r = xc - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  V p = splat(1.9875691500e-4f);
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const V y = p * r * r + r + 1.0f;
  // 2^n as two factors so that n in [-150, 129] stays in the normal range.
  const I ni = __builtin_convertvector(n, I);
  const I n1 = ni >> 1, n2 = ni - n1;
  const I b1 = (n1 + 127) << 23, b2 = (n2 + 127) << 23;
  const V e = y * bitcast<V>(b1) * bitcast<V>(b2);
  return x == x ? e : x;
}

// The scalar twin of exp(Vec<float>), for loop tails, with identical results.
EMBER_INLINE float exp(float x) {
  const float xc0 = x > 89.0f ? 89.0f : (x < -104.0f ? -104.0f : x);
  const float xc = xc0 == xc0 ? xc0 : 0.0f;
  const float n = (xc * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
  float r = xc - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float y = p * r * r + r + 1.0f;
  const int32_t ni = static_cast<int32_t>(n);
  const int32_t n1 = ni >> 1, n2 = ni - n1;
  const float e = y * std::bit_cast<float>((n1 + 127) << 23) * std::bit_cast<float>((n2 + 127) << 23);
  return x == x ? e : x;
}

}  // namespace ember::kernels::simd
