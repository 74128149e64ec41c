// Shared machinery of the reduction kernels (reduce_*.cpp, softmax.cpp):
// dim-list checking, output shapes, and one generic reduction driver.
//
// The driver runs an Op over a tensor's reduced dims for every output element:
//   struct Op {
//     using In = ...; using Acc = ...; using Out = ...;
//     static constexpr bool kCascade;      // sums: combine partials pairwise for accuracy
//     Acc identity() const;
//     Acc step(Acc a, In x) const;         // fold one input element
//     Acc combine(Acc a, Acc b) const;     // merge two partial results
//     Out project(Acc a) const;            // final value
//   };
// It picks one of two loop shapes after merging dims:
//   inner: the reduced elements of one output are (mostly) contiguous; each
//          output reduces its own runs with independent lanes (vectorizable).
//   outer: the kept dim with unit stride is innermost; whole rows are folded
//          into a row of accumulators (vectorizable), never strided per element.
// Sums keep float accumulators and stay accurate by cascading: runs are
// summed pairwise, rows are accumulated in levels of 16.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "ember/kernels/simd.h"
#include "ember/tensor/tensor.h"
#include "ember/tensor/tensor_iterator.h"  // scalarTypeName

namespace ember::kernels::reduce_detail {

// `"prod_cpu" not implemented for 'Half'`: PyTorch's dispatch refusal.
[[noreturn]] inline void notImplementedFor(std::string_view kernel, DType t) {
  EMBER_FAIL("\"{}\" not implemented for '{}'", kernel, scalarTypeName(t));
}

// One bit per reduced dim; tensors have at most 64 dims.
using DimMask = uint64_t;

inline bool inMask(DimMask m, int64_t d) { return (m >> d) & 1u; }

// Wraps and checks a dim list the way PyTorch's make_dim_mask does; an empty
// list means every dim.
inline DimMask makeDimMask(IntArrayRef dims, int64_t ndim) {
  EMBER_CHECK(ndim <= 64, "only tensors with up to 64 dims are supported");
  if (dims.empty()) return ndim == 64 ? ~DimMask(0) : (DimMask(1) << ndim) - 1;
  DimMask m = 0;
  for (int64_t d : dims) {
    int64_t w = wrapDim(d, ndim);
    // A 0-dim tensor reduces over its one pseudo-dim, which sets no bit.
    if (ndim == 0) continue;
    EMBER_CHECK(!inMask(m, w), "dim {} appears multiple times in the list of dims", w);
    m |= DimMask(1) << w;
  }
  return m;
}

inline DimMask allDims(int64_t ndim) { return makeDimMask({}, ndim); }

inline DimVector keepdimShape(IntArrayRef sizes, DimMask mask) {
  DimVector out(sizes);
  for (size_t d = 0; d < out.size(); ++d)
    if (inMask(mask, static_cast<int64_t>(d))) out[d] = 1;
  return out;
}

inline DimVector reducedShape(IntArrayRef sizes, DimMask mask, bool keepdim) {
  if (keepdim) return keepdimShape(sizes, mask);
  DimVector out;
  for (size_t d = 0; d < sizes.size(); ++d)
    if (!inMask(mask, static_cast<int64_t>(d))) out.push_back(sizes[d]);
  return out;
}

// A contiguous result of keepdim shape, viewed without the reduced dims when
// keepdim is false (same strides order, so no copy).
inline Tensor squeezeReduced(const Tensor& keep, DimMask mask, bool keepdim) {
  if (keepdim) return keep;
  DimVector sizes = reducedShape(keep.sizes(), mask, false);
  return keep.asStrided(sizes, contiguousStrides(sizes), keep.storageOffset());
}

// The first reduced dim of size 0, or -1.
inline int64_t firstEmptyReducedDim(const Tensor& t, DimMask mask) {
  for (int64_t d = 0; d < t.dim(); ++d)
    if (inMask(mask, d) && t.size(d) == 0) return d;
  return -1;
}

template <class T>
inline bool isNan(T v) {
  if constexpr (isFloatType<T>) return std::isnan(static_cast<float>(v)) || v != v;
  else return false;
}

// Counts through a multi-index; `offsets[k]` tracks Σ idx[d]·strides[k][d].
struct DimSpec {
  int64_t size;
  int64_t inStride;   // elements
  int64_t outStride;  // elements (kept dims only)
};
using DimSpecs = SmallVector<DimSpec, 8>;

template <class F>
void forEachIndex(const DimSpecs& dims, F&& f) {
  const size_t nd = dims.size();
  if (nd == 0) {
    f(int64_t(0), int64_t(0));
    return;
  }
  SmallVector<int64_t, 8> idx(nd, 0);
  int64_t inOff = 0, outOff = 0;
  for (;;) {
    f(inOff, outOff);
    size_t d = nd;
    while (d-- > 0) {
      if (++idx[d] < dims[d].size) {
        inOff += dims[d].inStride;
        outOff += dims[d].outStride;
        break;
      }
      inOff -= dims[d].inStride * (dims[d].size - 1);
      outOff -= dims[d].outStride * (dims[d].size - 1);
      idx[d] = 0;
      if (d == 0) return;
    }
  }
}

// Merges neighbours that address memory as one longer dim.
inline void coalesce(DimSpecs& dims) {
  DimSpecs out;
  for (const DimSpec& d : dims) {
    if (d.size == 1) continue;
    if (!out.empty()) {
      DimSpec& p = out.back();
      if (p.inStride == d.inStride * d.size && p.outStride == d.outStride * d.size) {
        p.size *= d.size;
        p.inStride = d.inStride;
        p.outStride = d.outStride;
        continue;
      }
    }
    out.push_back(d);
  }
  dims = std::move(out);
}

// ---------------------------------------------------------------- run reduction

inline constexpr int64_t kLanes = 16;

template <class T>
inline constexpr bool kIsVecFloat = std::is_same_v<T, float> || std::is_same_v<T, double>;
inline constexpr int64_t kPairwiseBlock = 1024;

template <class Op>
typename Op::Acc reduceRun(const Op& op, const typename Op::In* p, int64_t n, int64_t stride);

// Ops over float/double whose step is a lane-wise expression also declare
//   static constexpr bool kVec = true;
//   template <class V> V vstep(V acc, V x) const;   // EMBER_INLINE
//   template <class V> V vcombine(V a, V b) const;  // EMBER_INLINE
// and contiguous runs then use explicit vectors (the compiler may not
// reorder a floating-point reduction by itself).
template <class Op>
concept VecOp = requires { requires Op::kVec; } && std::is_same_v<typename Op::In, typename Op::Acc>;

template <VecOp Op>
EMBER_INLINE typename Op::Acc vecBlock(const Op& op, const typename Op::In* q, int64_t m) {
  using T = typename Op::Acc;
  using V = simd::Vec<T>;
  constexpr int64_t W = simd::kWidth<T>;
  // Four independent accumulators hide the add (or compare/blend) latency.
  V a0 = simd::splat(op.identity()), a1 = a0, a2 = a0, a3 = a0;
  int64_t i = 0;
  for (; i + 4 * W <= m; i += 4 * W) {
    a0 = op.vstep(a0, simd::load(q + i));
    a1 = op.vstep(a1, simd::load(q + i + W));
    a2 = op.vstep(a2, simd::load(q + i + 2 * W));
    a3 = op.vstep(a3, simd::load(q + i + 3 * W));
  }
  for (; i + W <= m; i += W) a0 = op.vstep(a0, simd::load(q + i));
  const V a = op.vcombine(op.vcombine(a0, a1), op.vcombine(a2, a3));
  T acc = simd::reduceLanes(a, [&op](auto x, auto y) EMBER_LAMBDA_INLINE { return op.vcombine(x, y); });
  for (; i < m; ++i) acc = op.step(acc, q[i]);
  return acc;
}

template <VecOp Op>
EMBER_INLINE typename Op::Acc vecRunImpl(const Op& op, const typename Op::In* p, int64_t n) {
  using T = typename Op::Acc;
  if (n <= kPairwiseBlock) return vecBlock(op, p, n);
  // Pairwise over blocks, kept as a binary counter of partial results.
  T levels[64];
  int64_t count = 0;
  for (int64_t b = 0; b < n; b += kPairwiseBlock) {
    T v = vecBlock(op, p + b, std::min(kPairwiseBlock, n - b));
    int l = 0;
    for (int64_t c = count; c & 1; c >>= 1, ++l) v = op.combine(levels[l], v);
    levels[l] = v;
    ++count;
  }
  T r = op.identity();
  for (int l = 0; l < 64; ++l)
    if ((count >> l) & 1) r = op.combine(levels[l], r);
  return r;
}

template <VecOp Op>
EMBER_TARGET_AVX512 typename Op::Acc vecRunAvx512(const Op& op, const typename Op::In* p, int64_t n) {
  return vecRunImpl(op, p, n);
}
template <VecOp Op>
EMBER_TARGET_AVX2 typename Op::Acc vecRunAvx2(const Op& op, const typename Op::In* p, int64_t n) {
  return vecRunImpl(op, p, n);
}
template <VecOp Op>
typename Op::Acc vecRunBase(const Op& op, const typename Op::In* p, int64_t n) {
  return vecRunImpl(op, p, n);
}

// Reduces n elements p[0], p[stride], ... with kLanes independent accumulators;
// cascading ops split long runs in halves (pairwise summation).
template <class Op>
typename Op::Acc reduceRun(const Op& op, const typename Op::In* p, int64_t n, int64_t stride) {
  using Acc = typename Op::Acc;
  if constexpr (VecOp<Op>) {
    if (stride == 1 && n >= 2 * simd::kWidth<Acc>) {
      switch (simd::cpuIsa()) {
        case simd::Isa::Avx512: return vecRunAvx512(op, p, n);
        case simd::Isa::Avx2: return vecRunAvx2(op, p, n);
        case simd::Isa::Base: return vecRunBase(op, p, n);
      }
    }
  }
  if (Op::kCascade && n > kPairwiseBlock) {
    int64_t half = (n / 2 + kLanes - 1) / kLanes * kLanes;
    Acc a = reduceRun(op, p, half, stride);
    Acc b = reduceRun(op, p + half * stride, n - half, stride);
    return op.combine(a, b);
  }
  Acc acc[kLanes];
  for (int64_t k = 0; k < kLanes; ++k) acc[k] = op.identity();
  int64_t i = 0;
  if (stride == 1) {
    for (; i + kLanes <= n; i += kLanes)
      for (int64_t k = 0; k < kLanes; ++k) acc[k] = op.step(acc[k], p[i + k]);
  } else {
    for (; i + kLanes <= n; i += kLanes)
      for (int64_t k = 0; k < kLanes; ++k) acc[k] = op.step(acc[k], p[(i + k) * stride]);
  }
  for (; i < n; ++i) acc[i % kLanes] = op.step(acc[i % kLanes], p[i * stride]);
  for (int64_t w = kLanes / 2; w > 0; w /= 2)
    for (int64_t k = 0; k < w; ++k) acc[k] = op.combine(acc[k], acc[k + w]);
  return acc[0];
}

// Combines a stream of partial results in levels of 16 (sums stay accurate
// however many partials arrive).
template <class Op>
struct CascadeAcc {
  static constexpr int kLevels = 8;
  typename Op::Acc level[kLevels];
  int64_t count = 0;
  const Op& op;
  explicit CascadeAcc(const Op& o) : op(o) {
    for (auto& l : level) l = op.identity();
  }
  void add(typename Op::Acc v) {
    level[0] = op.combine(level[0], v);
    if (!Op::kCascade) return;
    ++count;
    int64_t c = count;
    for (int l = 0; l + 1 < kLevels && c % 16 == 0; ++l, c /= 16) {
      level[l + 1] = op.combine(level[l + 1], level[l]);
      level[l] = op.identity();
    }
  }
  typename Op::Acc result() const {
    typename Op::Acc r = level[kLevels - 1];
    for (int l = kLevels - 2; l >= 0; --l) r = op.combine(r, level[l]);
    return r;
  }
};

// ---------------------------------------------------------------- the driver

// Reduces `in` (dtype Op::In) over `mask` into `out` (keepdim shape,
// contiguous, dtype Op::Out). Empty inputs give project(identity).
template <class Op>
void reduceInto(const Op& op, const Tensor& in, DimMask mask, const Tensor& out) {
  using In = typename Op::In;
  using Acc = typename Op::Acc;
  using Out = typename Op::Out;
  Out* o = static_cast<Out*>(out.rawData());
  if (out.numel() == 0) return;
  if (in.numel() == 0) {
    const Out v = op.project(op.identity());
    for (int64_t i = 0; i < out.numel(); ++i) o[i] = v;
    return;
  }
  const In* x = static_cast<const In*>(in.rawData());
  DimSpecs kept, red;
  const IntArrayRef outStrides = out.strides();
  for (int64_t d = 0; d < in.dim(); ++d) {
    if (inMask(mask, d)) red.push_back({in.size(d), in.stride(d), 0});
    else kept.push_back({in.size(d), in.stride(d), outStrides[static_cast<size_t>(d)]});
  }
  coalesce(kept);
  std::stable_sort(red.begin(), red.end(),
                   [](const DimSpec& a, const DimSpec& b) { return a.inStride > b.inStride; });
  coalesce(red);

  // The kept dim with unit input stride, if any, goes innermost: rows mode.
  auto unit = std::find_if(kept.begin(), kept.end(), [](const DimSpec& d) { return d.inStride == 1; });
  const bool redUnit = !red.empty() && red.back().inStride == 1;
  if (unit == kept.end() || redUnit) {
    // Inner mode. TODO(threads): split outputs across support/thread_pool.h.
    if (red.empty()) {
      forEachIndex(kept, [&](int64_t io, int64_t oo) { o[oo] = op.project(op.step(op.identity(), x[io])); });
      return;
    }
    const DimSpec runDim = red.back();
    red.pop_back();
    forEachIndex(kept, [&](int64_t io, int64_t oo) {
      if (red.empty()) {
        o[oo] = op.project(reduceRun(op, x + io, runDim.size, runDim.inStride));
        return;
      }
      CascadeAcc<Op> acc(op);
      forEachIndex(red, [&](int64_t ro, int64_t) { acc.add(reduceRun(op, x + io + ro, runDim.size, runDim.inStride)); });
      o[oo] = op.project(acc.result());
    });
    return;
  }

  // Rows mode: fold whole rows of the unit-stride kept dim.
  const DimSpec row = *unit;
  kept.erase(unit);
  // 4 KiB of accumulators per level keeps every level in L1.
  constexpr int64_t kChunk = std::max<int64_t>(64, 4096 / static_cast<int64_t>(sizeof(Acc)));
  constexpr int kLevels = Op::kCascade ? 6 : 1;
  Acc levels[kLevels][kChunk];
  forEachIndex(kept, [&](int64_t io, int64_t oo) {
    for (int64_t c0 = 0; c0 < row.size; c0 += kChunk) {
      const int64_t w = std::min(kChunk, row.size - c0);
      for (int l = 0; l < kLevels; ++l)
        for (int64_t j = 0; j < w; ++j) levels[l][j] = op.identity();
      int64_t count = 0;
      const In* base = x + io + c0;
      forEachIndex(red, [&](int64_t ro, int64_t) {
        const In* r = base + ro;
        Acc* a = levels[0];
        for (int64_t j = 0; j < w; ++j) a[j] = op.step(a[j], r[j]);
        if constexpr (kLevels > 1) {
          int64_t c = ++count;
          for (int l = 0; l + 1 < kLevels && c % 16 == 0; ++l, c /= 16) {
            for (int64_t j = 0; j < w; ++j) {
              levels[l + 1][j] = op.combine(levels[l + 1][j], levels[l][j]);
              levels[l][j] = op.identity();
            }
          }
        }
      });
      for (int l = kLevels - 2; l >= 0; --l)
        for (int64_t j = 0; j < w; ++j) levels[kLevels - 1][j] = op.combine(levels[kLevels - 1][j], levels[l][j]);
      Out* dst = o + oo + c0 * row.outStride;
      for (int64_t j = 0; j < w; ++j) dst[j * row.outStride] = op.project(levels[kLevels - 1][j]);
    }
  });
}

// Allocates the keepdim-shaped result, runs the driver and squeezes.
template <class Op>
Tensor reduce(const Op& op, const Tensor& in, DimMask mask, bool keepdim) {
  Tensor out = Tensor::empty(keepdimShape(in.sizes(), mask), dtypeOf<typename Op::Out>);
  reduceInto(op, in, mask, out);
  return squeezeReduced(out, mask, keepdim);
}

// Converts an accumulator to an output element with PyTorch's cast rules.
template <class Out, class Acc>
inline Out castTo(Acc a) {
  if constexpr (std::is_same_v<Out, bool>) return a != Acc(0);
  else if constexpr (isReducedFloat<Out>) return Out(static_cast<float>(a));
  else if constexpr (isReducedFloat<Acc>) return static_cast<Out>(static_cast<float>(a));
  else return static_cast<Out>(a);
}

// `in` as a matrix for reductions that need two passes (var, logsumexp):
// rows = true: [m outputs][r reduced] with each output's elements contiguous;
// rows = false: [r][m], a reduction over the leading dims. Copies only when
// neither view exists. Output elements are in kept-dim order.
struct ReductionMatrix {
  Tensor data;
  int64_t m = 1, r = 1;
  bool rows = true;
};

inline ReductionMatrix asReductionMatrix(const Tensor& in, DimMask mask) {
  ReductionMatrix res;
  DimVector keptSizes, keptStrides, redSizes, redStrides;
  for (int64_t d = 0; d < in.dim(); ++d) {
    if (inMask(mask, d)) {
      redSizes.push_back(in.size(d));
      redStrides.push_back(in.stride(d));
      res.r *= in.size(d);
    } else {
      keptSizes.push_back(in.size(d));
      keptStrides.push_back(in.stride(d));
      res.m *= in.size(d);
    }
  }
  auto view = [&](const DimVector& s1, const DimVector& st1, const DimVector& s2, const DimVector& st2) {
    DimVector sizes(s1), strides(st1);
    for (size_t i = 0; i < s2.size(); ++i) {
      sizes.push_back(s2[i]);
      strides.push_back(st2[i]);
    }
    return in.asStrided(sizes, strides, in.storageOffset());
  };
  auto as2d = [&](const Tensor& t, int64_t a, int64_t b) {
    return t.asStrided(DimVector{a, b}, DimVector{b, 1}, t.storageOffset());
  };
  Tensor rowsView = view(keptSizes, keptStrides, redSizes, redStrides);
  if (rowsView.isContiguous()) {
    res.data = as2d(rowsView, res.m, res.r);
    return res;
  }
  Tensor colsView = view(redSizes, redStrides, keptSizes, keptStrides);
  if (colsView.isContiguous()) {
    res.data = as2d(colsView, res.r, res.m);
    res.rows = false;
    return res;
  }
  res.data = as2d(rowsView.contiguous(), res.m, res.r);
  return res;
}

// The type a float-ish T is accumulated in (float for the half types).
template <class T>
using FloatAcc = OpMathType<T>;

}  // namespace ember::kernels::reduce_detail
