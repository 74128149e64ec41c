#include "ember/kernels/loss.h"

#include <cmath>
#include <vector>

#include "ember/kernels/nn_common.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

namespace {

constexpr int64_t kNone = 0, kMean = 1, kSum = 2;

// ---------------------------------------------------------------- broadcasting helpers

DimVector broadcastShapes(IntArrayRef a, IntArrayRef b) {
  const size_t n = std::max(a.size(), b.size());
  DimVector out(n, 1);
  for (size_t i = 0; i < n; ++i) {
    const int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1)
      EMBER_FAIL("The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}", da, db,
                 i);
    out[i] = da == 1 ? db : da;
  }
  return out;
}

// A contiguous tensor of `shape` and dtype t holding x broadcast to shape.
Tensor expandContiguous(const Tensor& x, IntArrayRef shape, DType t) {
  DimVector strides(shape.size(), 0);
  const size_t off = shape.size() - static_cast<size_t>(x.dim());
  for (size_t i = 0; i < static_cast<size_t>(x.dim()); ++i)
    strides[off + i] = x.size(static_cast<int64_t>(i)) == 1 ? 0 : x.stride(static_cast<int64_t>(i));
  Tensor view = x.asStrided(shape, strides, x.storageOffset());
  Tensor out = Tensor::empty(shape, t);
  if (out.numel() > 0) out.copyFrom(view);
  return out;
}

// loss.mean() / loss.sum() / loss, as apply_loss_reduction.
Tensor applyReduction(const Tensor& loss, int64_t reduction) {
  if (reduction != kMean && reduction != kSum) return loss;
  const DType t = loss.dtype();
  if (reduction == kMean && !isFloating(t))
    EMBER_FAIL(
        "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {}",
        scalarTypeName(t));
  const DType outType = isFloating(t) ? t : DType::Long;
  Tensor out = Tensor::empty({}, outType);
  visitDType(t, [&]<class T>() {
    const T* p = loss.data<T>();
    const int64_t n = loss.numel();
    if constexpr (isFloatType<T>) {
      double sum = 0;
      for (int64_t i = 0; i < n; ++i) sum += static_cast<double>(p[i]);
      if (reduction == kMean) sum /= static_cast<double>(n);
      *out.data<T>() = static_cast<T>(sum);
    } else {
      int64_t sum = 0;
      for (int64_t i = 0; i < n; ++i) sum += static_cast<int64_t>(p[i]);
      *out.data<int64_t>() = sum;
    }
  });
  return out;
}

// Elementwise loss over broadcast (self, target): f(x, y) in the promoted
// dtype's op math, rounded once.
template <class F>
Tensor pointwiseLoss(const Tensor& self, const Tensor& target, int64_t reduction, std::string_view kernel,
                     bool allowHalf, bool allowBF16, F&& f) {
  const DType t = resultType(self, target);
  if (!isFloating(t) || (t == DType::Half && !allowHalf) || (t == DType::BFloat16 && !allowBF16))
    nn::failNotImplemented(kernel, t);
  DimVector shape = broadcastShapes(self.sizes(), target.sizes());
  Tensor a = expandContiguous(self, shape, t), b = expandContiguous(target, shape, t);
  Tensor loss = Tensor::empty(shape, t);
  visitDType(t, [&]<class T>() {
    if constexpr (isFloatType<T>) {
      using Acc = OpMathType<T>;
      const T* x = a.data<T>();
      const T* y = b.data<T>();
      T* o = loss.data<T>();
      for (int64_t i = 0, n = loss.numel(); i < n; ++i)
        o[i] = static_cast<T>(f(static_cast<Acc>(x[i]), static_cast<Acc>(y[i])));
    }
  });
  return applyReduction(loss, reduction);
}

}  // namespace

