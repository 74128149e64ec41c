// amax, amin, max, min (full and .dim), argmax, argmin, aminmax, any, all.
#include "ember/kernels/reduce.h"
#include "ember/kernels/reduce_common.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

template <class T>
using CmpType = std::conditional_t<std::is_same_v<T, bool>, bool, OpMathType<T>>;

// NaN wins, then the larger (kMax) or smaller value; on ties the current one
// stays, so indices point at the first occurrence.
template <bool kMax, class V>
inline bool better(V v, V cur) {
  if constexpr (std::is_floating_point_v<V>) {
    if (v != v) return cur == cur;
  }
  return kMax ? v > cur : v < cur;
}

template <class T, bool kMax>
struct ExtremumOp {
  using In = T;
  using Acc = CmpType<T>;
  using Out = T;
  static constexpr bool kCascade = false;
  static constexpr bool kVec = kIsVecFloat<T>;
  template <class V>
  EMBER_INLINE V vstep(V a, V x) const {
    return kMax ? simd::maxNan(a, x) : simd::minNan(a, x);
  }
  template <class V>
  EMBER_INLINE V vcombine(V a, V b) const {
    return vstep(a, b);
  }
  Acc identity() const {
    if constexpr (std::is_same_v<T, bool>) return !kMax;
    else if constexpr (std::is_floating_point_v<Acc>)
      return kMax ? -std::numeric_limits<Acc>::infinity() : std::numeric_limits<Acc>::infinity();
    else return kMax ? std::numeric_limits<Acc>::lowest() : std::numeric_limits<Acc>::max();
  }
  Acc step(Acc a, In x) const { return combine(a, static_cast<Acc>(x)); }
  Acc combine(Acc a, Acc b) const { return better<kMax>(b, a) ? b : a; }
  Out project(Acc a) const { return castTo<Out>(a); }
};

template <class T, class O, bool kAny>
struct AnyAllOp {
  using In = T;
  using Acc = bool;
  using Out = O;
  static constexpr bool kCascade = false;
  Acc identity() const { return !kAny; }
  Acc step(Acc a, In x) const {
    const bool nz = x != In(0);
    return kAny ? (a || nz) : (a && nz);
  }
  Acc combine(Acc a, Acc b) const { return kAny ? (a || b) : (a && b); }
  Out project(Acc a) const { return static_cast<Out>(a); }
};

template <bool kMax>
constexpr std::string_view extremumName(bool isA) {
  if (isA) return kMax ? "amax" : "amin";
  return kMax ? "max" : "min";
}

template <bool kMax>
Tensor extremum(const Tensor& self, DimMask mask, bool keepdim, bool dimsGiven, bool isA) {
  if (self.numel() == 0) {
    if (!dimsGiven)
      EMBER_FAIL(
          "{}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with "
          "the 'dim' argument.",
          extremumName<kMax>(isA));
    int64_t d = firstEmptyReducedDim(self, mask);
    if (d >= 0)
      EMBER_FAIL_KIND(Index, "{}(): Expected reduction dim {} to have non-zero size.", extremumName<kMax>(isA), d);
  }
  return visitDType(self.dtype(),
                    [&]<class T>() { return reduce(ExtremumOp<T, kMax>{}, self, mask, keepdim); });
}

