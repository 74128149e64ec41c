// sum, nansum, mean, nanmean, prod, count_nonzero, logsumexp.
#include <cmath>

#include "ember/kernels/reduce.h"
#include "ember/kernels/reduce_common.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

// Integers accumulate in int64 (wrapping, which is what a narrower output
// keeps anyway); floats in their op-math type with cascaded summation.
template <class T>
using SumAcc = std::conditional_t<isFloatType<T>, OpMathType<T>, int64_t>;

template <class T, class O, bool kSkipNan>
struct SumOp {
  using In = T;
  using Acc = SumAcc<T>;
  using Out = O;
  static constexpr bool kCascade = isFloatType<T>;
  static constexpr bool kVec = kIsVecFloat<T> && !kSkipNan;
  Acc identity() const { return Acc(0); }
  template <class V>
  EMBER_INLINE V vstep(V a, V x) const {
    return a + x;
  }
  template <class V>
  EMBER_INLINE V vcombine(V a, V b) const {
    return a + b;
  }
  Acc step(Acc a, In x) const {
    if constexpr (kSkipNan && isFloatType<T>) {
      Acc v = static_cast<Acc>(x);
      return v != v ? a : a + v;
    } else {
      return a + static_cast<Acc>(x);
    }
  }
  Acc combine(Acc a, Acc b) const { return a + b; }
  Out project(Acc a) const { return castTo<Out>(a); }
};

// PyTorch computes mean as sum(...).div_(n): the sum is rounded to T first.
template <class T>
struct MeanOp {
  using In = T;
  using Acc = OpMathType<T>;
  using Out = T;
  static constexpr bool kCascade = true;
  static constexpr bool kVec = kIsVecFloat<T>;
  Acc n;
  Acc identity() const { return Acc(0); }
  template <class V>
  EMBER_INLINE V vstep(V a, V x) const {
    return a + x;
  }
  template <class V>
  EMBER_INLINE V vcombine(V a, V b) const {
    return a + b;
  }
  Acc step(Acc a, In x) const { return a + static_cast<Acc>(x); }
  Acc combine(Acc a, Acc b) const { return a + b; }
  Out project(Acc a) const { return castTo<T>(static_cast<Acc>(castTo<T>(a)) / n); }
};

template <class T>
struct NanMeanOp {
  using In = T;
  struct Acc {
    OpMathType<T> sum;
    int64_t count;
  };
  using Out = T;
  static constexpr bool kCascade = true;
  Acc identity() const { return {0, 0}; }
  Acc step(Acc a, In x) const {
    auto v = static_cast<OpMathType<T>>(x);
    if (v != v) return a;
    return {a.sum + v, a.count + 1};
  }
  Acc combine(Acc a, Acc b) const { return {a.sum + b.sum, a.count + b.count}; }
  Out project(Acc a) const {
    return castTo<T>(static_cast<OpMathType<T>>(castTo<T>(a.sum)) / static_cast<OpMathType<T>>(a.count));
  }
};

template <class T, class O>
struct ProdOp {
  using In = T;
  using Acc = SumAcc<T>;
  using Out = O;
  static constexpr bool kCascade = false;
  Acc identity() const { return Acc(1); }
  Acc step(Acc a, In x) const { return a * static_cast<Acc>(x); }
  Acc combine(Acc a, Acc b) const { return a * b; }
  Out project(Acc a) const { return castTo<Out>(a); }
};

template <class T>
struct CountNonzeroOp {
  using In = T;
  using Acc = int64_t;
  using Out = int64_t;
  static constexpr bool kCascade = false;
  Acc identity() const { return 0; }
  Acc step(Acc a, In x) const { return a + (x != In(0)); }
  Acc combine(Acc a, Acc b) const { return a + b; }
  Out project(Acc a) const { return a; }
};

DimMask optionalDims(const Tensor& self, std::optional<IntArrayRef> dim) {
  return dim ? makeDimMask(*dim, self.dim()) : allDims(self.dim());
}

int64_t reducedCount(const Tensor& self, DimMask mask) {
  int64_t n = 1;
  for (int64_t d = 0; d < self.dim(); ++d)
    if (inMask(mask, d)) n *= self.size(d);
  return n;
}

