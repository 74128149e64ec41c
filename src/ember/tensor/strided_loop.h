// The basic N-operand strided loop every element-wise pass builds on.
// Operands share one shape; each has its own byte strides. Dimensions that
// can be merged are merged first, so a contiguous tensor runs as one inner
// loop of numel elements. The callback receives one inner run at a time:
//   f(std::array<char*, N> ptrs, std::array<int64_t, N> innerByteStrides, int64_t n)
#pragma once

#include <array>
#include <cstdint>

#include "ember/support/small_vector.h"

namespace ember {

template <size_t N>
struct StridedLayout {
  SmallVector<int64_t, 6> sizes;                  // innermost dim last
  std::array<SmallVector<int64_t, 6>, N> strides;  // byte strides

  // Merges adjacent dims where every operand is contiguous across the pair,
  // and drops size-1 dims.
  void coalesce() {
    SmallVector<int64_t, 6> ns;
    std::array<SmallVector<int64_t, 6>, N> nst;
    for (size_t d = 0; d < sizes.size(); ++d) {
      if (sizes[d] == 1) continue;
      if (!ns.empty()) {
        bool merge = true;
        for (size_t k = 0; k < N; ++k)
          if (nst[k].back() != strides[k][d] * sizes[d]) merge = false;
        if (merge) {
          ns.back() *= sizes[d];
          for (size_t k = 0; k < N; ++k) nst[k].back() = strides[k][d];
          continue;
        }
      }
      ns.push_back(sizes[d]);
      for (size_t k = 0; k < N; ++k) nst[k].push_back(strides[k][d]);
    }
    sizes = std::move(ns);
    strides = std::move(nst);
  }
};

// Runs f over the elements [begin, end) of the row-major order of layout.
template <size_t N, class F>
void forEachRun(const StridedLayout<N>& L, std::array<char*, N> base, int64_t begin, int64_t end, F&& f) {
  const int64_t nd = static_cast<int64_t>(L.sizes.size());
  if (nd == 0) {
    if (begin < end) f(base, std::array<int64_t, N>{}, int64_t(1));
    return;
  }
  const int64_t inner = L.sizes[nd - 1];
  std::array<int64_t, N> innerStride;
  for (size_t k = 0; k < N; ++k) innerStride[k] = L.strides[k][nd - 1];
  // Decompose `begin` into a multi-index.
  SmallVector<int64_t, 6> idx(static_cast<size_t>(nd), 0);
  int64_t rem = begin;
  for (int64_t d = nd - 1; d >= 0; --d) {
    idx[d] = rem % L.sizes[d];
    rem /= L.sizes[d];
  }
  int64_t pos = begin;
  while (pos < end) {
    std::array<char*, N> p = base;
    for (int64_t d = 0; d < nd; ++d)
      for (size_t k = 0; k < N; ++k) p[k] += idx[d] * L.strides[k][d];
    int64_t n = std::min(inner - idx[nd - 1], end - pos);
    f(p, innerStride, n);
    pos += n;
    idx[nd - 1] += n;
    for (int64_t d = nd - 1; d > 0 && idx[d] >= L.sizes[d]; --d) {
      idx[d] = 0;
      ++idx[d - 1];
    }
  }
}

}  // namespace ember
