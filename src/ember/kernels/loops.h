// Typed element loops over a TensorIterator (PyTorch's cpu_kernel).
//
//   cpuKernel(iter, [](float a, float b) -> float { return a + b; });
//
// The lambda's parameter and return types say what the loop reads and
// writes; they must match the iterator's operand dtypes. Each run of elements
// takes the first of these paths that fits:
//   - every operand contiguous: a plain pointer loop the compiler vectorizes;
//   - output and all inputs but one contiguous, that one a single value
//     (x + 1, x * scale): the value is loaded once, the loop still vectorizes;
//   - anything else: a strided loop.
// The lambda is inlined into each path: no per-element indirect call.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <tuple>
#include <type_traits>
#include <utility>

#include "ember/tensor/tensor_iterator.h"

namespace ember::kernels {

template <class F>
struct FunctionTraits : FunctionTraits<decltype(&std::decay_t<F>::operator())> {};
template <class C, class R, class... A>
struct FunctionTraits<R (C::*)(A...) const> {
  using Result = R;
  using Args = std::tuple<std::decay_t<A>...>;
  static constexpr size_t kArity = sizeof...(A);
};
template <class C, class R, class... A>
struct FunctionTraits<R (C::*)(A...)> : FunctionTraits<R (C::*)(A...) const> {};

namespace detail {

template <class Traits, size_t I>
using ArgType = std::tuple_element_t<I, typename Traits::Args>;

constexpr size_t kNoScalar = ~size_t(0);

// The dense loop: the output and inputs contiguous, except input S (when not
// kNoScalar), which is one value loaded once. Stamped out three times: for
// the build's baseline ISA and, on x86-64, for AVX2 and AVX-512 (chosen at
// run time), because the baseline (SSE2) leaves most of a modern core idle.
// The op's lambda is inlined into each copy and compiled for its ISA.
#define EMBER_DENSE_LOOP(Name, Attributes)                                                                   \
  template <class Traits, size_t S, class F, size_t... I>                                                    \
  Attributes void Name(const char* const* p, int64_t n, F& f, std::index_sequence<I...>) {                   \
    using Out = typename Traits::Result;                                                                     \
    Out* out = reinterpret_cast<Out*>(const_cast<char*>(p[0]));                                              \
    std::tuple<const ArgType<Traits, I>*...> in{reinterpret_cast<const ArgType<Traits, I>*>(p[I + 1])...};   \
    if constexpr (S == kNoScalar) {                                                                          \
      for (int64_t i = 0; i < n; ++i) out[i] = f(std::get<I>(in)[i]...);                                     \
    } else {                                                                                                 \
      const ArgType<Traits, S> v = *std::get<S>(in);                                                         \
      auto arg = [&]<size_t K>(std::integral_constant<size_t, K>, int64_t i) -> ArgType<Traits, K> {         \
        if constexpr (K == S) return v;                                                                      \
        else return std::get<K>(in)[i];                                                                      \
      };                                                                                                     \
      for (int64_t i = 0; i < n; ++i) out[i] = f(arg(std::integral_constant<size_t, I>{}, i)...);            \
    }                                                                                                        \
  }

EMBER_DENSE_LOOP(denseLoop, inline)
#if defined(__x86_64__) && defined(__GNUC__)
#define EMBER_SIMD_CLONES 1
EMBER_DENSE_LOOP(denseLoopAvx2, __attribute__((target("avx2,fma"))))
EMBER_DENSE_LOOP(denseLoopAvx512, __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,fma"))))
#endif
#undef EMBER_DENSE_LOOP

enum class SimdLevel { Baseline, Avx2, Avx512 };

// The widest ISA this CPU has; EMBER_SIMD=0/1/2 caps it (tests run every path).
inline SimdLevel simdLevel() {
  static const SimdLevel level = [] {
    SimdLevel best = SimdLevel::Baseline;
#ifdef EMBER_SIMD_CLONES
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) best = SimdLevel::Avx2;
    if (best == SimdLevel::Avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
      best = SimdLevel::Avx512;
#endif
    if (const char* cap = std::getenv("EMBER_SIMD")) {
      const int c = std::atoi(cap);
      if (c < static_cast<int>(best)) best = static_cast<SimdLevel>(std::max(c, 0));
    }
    return best;
  }();
  return level;
}

template <class T>
constexpr bool kSimdType = std::is_same_v<T, float> || std::is_same_v<T, double>;

template <class Traits, size_t S, class F, size_t... I>
inline void dispatchDense(const char* const* p, int64_t n, F& f, std::index_sequence<I...> is) {
#ifdef EMBER_SIMD_CLONES
  // Only float math gains enough to pay for the extra code.
  if constexpr (kSimdType<typename Traits::Result> && (kSimdType<ArgType<Traits, I>> && ...)) {
    switch (simdLevel()) {
      case SimdLevel::Avx512: denseLoopAvx512<Traits, S>(p, n, f, is); return;
      case SimdLevel::Avx2: denseLoopAvx2<Traits, S>(p, n, f, is); return;
      case SimdLevel::Baseline: break;
    }
  }
#endif
  denseLoop<Traits, S>(p, n, f, is);
}

// Input S is the repeated one; the others and the output are contiguous.
template <class Traits, size_t S, class F, size_t... I>
inline bool scalarInputLoop(const char* const* p, const int64_t* s, int64_t n, F& f, std::index_sequence<I...> is) {
  if (s[S + 1] != 0) return false;
  if (!(((I == S) || s[I + 1] == static_cast<int64_t>(sizeof(ArgType<Traits, I>))) && ...)) return false;
  dispatchDense<Traits, S>(p, n, f, is);
  return true;
}

template <class Traits, class F, size_t... S, size_t... I>
inline bool anyScalarInputLoop(const char* const* p, const int64_t* s, int64_t n, F& f, std::index_sequence<S...>,
                               std::index_sequence<I...> is) {
  return (scalarInputLoop<Traits, S>(p, s, n, f, is) || ...);
}

template <class Traits, class F, size_t... I>
inline void runLoop(const char* const* p, const int64_t* s, int64_t n, F& f, std::index_sequence<I...> is) {
  using Out = typename Traits::Result;
  constexpr size_t N = sizeof...(I);
  if (s[0] == static_cast<int64_t>(sizeof(Out))) {
    if (((s[I + 1] == static_cast<int64_t>(sizeof(ArgType<Traits, I>))) && ...)) {
      dispatchDense<Traits, kNoScalar>(p, n, f, is);
      return;
    }
    if constexpr (N >= 2) {
      if (anyScalarInputLoop<Traits>(p, s, n, f, is, is)) return;
    }
  }
  char* out = const_cast<char*>(p[0]);
  for (int64_t i = 0; i < n; ++i)
    *reinterpret_cast<Out*>(out + i * s[0]) =
        f(*reinterpret_cast<const ArgType<Traits, I>*>(p[I + 1] + i * s[I + 1])...);
}

template <class T>
void checkOperandType(const TensorIterator& iter, int k) {
  EMBER_CHECK(iter.dtype(k) == dtypeOf<T>, "kernel operand {} is {} but the tensor is {}", k, dtypeName(dtypeOf<T>),
              dtypeName(iter.dtype(k)));
}

template <class Traits, size_t... I>
void checkOperandTypes(const TensorIterator& iter, std::index_sequence<I...>) {
  constexpr size_t N = sizeof...(I);
  EMBER_CHECK(iter.numOperands() == static_cast<int>(N + 1), "kernel takes {} inputs but the iterator has {}", N,
              iter.numOperands() - 1);
  checkOperandType<typename Traits::Result>(iter, 0);
  (checkOperandType<ArgType<Traits, I>>(iter, static_cast<int>(I + 1)), ...);
}

}  // namespace detail

// Runs f over every element and writes the output back (see TensorIterator::writeBack).
template <class F>
void cpuKernel(TensorIterator& iter, F f, int64_t grain = TensorIterator::kGrainSize) {
  using Traits = FunctionTraits<F>;
  constexpr size_t N = Traits::kArity;
  using Seq = std::make_index_sequence<N>;
  detail::checkOperandTypes<Traits>(iter, Seq{});
  iter.forEachRun<N + 1>(
      [&f](std::array<char*, N + 1> p, std::array<int64_t, N + 1> s, int64_t n) {
        detail::runLoop<Traits>(p.data(), s.data(), n, f, Seq{});
      },
      grain);
  iter.writeBack();
}

}  // namespace ember::kernels