Tensor l1Loss(const Tensor& self, const Tensor& target, int64_t reduction) {
  // (self - target).abs(): every numeric dtype; integers stay integers.
  if (self.dtype() == DType::Bool && target.dtype() == DType::Bool)
    EMBER_FAIL(
        "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
        "operator instead.");
  const DType t = resultType(self, target);
  DimVector shape = broadcastShapes(self.sizes(), target.sizes());
  Tensor a = expandContiguous(self, shape, t), b = expandContiguous(target, shape, t);
  Tensor loss = Tensor::empty(shape, t);
  visitDType(t, [&]<class T>() {
    const T* x = a.data<T>();
    const T* y = b.data<T>();
    T* o = loss.data<T>();
    for (int64_t i = 0, n = loss.numel(); i < n; ++i) {
      if constexpr (std::is_same_v<T, bool>) {
        o[i] = x[i] != y[i];
      } else if constexpr (isFloatType<T>) {
        const T d = static_cast<T>(static_cast<OpMathType<T>>(x[i]) - static_cast<OpMathType<T>>(y[i]));
        o[i] = static_cast<T>(std::abs(static_cast<OpMathType<T>>(d)));
      } else {
        const T d = static_cast<T>(x[i] - y[i]);
        if constexpr (std::is_signed_v<T>)
          o[i] = static_cast<T>(d < 0 ? -d : d);
        else
          o[i] = d;
      }
    }
  });
  return applyReduction(loss, reduction);
}

Tensor mseLoss(const Tensor& self, const Tensor& target, int64_t reduction) {
  EMBER_CHECK(reduction == kNone || reduction == kMean || reduction == kSum,
              "reduction == Reduction::Mean || reduction == Reduction::Sum INTERNAL ASSERT FAILED");
  return pointwiseLoss(self, target, reduction, "mse_cpu", true, false, [](auto x, auto y) {
    const auto d = x - y;
    return d * d;
  });
}

Tensor smoothL1Loss(const Tensor& self, const Tensor& target, int64_t reduction, double beta) {
  EMBER_CHECK(beta >= 0, "smooth_l1_loss does not support negative values for beta.");
  if (beta == 0) return l1Loss(self, target, reduction);
  return pointwiseLoss(self, target, reduction, "smooth_l1_cpu", true, true, [beta](auto x, auto y) {
    using A = decltype(x);
    const A z = std::abs(x - y);
    const A b = static_cast<A>(beta);
    return z < b ? A(0.5) * z * z / b : z - A(0.5) * b;
  });
}

Tensor huberLoss(const Tensor& self, const Tensor& target, int64_t reduction, double delta) {
  EMBER_CHECK(delta > 0, "huber_loss does not support non-positive values for delta.");
  return pointwiseLoss(self, target, reduction, "huber_cpu", true, true, [delta](auto x, auto y) {
    using A = decltype(x);
    const A z = std::abs(x - y);
    const A d = static_cast<A>(delta);
    return z < d ? A(0.5) * z * z : d * (z - A(0.5) * d);
  });
}

Tensor binaryCrossEntropy(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                          int64_t reduction) {
  EMBER_CHECK(target.dtype() == self.dtype(), "Found dtype {} but expected {}", scalarTypeName(target.dtype()),
              scalarTypeName(self.dtype()));
  const DType t = self.dtype();
  if (!isFloating(t) || t == DType::Half) nn::failNotImplemented("binary_cross_entropy", t);
  DimVector shape = broadcastShapes(self.sizes(), target.sizes());
  if (weight) shape = broadcastShapes(shape, weight->sizes());
  Tensor x = expandContiguous(self, shape, t), y = expandContiguous(target, shape, t);
  Tensor w = weight ? expandContiguous(*weight, shape, t) : Tensor();
  Tensor loss = Tensor::empty(shape, t);
  visitDType(t, [&]<class T>() {
    if constexpr (isFloatType<T>) {
      using Acc = OpMathType<T>;
      const T* xp = x.data<T>();
      const T* yp = y.data<T>();
      T* o = loss.data<T>();
      for (int64_t i = 0, n = loss.numel(); i < n; ++i) {
        const Acc in = static_cast<Acc>(xp[i]), tg = static_cast<Acc>(yp[i]);
        EMBER_CHECK(in >= 0 && in <= 1, "all elements of input should be between 0 and 1");
        // PyTorch clamps the logs at -100 so that 0 * log(0) stays finite.
        const Acc logIn = std::max(std::log(in), Acc(-100));
        const Acc log1m = std::max(std::log1p(-in), Acc(-100));
        Acc v = (tg - 1) * log1m - tg * logIn;
        if (weight) v *= static_cast<Acc>(w.data<T>()[i]);
        o[i] = static_cast<T>(v);
      }
    }
  });
  return applyReduction(loss, reduction);
}

