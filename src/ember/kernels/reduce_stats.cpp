// var, std, var_mean, std_mean; norm, linalg_vector_norm, frobenius_norm.
#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "ember/kernels/reduce.h"
#include "ember/kernels/reduce_common.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

using namespace reduce_detail;

namespace {

// ---------------------------------------------------------------- var / std

// Two passes in double (mean, then squared deviations), as accurate as
// PyTorch's double Welford; the divisor is max(0, n - correction).
template <class T>
void varianceMatrix(const ReductionMatrix& mat, double correction, bool takeSqrt, T* varOut, T* meanOut) {
  const T* x = static_cast<const T*>(mat.data.rawData());
  const double divisor = std::max(0.0, static_cast<double>(mat.r) - correction);
  const double n = static_cast<double>(mat.r);
  auto finish = [&](double m2) {
    double v = m2 / divisor;
    return castTo<T>(takeSqrt ? std::sqrt(v) : v);
  };
  if (mat.rows) {
    // TODO(threads): split rows across support/thread_pool.h.
    for (int64_t i = 0; i < mat.m; ++i) {
      const T* row = x + i * mat.r;
      double s = 0;
      for (int64_t j = 0; j < mat.r; ++j) s += static_cast<double>(row[j]);
      const double mean = s / n;
      double m2 = 0;
      for (int64_t j = 0; j < mat.r; ++j) {
        double d = static_cast<double>(row[j]) - mean;
        m2 += d * d;
      }
      varOut[i] = finish(m2);
      if (meanOut) meanOut[i] = castTo<T>(mean);
    }
    return;
  }
  std::vector<double> mean(static_cast<size_t>(mat.m), 0.0), m2(static_cast<size_t>(mat.m), 0.0);
  for (int64_t i = 0; i < mat.r; ++i) {
    const T* row = x + i * mat.m;
    for (int64_t j = 0; j < mat.m; ++j) mean[j] += static_cast<double>(row[j]);
  }
  for (auto& v : mean) v /= n;
  for (int64_t i = 0; i < mat.r; ++i) {
    const T* row = x + i * mat.m;
    for (int64_t j = 0; j < mat.m; ++j) {
      double d = static_cast<double>(row[j]) - mean[j];
      m2[j] += d * d;
    }
  }
  for (int64_t j = 0; j < mat.m; ++j) {
    varOut[j] = finish(m2[j]);
    if (meanOut) meanOut[j] = castTo<T>(mean[j]);
  }
}

std::tuple<Tensor, Tensor> varianceImpl(const Tensor& self, std::optional<IntArrayRef> dim,
                                        std::optional<int64_t> correction, bool keepdim, bool takeSqrt,
                                        bool wantMean) {
  EMBER_CHECK(isFloating(self.dtype()), "std and var only support floating point and complex dtypes");
  const DimMask mask = dim ? makeDimMask(*dim, self.dim()) : allDims(self.dim());
  const DimVector shape = keepdimShape(self.sizes(), mask);
  Tensor var = Tensor::empty(shape, self.dtype());
  Tensor mean = wantMean ? Tensor::empty(shape, self.dtype()) : Tensor();
  const ReductionMatrix mat = asReductionMatrix(self, mask);
  visitDType(self.dtype(), [&]<class T>() {
    if constexpr (isFloatType<T>)
      varianceMatrix<T>(mat, static_cast<double>(correction.value_or(1)), takeSqrt, static_cast<T*>(var.rawData()),
                        wantMean ? static_cast<T*>(mean.rawData()) : nullptr);
  });
  return {squeezeReduced(var, mask, keepdim), wantMean ? squeezeReduced(mean, mask, keepdim) : Tensor()};
}

// ---------------------------------------------------------------- norms

enum class NormKind { Zero, One, Two, Inf, NegInf, General };

template <class T, NormKind K>
struct NormOp {
  using In = T;
  using Acc = OpMathType<T>;
  using Out = T;
  static constexpr bool kCascade = K != NormKind::Inf && K != NormKind::NegInf;
  static constexpr bool kVec = kIsVecFloat<T> && K != NormKind::Zero && K != NormKind::General;
  Acc p;
  template <class V>
  EMBER_INLINE V vstep(V a, V x) const {
    if constexpr (K == NormKind::One) return a + simd::abs<Acc>(x);
    else if constexpr (K == NormKind::Two) return a + x * x;
    else return vcombine(a, simd::abs<Acc>(x));
  }
  template <class V>
  EMBER_INLINE V vcombine(V a, V b) const {
    if constexpr (K == NormKind::Inf) return simd::maxNan(a, b);
    else if constexpr (K == NormKind::NegInf) return simd::minNan(a, b);
    else return a + b;
  }
  Acc identity() const { return K == NormKind::NegInf ? std::numeric_limits<Acc>::infinity() : Acc(0); }
  Acc step(Acc a, In x) const {
    const Acc v = std::abs(static_cast<Acc>(x));
    switch (K) {
      case NormKind::Zero: return a + Acc(v != Acc(0));
      case NormKind::One: return a + v;
      case NormKind::Two: return a + v * v;
      case NormKind::General: return a + std::pow(v, p);
      case NormKind::Inf:
      case NormKind::NegInf: return combine(a, v);
    }
    return a;
  }
  Acc combine(Acc a, Acc b) const {
    if constexpr (K == NormKind::Inf) return (b != b || b > a) ? b : a;
    else if constexpr (K == NormKind::NegInf) return (b != b || b < a) ? b : a;
    else return a + b;
  }
  Out project(Acc a) const {
    if constexpr (K == NormKind::Two) return castTo<Out>(std::sqrt(a));
    else if constexpr (K == NormKind::General) return castTo<Out>(std::pow(a, Acc(1) / p));
    else return castTo<Out>(a);
  }
};

// in is already of the result dtype (floating).
Tensor vectorNorm(const Tensor& in, double p, DimMask mask, bool keepdim) {
  return visitDType(in.dtype(), [&]<class T>() -> Tensor {
    if constexpr (isFloatType<T>) {
      using Acc = OpMathType<T>;
      const Acc pa = static_cast<Acc>(p);
      if (p == 0) return reduce(NormOp<T, NormKind::Zero>{pa}, in, mask, keepdim);
      if (p == 1) return reduce(NormOp<T, NormKind::One>{pa}, in, mask, keepdim);
      if (p == 2) return reduce(NormOp<T, NormKind::Two>{pa}, in, mask, keepdim);
      if (std::isinf(p) && p > 0) return reduce(NormOp<T, NormKind::Inf>{pa}, in, mask, keepdim);
      if (std::isinf(p)) return reduce(NormOp<T, NormKind::NegInf>{pa}, in, mask, keepdim);
      return reduce(NormOp<T, NormKind::General>{pa}, in, mask, keepdim);
    } else {
      EMBER_FAIL("norm: unexpected dtype {}", dtypeName(in.dtype()));
    }
  });
}

// PyTorch prints a Scalar with ostream defaults: 2, -1, 0.5, inf.
std::string scalarText(const Scalar& s) {
  if (s.isFloating()) return fmt::format("{:g}", s.toDouble());
  if (s.isBool()) return s.toBool() ? "true" : "false";
  return fmt::format("{}", s.toInt());
}

}  // namespace