// sum and nansum: a given dtype converts the input first (as PyTorch does);
// otherwise integers and bools sum into int64.
template <bool kSkipNan>
Tensor sumImpl(const Tensor& self, DimMask mask, bool keepdim, std::optional<DType> dtype) {
  const Tensor in = dtype ? self.to(*dtype) : self;
  const bool toLong = !dtype && isIntegral(self.dtype(), true);
  return visitDType(in.dtype(), [&]<class T>() -> Tensor {
    if constexpr (!isFloatType<T>) {
      if (toLong) return reduce(SumOp<T, int64_t, kSkipNan>{}, in, mask, keepdim);
    }
    return reduce(SumOp<T, T, kSkipNan>{}, in, mask, keepdim);
  });
}

void checkMeanDtype(const Tensor& self, std::optional<DType> dtype, std::string_view op) {
  if (dtype) {
    EMBER_CHECK(isFloating(*dtype),
                "{}(): could not infer output dtype. Optional dtype must be either a floating point or complex "
                "dtype. Got: {}",
                op, scalarTypeName(*dtype));
    return;
  }
  EMBER_CHECK(isFloating(self.dtype()),
              "{}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
              "Got: {}",
              op, scalarTypeName(self.dtype()));
}

Tensor meanImpl(const Tensor& self, DimMask mask, bool keepdim, std::optional<DType> dtype) {
  checkMeanDtype(self, dtype, "mean");
  const Tensor in = dtype ? self.to(*dtype) : self;
  const int64_t n = reducedCount(in, mask);
  return visitDType(in.dtype(), [&]<class T>() -> Tensor {
    if constexpr (isFloatType<T>) {
      return reduce(MeanOp<T>{static_cast<OpMathType<T>>(n)}, in, mask, keepdim);
    } else {
      EMBER_FAIL("mean: unexpected dtype {}", dtypeName(in.dtype()));
    }
  });
}

Tensor prodImpl(const Tensor& self, DimMask mask, bool keepdim, std::optional<DType> dtype) {
  const Tensor in = dtype ? self.to(*dtype) : self;
  if (in.dtype() == DType::Half || in.dtype() == DType::BFloat16) notImplementedFor("prod_cpu", in.dtype());
  const bool toLong = !dtype && isIntegral(self.dtype(), true);
  return visitDType(in.dtype(), [&]<class T>() -> Tensor {
    if constexpr (isReducedFloat<T>) {
      EMBER_FAIL("prod: unexpected dtype");
    } else {
      if constexpr (!isFloatType<T>) {
        if (toLong) return reduce(ProdOp<T, int64_t>{}, in, mask, keepdim);
      }
      return reduce(ProdOp<T, T>{}, in, mask, keepdim);
    }
  });
}

Tensor countNonzeroImpl(const Tensor& self, DimMask mask) {
  return visitDType(self.dtype(), [&]<class T>() { return reduce(CountNonzeroOp<T>{}, self, mask, false); });
}

// logsumexp over a ReductionMatrix, per PyTorch: m = max (NaN wins), an
// infinite m is replaced by 0, result = log(Σ exp(x - m)) + m.
template <class T>
void logsumexpMatrix(const ReductionMatrix& mat, T* out) {
  using Acc = OpMathType<T>;
  const T* x = static_cast<const T*>(mat.data.rawData());
  auto maxOf = [](Acc a, Acc v) { return (v != v || v > a) ? v : a; };
  auto finish = [](Acc m) { return std::isinf(m) ? Acc(0) : m; };
  if (mat.rows) {
    for (int64_t i = 0; i < mat.m; ++i) {
      const T* row = x + i * mat.r;
      Acc m = -std::numeric_limits<Acc>::infinity();
      for (int64_t j = 0; j < mat.r; ++j) {
        if (m != m) break;
        m = maxOf(m, static_cast<Acc>(row[j]));
      }
      m = finish(m);
      Acc s = 0;
      for (int64_t j = 0; j < mat.r; ++j) s += std::exp(static_cast<Acc>(row[j]) - m);
      out[i] = castTo<T>(std::log(s) + m);
    }
    return;
  }
  std::vector<Acc> m(static_cast<size_t>(mat.m), -std::numeric_limits<Acc>::infinity());
  std::vector<Acc> s(static_cast<size_t>(mat.m), Acc(0));
  for (int64_t i = 0; i < mat.r; ++i) {
    const T* row = x + i * mat.m;
    for (int64_t j = 0; j < mat.m; ++j) m[j] = maxOf(m[j], static_cast<Acc>(row[j]));
  }
  for (auto& v : m) v = finish(v);
  for (int64_t i = 0; i < mat.r; ++i) {
    const T* row = x + i * mat.m;
    for (int64_t j = 0; j < mat.m; ++j) s[j] += std::exp(static_cast<Acc>(row[j]) - m[j]);
  }
  for (int64_t j = 0; j < mat.m; ++j) out[j] = castTo<T>(std::log(s[j]) + m[j]);
}

}  // namespace