Tensor binaryCrossEntropyWithLogits(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                                    const std::optional<Tensor>& posWeight, int64_t reduction) {
  // loss = (1 - target).mul_(input)...: computed in target's dtype, in place.
  if (target.dtype() == DType::Bool)
    EMBER_FAIL(
        "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
        "operator instead.");
  const DType t = target.dtype();
  const DType promoted = promoteTypes(t, self.dtype());
  EMBER_CHECK(canCast(promoted, t), "result type {} can't be cast to the desired output type {}",
              scalarTypeName(promoted), scalarTypeName(t));
  EMBER_CHECK(isFloating(t), "result type {} can't be cast to the desired output type {}", scalarTypeName(promoted),
              scalarTypeName(t));
  DimVector shape(target.sizes());
  DimVector full = broadcastShapes(shape, self.sizes());
  EMBER_CHECK(std::equal(full.begin(), full.end(), shape.begin(), shape.end()),
              "output with shape {} doesn't match the broadcast shape {}", shapeString(shape), shapeString(full));
  Tensor x = expandContiguous(self, shape, t), y = expandContiguous(target, shape, t);
  Tensor pw = posWeight ? expandContiguous(*posWeight, broadcastShapes(posWeight->sizes(), shape), t) : Tensor();
  if (posWeight) shape = DimVector(pw.sizes());
  Tensor w = weight ? expandContiguous(*weight, shape, t) : Tensor();
  Tensor loss = Tensor::empty(shape, t);
  if (t == DType::Half) nn::failNotImplemented("clamp_min_cpu", t);
  visitDType(t, [&]<class T>() {
    if constexpr (isFloatType<T>) {
      using Acc = OpMathType<T>;
      const T* xp = x.data<T>();
      const T* yp = y.data<T>();
      T* o = loss.data<T>();
      for (int64_t i = 0, n = loss.numel(); i < n; ++i) {
        const Acc in = static_cast<Acc>(xp[i]), tg = static_cast<Acc>(yp[i]);
        const Acc maxVal = std::max(-in, Acc(0));
        const Acc logTerm = std::log(std::exp(-maxVal) + std::exp(-in - maxVal)) + maxVal;
        Acc v;
        if (posWeight) {
          const Acc logWeight = (static_cast<Acc>(pw.data<T>()[i]) - 1) * tg + 1;
          v = (1 - tg) * in + logWeight * logTerm;
        } else {
          v = (1 - tg) * in + logTerm;
        }
        if (weight) v *= static_cast<Acc>(w.data<T>()[i]);
        o[i] = static_cast<T>(v);
      }
    }
  });
  return applyReduction(loss, reduction);
}

// ---------------------------------------------------------------- nll / cross entropy