Tensor variance(const Tensor& self, std::optional<IntArrayRef> dim, std::optional<int64_t> correction, bool keepdim) {
  return std::get<0>(varianceImpl(self, dim, correction, keepdim, false, false));
}

Tensor stdDev(const Tensor& self, std::optional<IntArrayRef> dim, std::optional<int64_t> correction, bool keepdim) {
  return std::get<0>(varianceImpl(self, dim, correction, keepdim, true, false));
}

std::tuple<Tensor, Tensor> varMean(const Tensor& self, std::optional<IntArrayRef> dim,
                                   std::optional<int64_t> correction, bool keepdim) {
  return varianceImpl(self, dim, correction, keepdim, false, true);
}

std::tuple<Tensor, Tensor> stdMean(const Tensor& self, std::optional<IntArrayRef> dim,
                                   std::optional<int64_t> correction, bool keepdim) {
  return varianceImpl(self, dim, correction, keepdim, true, true);
}

Tensor norm(const Tensor& self, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim,
            std::optional<DType> dtype) {
  EMBER_CHECK(isFloating(self.dtype()), "norm(): input dtype should be either floating point or complex. Got {} instead.",
              scalarTypeName(self.dtype()));
  if (dtype)
    EMBER_CHECK(isFloating(*dtype),
                "norm(): the desired output dtype should be either floating point or complex. Got {} instead.",
                scalarTypeName(*dtype));
  const DimMask mask = makeDimMask(dim, self.dim());
  const Tensor in = dtype ? self.to(*dtype) : self;
  // aten::norm gives 0 for an empty reduction whatever p is.
  if (in.numel() == 0) {
    Tensor out = Tensor::empty(keepdimShape(in.sizes(), mask), in.dtype());
    std::memset(out.rawData(), 0, out.nbytes());  // 0.0 is all-zero bits in every float format
    return squeezeReduced(out, mask, keepdim);
  }
  return vectorNorm(in, p ? p->toDouble() : 2.0, mask, keepdim);
}