Tensor sum(const Tensor& self, std::optional<DType> dtype) {
  return sumImpl<false>(self, allDims(self.dim()), false, dtype);
}

Tensor sumDim(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype) {
  return sumImpl<false>(self, optionalDims(self, dim), keepdim, dtype);
}

Tensor nansum(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype) {
  return sumImpl<true>(self, optionalDims(self, dim), keepdim, dtype);
}

Tensor mean(const Tensor& self, std::optional<DType> dtype) {
  return meanImpl(self, allDims(self.dim()), false, dtype);
}

Tensor meanDim(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype) {
  return meanImpl(self, optionalDims(self, dim), keepdim, dtype);
}

Tensor nanmean(const Tensor& self, std::optional<IntArrayRef> dim, bool keepdim, std::optional<DType> dtype) {
  EMBER_CHECK(isFloating(self.dtype()), "nanmean(): expected input to have floating point dtype but got {}",
              scalarTypeName(self.dtype()));
  checkMeanDtype(self, dtype, "nanmean");
  const Tensor in = dtype ? self.to(*dtype) : self;
  const DimMask mask = optionalDims(in, dim);
  return visitDType(in.dtype(), [&]<class T>() -> Tensor {
    if constexpr (isFloatType<T>) {
      return reduce(NanMeanOp<T>{}, in, mask, keepdim);
    } else {
      EMBER_FAIL("nanmean: unexpected dtype");
    }
  });
}

Tensor prod(const Tensor& self, std::optional<DType> dtype) {
  return prodImpl(self, allDims(self.dim()), false, dtype);
}

Tensor prodDim(const Tensor& self, int64_t dim, bool keepdim, std::optional<DType> dtype) {
  return prodImpl(self, makeDimMask(IntArrayRef(dim), self.dim()), keepdim, dtype);
}

Tensor countNonzero(const Tensor& self, std::optional<int64_t> dim) {
  if (!dim) return countNonzeroImpl(self, allDims(self.dim()));
  return countNonzeroImpl(self, makeDimMask(IntArrayRef(*dim), self.dim()));
}

Tensor countNonzeroDims(const Tensor& self, IntArrayRef dim) {
  return countNonzeroImpl(self, makeDimMask(dim, self.dim()));
}

Tensor logsumexp(const Tensor& self, IntArrayRef dim, bool keepdim) {
  const DimMask mask = makeDimMask(dim, self.dim());
  // PyTorch adds amax(keepdim=True) into the sum's result in place: with an
  // empty list the shapes disagree.
  if (dim.empty() && !keepdim && self.dim() > 0)
    EMBER_FAIL("output with shape [] doesn't match the broadcast shape {}",
               shapeString(DimVector(static_cast<size_t>(self.dim()), 1)));
  const Tensor in = isIntegral(self.dtype(), true) ? self.to(kDefaultFloat) : self;
  if (in.dtype() == DType::Half) notImplementedFor("exp_vml_cpu", in.dtype());
  Tensor out = Tensor::empty(keepdimShape(in.sizes(), mask), in.dtype());
  const ReductionMatrix mat = asReductionMatrix(in, mask);
  visitDType(in.dtype(), [&]<class T>() {
    if constexpr (isFloatType<T>) logsumexpMatrix<T>(mat, static_cast<T*>(out.rawData()));
  });
  return squeezeReduced(out, mask, keepdim);
}

}  // namespace ember::kernels