namespace {

// Log-probabilities laid out as [N, C, S] (S spatial positions), targets [N, S].
struct ClassLayout {
  int64_t N = 1, C = 1, S = 1;
};

ClassLayout classLayout(const Tensor& self) {
  ClassLayout l;
  if (self.dim() == 1) {
    l.C = self.size(0);
    return l;
  }
  l.N = self.size(0);
  l.C = self.size(1);
  l.S = l.N * l.C == 0 ? 0 : self.numel() / (l.N * l.C);
  return l;
}

void checkTargetType(const Tensor& target) {
  EMBER_CHECK(target.dtype() == DType::Long || target.dtype() == DType::Byte, "expected scalar type Long but found {}",
              scalarTypeName(target.dtype()));
}

// The shared nll kernel: output per (n, s) for reduction none, else the sum
// (divided by the total weight for mean), plus the total weight.
std::tuple<Tensor, Tensor> nllCore(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                                   int64_t reduction, int64_t ignoreIndex, const ClassLayout& l,
                                   IntArrayRef noneShape) {
  checkTargetType(target);
  const DType t = self.dtype();
  if (weight)
    EMBER_CHECK(weight->dtype() == t, "expected scalar type {} but found {}", scalarTypeName(t),
                scalarTypeName(weight->dtype()));
  Tensor x = self.contiguous();
  std::vector<int64_t> tg = target.toVector<int64_t>();
  std::vector<double> w = weight ? weight->toVector<double>() : std::vector<double>();
  Tensor out = reduction == kNone ? Tensor::empty(noneShape, t) : Tensor::empty({}, t);
  Tensor totalWeight = Tensor::empty({}, t);
  nn::dispatchFloatingBF16(t, "nll_loss_out_frame", [&]<class T>() {
    const T* xp = x.data<T>();
    double sum = 0, total = 0;
    for (int64_t n = 0; n < l.N; ++n)
      for (int64_t s = 0; s < l.S; ++s) {
        const int64_t cls = tg[static_cast<size_t>(n * l.S + s)];
        double v = 0;
        if (cls != ignoreIndex) {
          EMBER_CHECK_KIND(Index, cls >= 0 && cls < l.C, "Target {} is out of bounds.", cls);
          const double wi = weight ? w[static_cast<size_t>(cls)] : 1.0;
          v = -static_cast<double>(xp[(n * l.C + cls) * l.S + s]) * wi;
          total += wi;
        }
        if (reduction == kNone) out.data<T>()[n * l.S + s] = static_cast<T>(v);
        sum += v;
      }
    if (reduction != kNone) *out.data<T>() = static_cast<T>(reduction == kMean ? sum / total : sum);
    *totalWeight.data<T>() = static_cast<T>(total);
  });
  return {out, totalWeight};
}

void checkWeight(const std::optional<Tensor>& weight, int64_t nClasses, std::string_view prefix) {
  EMBER_CHECK(!weight || (weight->dim() == 1 && weight->numel() == nClasses),
              "{}weight tensor should be defined either for all {} classes or no classes but got weight tensor of "
              "shape: {}",
              prefix, nClasses, shapeString(weight->sizes()));
}

// log_softmax over the class dim of a [N, C, S] layout, in the input's op math.
Tensor logSoftmaxClasses(const Tensor& self, const ClassLayout& l) {
  const DType t = self.dtype();
  const std::string_view name = l.S == 1 ? "log_softmax_lastdim_kernel_impl" : "log_softmax_kernel_impl";
  Tensor x = self.contiguous();
  Tensor out = Tensor::empty(self.sizes(), t);
  nn::dispatchFloatingBF16(t, name, [&]<class T>() {
    using Acc = OpMathType<T>;
    const T* xp = x.data<T>();
    T* op = out.data<T>();
    for (int64_t n = 0; n < l.N; ++n)
      for (int64_t s = 0; s < l.S; ++s) {
        const int64_t base = n * l.C * l.S + s;
        Acc mx = -std::numeric_limits<Acc>::infinity();
        for (int64_t c = 0; c < l.C; ++c) mx = std::max(mx, static_cast<Acc>(xp[base + c * l.S]));
        Acc sum = 0;
        for (int64_t c = 0; c < l.C; ++c) sum += std::exp(static_cast<Acc>(xp[base + c * l.S]) - mx);
        const Acc lse = std::log(sum) + mx;
        for (int64_t c = 0; c < l.C; ++c)
          op[base + c * l.S] = static_cast<T>(static_cast<Acc>(xp[base + c * l.S]) - lse);
      }
  });
  return out;
}

}  // namespace