Tensor linalgVectorNorm(const Tensor& self, const Scalar& ord, std::optional<IntArrayRef> dim, bool keepdim,
                        std::optional<DType> dtype) {
  EMBER_CHECK(isFloating(self.dtype()), "linalg.vector_norm: Expected a floating point or complex tensor as input. Got {}",
              scalarTypeName(self.dtype()));
  if (dtype) {
    EMBER_CHECK(isFloating(*dtype), "linalg.vector_norm: dtype should be floating point or complex, but got {}",
                scalarTypeName(*dtype));
    EMBER_CHECK(promoteTypes(self.dtype(), *dtype) == *dtype,
                "linalg.vector_norm: the dtype of the input ({}) should be convertible without narrowing to the "
                "specified dtype ({})",
                scalarTypeName(self.dtype()), scalarTypeName(*dtype));
  }
  const double p = ord.toDouble();
  if (self.numel() == 0 && (p < 0 || std::isinf(p))) {
    if (dim && !dim->empty()) {
      for (int64_t d : *dim)
        EMBER_CHECK(self.size(d) != 0,
                    "linalg.vector_norm cannot compute the {} norm on the dimension {}because this dimension is "
                    "empty and the operation does not have an identity",
                    scalarText(ord), d);
    } else {
      EMBER_FAIL(
          "linalg.vector_norm cannot compute the {} norm on an empty tensor because the operation does not have "
          "an identity",
          scalarText(ord));
    }
  }
  const DimMask mask = dim ? makeDimMask(*dim, self.dim()) : allDims(self.dim());
  const Tensor in = dtype ? self.to(*dtype) : self;
  return vectorNorm(in, p, mask, keepdim);
}

Tensor frobeniusNorm(const Tensor& self, IntArrayRef dim, bool keepdim) {
  EMBER_CHECK(dim.size() <= 2, "Expected at most 2 dimensions, but got {} dimensions instead.", dim.size());
  if (dim.size() == 2) {
    const int64_t a = wrapDim(dim[0], self.dim()), b = wrapDim(dim[1], self.dim());
    EMBER_CHECK(a != b, "Expected dims to be different, got {} instead", shapeString(dim));
    // PyTorch computes sqrt(sum(self * self)) here, refusing what sqrt refuses.
    EMBER_CHECK(isFloating(self.dtype()), "norm(): input dtype should be either floating point or complex. Got {} instead.",
                scalarTypeName(self.dtype()));
    if (self.dtype() == DType::Half) notImplementedFor("sqrt_vml_cpu", self.dtype());
  }
  return norm(self, Scalar(2.0), dim, keepdim, std::nullopt);
}

}  // namespace ember::kernels