// values (optional) and indices of the extremum along one dim, into
// keepdim-shaped contiguous outputs.
template <class T, bool kMax>
void argExtremumInto(const Tensor& in, int64_t dim, T* values, int64_t* indices, int64_t outNumel) {
  using V = CmpType<T>;
  if (outNumel == 0) return;
  const T* x = static_cast<const T*>(in.rawData());
  if (in.dim() == 0) {
    if (values) values[0] = x[0];
    indices[0] = 0;
    return;
  }
  const int64_t R = in.size(dim), sR = in.stride(dim);
  DimSpecs kept;
  const DimVector outStrides = contiguousStrides(keepdimShape(in.sizes(), DimMask(1) << dim));
  for (int64_t d = 0; d < in.dim(); ++d)
    if (d != dim) kept.push_back({in.size(d), in.stride(d), outStrides[static_cast<size_t>(d)]});
  coalesce(kept);
  auto unit = std::find_if(kept.begin(), kept.end(), [](const DimSpec& d) { return d.inStride == 1; });
  if (unit == kept.end() || sR == 1) {
    // TODO(threads): split outputs across support/thread_pool.h.
    forEachIndex(kept, [&](int64_t io, int64_t oo) {
      const T* p = x + io;
      V best = static_cast<V>(p[0]);
      int64_t bi = 0;
      for (int64_t r = 1; r < R; ++r) {
        V v = static_cast<V>(p[r * sR]);
        if (better<kMax>(v, best)) {
          best = v;
          bi = r;
        }
      }
      if (values) values[oo] = castTo<T>(best);
      indices[oo] = bi;
    });
    return;
  }
  // Rows: compare whole rows against a row of running bests.
  const DimSpec row = *unit;
  kept.erase(unit);
  constexpr int64_t kChunk = 512;
  V best[kChunk];
  int64_t bestIdx[kChunk];
  forEachIndex(kept, [&](int64_t io, int64_t oo) {
    for (int64_t c0 = 0; c0 < row.size; c0 += kChunk) {
      const int64_t w = std::min(kChunk, row.size - c0);
      const T* base = x + io + c0;
      for (int64_t j = 0; j < w; ++j) {
        best[j] = static_cast<V>(base[j]);
        bestIdx[j] = 0;
      }
      for (int64_t r = 1; r < R; ++r) {
        const T* p = base + r * sR;
        for (int64_t j = 0; j < w; ++j) {
          V v = static_cast<V>(p[j]);
          const bool b = better<kMax>(v, best[j]);
          best[j] = b ? v : best[j];
          bestIdx[j] = b ? r : bestIdx[j];
        }
      }
      for (int64_t j = 0; j < w; ++j) {
        const int64_t o = oo + (c0 + j) * row.outStride;
        if (values) values[o] = castTo<T>(best[j]);
        indices[o] = bestIdx[j];
      }
    }
  });
}

template <bool kMax>
std::tuple<Tensor, Tensor> extremumDim(const Tensor& self, int64_t dim, bool keepdim) {
  const int64_t d = wrapDim(dim, self.dim());
  if (self.numel() == 0 && self.dim() > 0 && self.size(d) == 0)
    EMBER_FAIL_KIND(Index, "{}(): Expected reduction dim {} to have non-zero size.", extremumName<kMax>(false), d);
  const DimMask mask = self.dim() == 0 ? 0 : DimMask(1) << d;
  const DimVector shape = keepdimShape(self.sizes(), mask);
  Tensor values = Tensor::empty(shape, self.dtype());
  Tensor indices = Tensor::empty(shape, DType::Long);
  visitDType(self.dtype(), [&]<class T>() {
    argExtremumInto<T, kMax>(self, d, static_cast<T*>(values.rawData()), indices.data<int64_t>(),
                             indices.numel());
  });
  return {squeezeReduced(values, mask, keepdim), squeezeReduced(indices, mask, keepdim)};
}