std::tuple<Tensor, Tensor> nllLossForward(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                                          int64_t reduction, int64_t ignoreIndex) {
  EMBER_CHECK(self.dim() > 0 && self.dim() <= 2, "input tensor should be 1D or 2D");
  EMBER_CHECK(target.dim() <= 1, "0D or 1D target tensor expected, multi-target not supported");
  const bool noBatchDim = self.dim() == 1 && target.dim() == 0;
  EMBER_CHECK(noBatchDim || self.size(0) == target.size(0), "size mismatch (got input: {}, target: {})",
              shapeString(self.sizes()), shapeString(target.sizes()));
  checkWeight(weight, self.size(-1), "");
  ClassLayout l = classLayout(self);
  DimVector noneShape;
  if (self.dim() == 2) noneShape.push_back(l.N);
  return nllCore(self, target, weight, reduction, ignoreIndex, l, noneShape);
}

Tensor nllLoss(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
               int64_t ignoreIndex) {
  return std::get<0>(nllLossForward(self, target, weight, reduction, ignoreIndex));
}

std::tuple<Tensor, Tensor> nllLoss2dForward(const Tensor& self, const Tensor& target,
                                            const std::optional<Tensor>& weight, int64_t reduction,
                                            int64_t ignoreIndex) {
  EMBER_CHECK(target.dim() == 3,
              "only batches of spatial targets supported (3D tensors) but got targets of dimension: {}", target.dim());
  EMBER_CHECK(self.dim() == 4, "only batches of spatial inputs supported (4D tensors), but got input of dimension: {}",
              self.dim());
  EMBER_CHECK(!weight || weight->numel() == self.size(1),
              "weight tensor should be defined either for all or no classes");
  EMBER_CHECK(self.size(0) == target.size(0) && self.size(2) == target.size(1) && self.size(3) == target.size(2),
              "size mismatch (got input: {} , target: {}", shapeString(self.sizes()), shapeString(target.sizes()));
  ClassLayout l = classLayout(self);
  return nllCore(self, target, weight, reduction, ignoreIndex, l, target.sizes());
}

Tensor nllLoss2d(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
                 int64_t ignoreIndex) {
  return std::get<0>(nllLoss2dForward(self, target, weight, reduction, ignoreIndex));
}

Tensor nllLossNd(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight, int64_t reduction,
                 int64_t ignoreIndex) {
  EMBER_CHECK_KIND(Value, self.dim() >= 1, "Expected 1 or more dimensions (got {})", self.dim());
  if (self.dim() != 1 && self.size(0) != target.size(0))
    EMBER_FAIL_KIND(Value, "Expected input batch_size ({}) to match target batch_size ({}).", self.size(0),
                    target.size(0));
  if (self.dim() <= 2) return nllLoss(self, target, weight, reduction, ignoreIndex);
  if (self.dim() == 4) return nllLoss2d(self, target, weight, reduction, ignoreIndex);
  DimVector outSize;
  outSize.push_back(self.size(0));
  for (int64_t i = 2; i < self.dim(); ++i) outSize.push_back(self.size(i));
  EMBER_CHECK(std::equal(target.sizes().begin() + 1, target.sizes().end(), outSize.begin() + 1, outSize.end()),
              "Expected target size {}, got {}", shapeString(outSize), shapeString(target.sizes()));
  checkWeight(weight, self.size(1), "");
  ClassLayout l = classLayout(self);
  return std::get<0>(nllCore(self, target, weight, reduction, ignoreIndex, l, outSize));
}

Tensor crossEntropyLoss(const Tensor& self, const Tensor& target, const std::optional<Tensor>& weight,
                        int64_t reduction, int64_t ignoreIndex, double labelSmoothing) {
  const bool sameShape =
      std::equal(self.sizes().begin(), self.sizes().end(), target.sizes().begin(), target.sizes().end());
  const int64_t classDim = self.dim() == 1 ? 0 : 1;
  if (sameShape) {
    // Class probabilities.
    EMBER_CHECK(isFloating(target.dtype()), "Expected floating point type for target with class probabilities, got {}",
                scalarTypeName(target.dtype()));
    EMBER_CHECK(ignoreIndex < 0, "ignore_index is not supported for floating point target");
    const int64_t nClasses = self.size(classDim);
    checkWeight(weight, nClasses, "cross_entropy: ");
    EMBER_CHECK(labelSmoothing <= 1.0, "label_smoothing must be between 0.0 and 1.0. Got: {}", labelSmoothing);
    ClassLayout l = classLayout(self);
    Tensor logp = logSoftmaxClasses(self, l);
    std::vector<double> lp = logp.toVector<double>(), tg = target.toVector<double>();
    std::vector<double> w = weight ? weight->toVector<double>() : std::vector<double>();
    DimVector noneShape(self.sizes());
    noneShape.erase(noneShape.begin() + classDim);
    std::vector<double> per(static_cast<size_t>(l.N * l.S), 0.0);
    for (int64_t n = 0; n < l.N; ++n)
      for (int64_t c = 0; c < l.C; ++c)
        for (int64_t s = 0; s < l.S; ++s) {
          const size_t i = static_cast<size_t>((n * l.C + c) * l.S + s);
          double y = tg[i];
          if (labelSmoothing > 0) y = y * (1 - labelSmoothing) + labelSmoothing / static_cast<double>(nClasses);
          per[static_cast<size_t>(n * l.S + s)] -= lp[i] * y * (weight ? w[static_cast<size_t>(c)] : 1.0);
        }
    const DType t = self.dtype();
    if (reduction == kNone) return Tensor::fromVector(per, noneShape).to(t);
    double sum = 0;
    for (double v : per) sum += v;
    if (reduction == kMean) sum = self.numel() == 0 ? std::nan("") : sum / static_cast<double>(self.numel() / nClasses);
    return Tensor::scalar(Scalar(sum), t);
  }
  if (self.dim() >= 1) checkTargetType(target);
  ClassLayout l = classLayout(self);
  Tensor logp = self.dim() >= 1 ? logSoftmaxClasses(self, l) : self;
  if (labelSmoothing <= 0.0) return nllLossNd(logp, target, weight, reduction, ignoreIndex);
  EMBER_CHECK(labelSmoothing <= 1.0, "label_smoothing must be between 0.0 and 1.0. Got: {}", labelSmoothing);
  Tensor nll = nllLossNd(logp, target, weight, reduction, ignoreIndex);
  // smooth_loss = -(input * weight).sum(class_dim), zero where the target is ignored.
  std::vector<double> lp = logp.toVector<double>();
  std::vector<int64_t> tg = target.toVector<int64_t>();
  std::vector<double> w = weight ? weight->toVector<double>() : std::vector<double>();
  std::vector<double> smooth(static_cast<size_t>(l.N * l.S), 0.0);
  double smoothSum = 0, denom = 0;
  for (int64_t n = 0; n < l.N; ++n)
    for (int64_t s = 0; s < l.S; ++s) {
      const size_t j = static_cast<size_t>(n * l.S + s);
      if (tg[j] == ignoreIndex) continue;
      double v = 0;
      for (int64_t c = 0; c < l.C; ++c)
        v -= lp[static_cast<size_t>((n * l.C + c) * l.S + s)] * (weight ? w[static_cast<size_t>(c)] : 1.0);
      smooth[j] = v;
      smoothSum += v;
      denom += weight ? w[static_cast<size_t>(tg[j])] : 1.0;
    }
  const double eps = labelSmoothing / static_cast<double>(l.C);
  const DType t = self.dtype();
  std::vector<double> nllv = nll.toVector<double>();
  if (reduction == kNone) {
    std::vector<double> r(nllv.size());
    for (size_t i = 0; i < r.size(); ++i) r[i] = (1 - labelSmoothing) * nllv[i] + smooth[i] * eps;
    return Tensor::fromVector(r, nll.sizes()).to(t);
  }
  const double ret = reduction == kMean ? smoothSum / denom : smoothSum;
  return Tensor::scalar(Scalar((1 - labelSmoothing) * nllv[0] + ret * eps), t);
}

}  // namespace ember::kernels