template <bool kMax>
Tensor argExtremum(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  const std::string_view name = kMax ? "argmax" : "argmin";
  if (self.dtype() == DType::Bool) notImplementedFor(kMax ? "argmax_cpu" : "argmin_cpu", self.dtype());
  if (!dim) {
    EMBER_CHECK_KIND(Index, self.numel() != 0,
                     "{}(): Expected reduction dim to be specified for input.numel() == 0.", name);
    // The index is into the flattened (row-major) tensor.
    Tensor flat = self.contiguous();
    flat = flat.asStrided(DimVector{self.numel()}, DimVector{1}, flat.storageOffset());
    Tensor idx = Tensor::empty({}, DType::Long);
    visitDType(self.dtype(), [&]<class T>() {
      argExtremumInto<T, kMax>(flat, 0, nullptr, idx.data<int64_t>(), 1);
    });
    if (!keepdim) return idx;
    DimVector ones(static_cast<size_t>(self.dim()), 1);
    return idx.asStrided(ones, ones, 0);
  }
  const int64_t d = wrapDim(*dim, self.dim());
  if (self.numel() == 0 && self.dim() > 0 && self.size(d) == 0)
    EMBER_FAIL_KIND(Index, "{}(): Expected reduction dim {} to have non-zero size.", name, d);
  const DimMask mask = self.dim() == 0 ? 0 : DimMask(1) << d;
  Tensor indices = Tensor::empty(keepdimShape(self.sizes(), mask), DType::Long);
  visitDType(self.dtype(), [&]<class T>() {
    argExtremumInto<T, kMax>(self, d, nullptr, indices.data<int64_t>(), indices.numel());
  });
  return squeezeReduced(indices, mask, keepdim);
}

template <bool kAny>
Tensor anyAll(const Tensor& self, DimMask mask, bool keepdim) {
  return visitDType(self.dtype(), [&]<class T>() -> Tensor {
    if constexpr (std::is_same_v<T, uint8_t>) return reduce(AnyAllOp<T, uint8_t, kAny>{}, self, mask, keepdim);
    else return reduce(AnyAllOp<T, bool, kAny>{}, self, mask, keepdim);
  });
}

DimMask oneDim(const Tensor& self, int64_t dim) { return makeDimMask(IntArrayRef(dim), self.dim()); }

}  // namespace

Tensor amax(const Tensor& self, IntArrayRef dim, bool keepdim) {
  return extremum<true>(self, makeDimMask(dim, self.dim()), keepdim, !dim.empty(), true);
}

Tensor amin(const Tensor& self, IntArrayRef dim, bool keepdim) {
  return extremum<false>(self, makeDimMask(dim, self.dim()), keepdim, !dim.empty(), true);
}

Tensor max(const Tensor& self) { return extremum<true>(self, allDims(self.dim()), false, false, false); }

Tensor min(const Tensor& self) { return extremum<false>(self, allDims(self.dim()), false, false, false); }

std::tuple<Tensor, Tensor> maxDim(const Tensor& self, int64_t dim, bool keepdim) {
  return extremumDim<true>(self, dim, keepdim);
}

std::tuple<Tensor, Tensor> minDim(const Tensor& self, int64_t dim, bool keepdim) {
  return extremumDim<false>(self, dim, keepdim);
}

Tensor argmax(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  return argExtremum<true>(self, dim, keepdim);
}

Tensor argmin(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  return argExtremum<false>(self, dim, keepdim);
}

std::tuple<Tensor, Tensor> aminmax(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  const DimMask mask = dim ? oneDim(self, *dim) : allDims(self.dim());
  if (dim) {
    const int64_t d = firstEmptyReducedDim(self, mask);
    EMBER_CHECK_KIND(Index, d < 0, "aminmax: Expected reduction dim {} to have non-zero size.", d);
  } else {
    EMBER_CHECK(self.numel() != 0,
                "aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.");
  }
  return {extremum<false>(self, mask, keepdim, true, true), extremum<true>(self, mask, keepdim, true, true)};
}

Tensor any(const Tensor& self) { return anyAll<true>(self, allDims(self.dim()), false); }

Tensor anyDim(const Tensor& self, int64_t dim, bool keepdim) { return anyAll<true>(self, oneDim(self, dim), keepdim); }

Tensor all(const Tensor& self) { return anyAll<false>(self, allDims(self.dim()), false); }

Tensor allDim(const Tensor& self, int64_t dim, bool keepdim) {
  return anyAll<false>(self, oneDim(self, dim), keepdim);
}

}  // namespace ember::kernels
