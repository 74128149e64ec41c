#include "ember/kernels/norm.h"

#include <cmath>
#include <vector>

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

namespace {

// Statistics are accumulated in double whatever the dtype: rows of tens of
// thousands of floats (group norm over a feature map) lose digits otherwise.
struct Moments {
  double mean = 0;
  double var = 0;  // biased
};

template <class T>
Moments moments(const T* p, int64_t n) {
  if (n == 0) return {std::nan(""), std::nan("")};
  double sum = 0;
  for (int64_t i = 0; i < n; ++i) sum += static_cast<double>(p[i]);
  const double mean = sum / static_cast<double>(n);
  double sq = 0;
  for (int64_t i = 0; i < n; ++i) {
    const double d = static_cast<double>(p[i]) - mean;
    sq += d * d;
  }
  return {mean, sq / static_cast<double>(n)};
}

// A parameter vector (weight, bias, running stats) as doubles; `fallback` when absent.
std::vector<double> paramValues(const OptTensor& t, int64_t n, double fallback) {
  if (!t) return std::vector<double>(static_cast<size_t>(n), fallback);
  std::vector<double> v = t->toVector<double>();
  return v;
}

void checkNumFeatures(const char* name, int64_t expected, int64_t actual) {
  EMBER_CHECK(actual == expected, "{} should contain {} elements not {}", name, expected, actual);
}

// PyTorch's mixed-dtype rule for batch/group norm on CPU: parameters either
// match the input's dtype, or are float for a bfloat16 input.
void checkParamDTypes(const Tensor& input, std::initializer_list<const OptTensor*> params) {
  DType paramType = DType::Undefined;
  for (const OptTensor* p : params)
    if (*p && paramType == DType::Undefined) paramType = (*p)->dtype();
  if (paramType == DType::Undefined || paramType == input.dtype()) return;
  for (const OptTensor* p : params)
    if (*p)
      EMBER_CHECK((*p)->dtype() == DType::Float, "mixed dtype (CPU): expect parameter to have scalar type of Float");
  EMBER_CHECK(input.dtype() == DType::BFloat16, "mixed dtype (CPU): expect input to have scalar type of BFloat16");
}

// Batch norm over a contiguous [N, C, S] input. Writes the output and, in
// training, the batch statistics (and the running statistics in place).
struct BatchNormResult {
  Tensor out;
  std::vector<double> mean, invstd;  // batch statistics (training only)
};

BatchNormResult batchNormCore(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                              const OptTensor& runningMean, const OptTensor& runningVar, bool training, double momentum,
                              double eps) {
  const int64_t N = input.size(0), C = input.size(1);
  const int64_t S = C == 0 || N == 0 ? 0 : input.numel() / (N * C);
  BatchNormResult r;
  r.out = Tensor::empty(input.sizes(), input.dtype());
  std::vector<double> w = paramValues(weight, C, 1.0), b = paramValues(bias, C, 0.0);
  std::vector<double> mean(static_cast<size_t>(C)), invstd(static_cast<size_t>(C));
  nn::dispatchFloatingBF16(input.dtype(), "batch_norm", [&]<class T>() {
    const T* x = input.data<T>();
    T* y = r.out.data<T>();
    if (training) {
      const int64_t count = N * S;
      std::vector<double> varUnbiased(static_cast<size_t>(C));
      for (int64_t c = 0; c < C; ++c) {
        double sum = 0;
        for (int64_t n = 0; n < N; ++n) {
          const T* p = x + (n * C + c) * S;
          for (int64_t s = 0; s < S; ++s) sum += static_cast<double>(p[s]);
        }
        const double m = sum / static_cast<double>(count);
        double sq = 0;
        for (int64_t n = 0; n < N; ++n) {
          const T* p = x + (n * C + c) * S;
          for (int64_t s = 0; s < S; ++s) {
            const double d = static_cast<double>(p[s]) - m;
            sq += d * d;
          }
        }
        mean[c] = m;
        invstd[c] = 1.0 / std::sqrt(sq / static_cast<double>(count) + eps);
        varUnbiased[c] = sq / static_cast<double>(count - 1);
      }
      auto update = [&](const OptTensor& running, const std::vector<double>& batch) {
        if (!running) return;
        std::vector<double> old = running->toVector<double>();
        std::vector<double> upd(old.size());
        for (size_t c = 0; c < old.size(); ++c) upd[c] = momentum * batch[c] + (1 - momentum) * old[c];
        Tensor src = Tensor::fromVector(upd, running->sizes());
        running->copyFrom(src);
      };
      update(runningMean, mean);
      update(runningVar, varUnbiased);
    } else {
      std::vector<double> rm = runningMean->toVector<double>(), rv = runningVar->toVector<double>();
      for (int64_t c = 0; c < C; ++c) {
        mean[c] = rm[c];
        invstd[c] = 1.0 / std::sqrt(rv[c] + eps);
      }
    }
    using Acc = OpMathType<T>;
    for (int64_t c = 0; c < C; ++c) {
      // y = x * alpha + beta, folded per channel as PyTorch does.
      const Acc alpha = static_cast<Acc>(invstd[c] * w[c]);
      const Acc beta = static_cast<Acc>(b[c] - mean[c] * invstd[c] * w[c]);
      for (int64_t n = 0; n < N; ++n) {
        const T* p = x + (n * C + c) * S;
        T* q = y + (n * C + c) * S;
        for (int64_t s = 0; s < S; ++s) q[s] = static_cast<T>(static_cast<Acc>(p[s]) * alpha + beta);
      }
    }
  });
  if (training) {
    r.mean = std::move(mean);
    r.invstd = std::move(invstd);
  }
  return r;
}

// The checks of _batch_norm_impl_index / batch_norm_cpu, shared by batch_norm and native_batch_norm.
void checkBatchNormArgs(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                        const OptTensor& runningMean, const OptTensor& runningVar, bool training) {
  const int64_t numFeatures = input.dim() >= 2 ? input.size(1) : 0;
  if (runningMean)
    checkNumFeatures("running_mean", numFeatures, runningMean->numel());
  else if (!training)
    EMBER_FAIL("running_mean must be defined in evaluation mode");
  if (runningVar)
    checkNumFeatures("running_var", numFeatures, runningVar->numel());
  else if (!training)
    EMBER_FAIL("running_var must be defined in evaluation mode");
  if (weight) checkNumFeatures("weight", numFeatures, weight->numel());
  if (bias) checkNumFeatures("bias", numFeatures, bias->numel());
}

Tensor vectorTensor(const std::vector<double>& v, DType dtype) {
  Tensor t = Tensor::fromVector(v, {static_cast<int64_t>(v.size())});
  return t.to(dtype);
}

}  // namespace

std::tuple<Tensor, Tensor, Tensor> nativeBatchNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                                                   const OptTensor& runningMean, const OptTensor& runningVar,
                                                   bool training, double momentum, double eps) {
  checkBatchNormArgs(input, weight, bias, runningMean, runningVar, training);
  nn::dispatchFloatingBF16(input.dtype(), "batch_norm", []<class T>() {});
  checkParamDTypes(input, {&weight, &bias, &runningMean, &runningVar});
  const bool mixed = [&] {
    for (const OptTensor* p : {&weight, &bias, &runningMean, &runningVar})
      if (*p && (*p)->dtype() != input.dtype()) return true;
    return false;
  }();
  // Statistics are kept in the parameters' dtype: float for bfloat16 input with float parameters.
  const DType statType = mixed ? DType::Float : input.dtype();
  Tensor x = input.contiguous();
  BatchNormResult r = batchNormCore(x, weight, bias, runningMean, runningVar, training, momentum, eps);
  if (!training) {
    const DType accType = input.dtype() == DType::Double ? DType::Double : DType::Float;
    return {r.out, Tensor::empty({0}, accType), Tensor::empty({0}, accType)};
  }
  return {r.out, vectorTensor(r.mean, statType), vectorTensor(r.invstd, statType)};
}

Tensor batchNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias, const OptTensor& runningMean,
                 const OptTensor& runningVar, bool training, double momentum, double eps, bool cudnnEnabled) {
  if (input.numel() == 0) {
    // PyTorch returns input * weight[0] + bias[0] for empty inputs: a new empty tensor.
    return Tensor::empty(input.sizes(), input.dtype());
  }
  return std::get<0>(nativeBatchNorm(input, weight, bias, runningMean, runningVar, training, momentum, eps));
}

// ---------------------------------------------------------------- layer norm

std::tuple<Tensor, Tensor, Tensor> nativeLayerNorm(const Tensor& input, IntArrayRef normalizedShape,
                                                   const OptTensor& weight, const OptTensor& bias, double eps) {
  const int64_t nd = static_cast<int64_t>(normalizedShape.size());
  EMBER_CHECK(nd >= 1,
              "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got "
              "normalized_shape = {}",
              shapeString(normalizedShape));
  auto sameShape = [&](const Tensor& t) {
    return std::equal(t.sizes().begin(), t.sizes().end(), normalizedShape.begin(), normalizedShape.end());
  };
  EMBER_CHECK(!weight || sameShape(*weight),
              "Expected weight to be of same shape as normalized_shape, but got weight of shape {} and "
              "normalized_shape = {}",
              shapeString(weight->sizes()), shapeString(normalizedShape));
  EMBER_CHECK(!bias || sameShape(*bias),
              "Expected bias to be of same shape as normalized_shape, but got bias of shape {} and normalized_shape "
              "= {}",
              shapeString(bias->sizes()), shapeString(normalizedShape));
  const int64_t dim = input.dim();
  bool ok = dim >= nd;
  for (int64_t i = 0; ok && i < nd; ++i) ok = input.size(dim - nd + i) == normalizedShape[static_cast<size_t>(i)];
  if (!ok) {
    std::string expected = "[*";
    for (int64_t s : normalizedShape) expected += ", " + std::to_string(s);
    EMBER_FAIL("Given normalized_shape={}, expected input with shape {}], but got input of size{}",
               shapeString(normalizedShape), expected, shapeString(input.sizes()));
  }
  for (const OptTensor* p : {&weight, &bias})
    if (*p && (*p)->dtype() != input.dtype())
      EMBER_FAIL("expected scalar type {} but found {}", scalarTypeName(input.dtype()),
                 scalarTypeName((*p)->dtype()));
  const int64_t M = computeNumel(normalizedShape);
  const int64_t rows = M == 0 ? 0 : input.numel() / M;
  DimVector statSizes(input.sizes());
  for (int64_t i = dim - nd; i < dim; ++i) statSizes[i] = 1;
  Tensor out = Tensor::empty(input.sizes(), input.dtype());
  Tensor meanT = Tensor::empty(statSizes, input.dtype()), rstdT = Tensor::empty(statSizes, input.dtype());
  nn::dispatchFloatingBF16(input.dtype(), "LayerNormKernelImpl", [&]<class T>() {
    using Acc = OpMathType<T>;
    Tensor x = input.contiguous();
    std::vector<Acc> w(static_cast<size_t>(M), Acc(1)), b(static_cast<size_t>(M), Acc(0));
    if (weight) w = weight->toVector<Acc>();
    if (bias) b = bias->toVector<Acc>();
    const T* xp = x.data<T>();
    T* yp = out.data<T>();
    T* mp = meanT.data<T>();
    T* rp = rstdT.data<T>();
    nn::parallelFor(0, rows, 1, [&](int64_t begin, int64_t end) {
      for (int64_t r = begin; r < end; ++r) {
        const Moments m = moments(xp + r * M, M);
        const double rstd = 1.0 / std::sqrt(std::max(m.var, 0.0) + eps);
        const Acc scale = static_cast<Acc>(rstd), shift = static_cast<Acc>(-rstd * m.mean);
        const T* p = xp + r * M;
        T* q = yp + r * M;
        for (int64_t i = 0; i < M; ++i) q[i] = static_cast<T>((static_cast<Acc>(p[i]) * scale + shift) * w[i] + b[i]);
        mp[r] = static_cast<T>(m.mean);
        rp[r] = static_cast<T>(rstd);
      }
    });
  });
  return {out, meanT, rstdT};
}

Tensor layerNorm(const Tensor& input, IntArrayRef normalizedShape, const OptTensor& weight, const OptTensor& bias,
                 double eps, bool cudnnEnable) {
  return std::get<0>(nativeLayerNorm(input, normalizedShape, weight, bias, eps));
}

// ---------------------------------------------------------------- group norm

std::tuple<Tensor, Tensor, Tensor> nativeGroupNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias,
                                                   int64_t N, int64_t C, int64_t HxW, int64_t group, double eps) {
  EMBER_CHECK(input.numel() == N * C * HxW, "Expected input to have {} elements, but got {}", N * C * HxW,
              input.numel());
  checkParamDTypes(input, {&weight, &bias});
  Tensor out = Tensor::empty(input.sizes(), input.dtype());
  const DType statType = input.dtype();
  Tensor meanT = Tensor::empty({N, group}, statType), rstdT = Tensor::empty({N, group}, statType);
  nn::dispatchFloatingBF16(input.dtype(), "GroupNormKernelImpl", [&]<class T>() {
    using Acc = OpMathType<T>;
    Tensor x = input.contiguous();
    std::vector<double> w = paramValues(weight, C, 1.0), b = paramValues(bias, C, 0.0);
    const T* xp = x.data<T>();
    T* yp = out.data<T>();
    const int64_t D = C / group;  // channels per group
    for (int64_t n = 0; n < N; ++n)
      for (int64_t g = 0; g < group; ++g) {
        const int64_t base = (n * C + g * D) * HxW;
        const Moments m = moments(xp + base, D * HxW);
        const double rstd = 1.0 / std::sqrt(std::max(m.var, 0.0) + eps);
        for (int64_t d = 0; d < D; ++d) {
          const int64_t c = g * D + d;
          const Acc scale = static_cast<Acc>(rstd * w[c]);
          const Acc shift = static_cast<Acc>(-scale * m.mean + b[c]);
          const T* p = xp + base + d * HxW;
          T* q = yp + base + d * HxW;
          for (int64_t i = 0; i < HxW; ++i) q[i] = static_cast<T>(static_cast<Acc>(p[i]) * scale + shift);
        }
        meanT.data<T>()[n * group + g] = static_cast<T>(m.mean);
        rstdT.data<T>()[n * group + g] = static_cast<T>(rstd);
      }
  });
  return {out, meanT, rstdT};
}

Tensor groupNorm(const Tensor& input, int64_t numGroups, const OptTensor& weight, const OptTensor& bias, double eps,
                 bool cudnnEnabled) {
  const int64_t N = input.size(0), C = input.size(1);
  EMBER_CHECK(numGroups > 0, "Expected num groups to be greater than 0, got {}", numGroups);
  EMBER_CHECK(C % numGroups == 0,
              "Expected number of channels in input to be divisible by num_groups, but got input of shape {} and "
              "num_groups={}",
              shapeString(input.sizes()), numGroups);
  const std::string weightShape = weight ? shapeString(weight->sizes()) : "[0]";
  EMBER_CHECK(!weight || (weight->dim() == 1 && weight->numel() == C),
              "Expected weight to be a vector of size equal to the number of channels in input, but got weight of "
              "shape {} and input of shape {}",
              weightShape, shapeString(input.sizes()));
  // PyTorch 1.13 prints the weight's shape in the bias message.
  EMBER_CHECK(!bias || (bias->dim() == 1 && bias->numel() == C),
              "Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape "
              "{} and input of shape {}",
              weightShape, shapeString(input.sizes()));
  const int64_t HxW = N * C == 0 ? 1 : input.numel() / (N * C);
  return std::get<0>(nativeGroupNorm(input, weight, bias, N, C, HxW, numGroups, eps));
}

// ---------------------------------------------------------------- instance norm

Tensor instanceNorm(const Tensor& input, const OptTensor& weight, const OptTensor& bias, const OptTensor& runningMean,
                    const OptTensor& runningVar, bool useInputStats, double momentum, double eps, bool cudnnEnabled) {
  EMBER_CHECK(useInputStats || (runningMean && runningVar),
              "Expected running_mean and running_var to be defined when use_input_stats is false");
  const int64_t b = input.size(0), c = input.size(1);
  // Instance norm is batch norm on a [1, b * c, ...] view with the per-channel
  // parameters repeated b times.
  auto repeat = [&](const OptTensor& t) -> OptTensor {
    if (!t) return std::nullopt;
    Tensor src = t->contiguous();
    Tensor r = Tensor::empty({b * t->numel()}, t->dtype());
    const size_t bytes = src.nbytes();
    for (int64_t i = 0; i < b; ++i)
      std::memcpy(static_cast<char*>(r.rawData()) + i * static_cast<int64_t>(bytes), src.rawData(), bytes);
    return r;
  };
  OptTensor w = repeat(weight), bi = repeat(bias), rm = repeat(runningMean), rv = repeat(runningVar);
  DimVector shape(input.sizes());
  shape[0] = 1;
  shape[1] = b * c;
  Tensor x = nn::viewAs(input.contiguous(), shape);
  Tensor out = batchNorm(x, w, bi, rm, rv, useInputStats, momentum, eps, cudnnEnabled);
  // Fold the per-instance running statistics back: their mean over the batch.
  auto foldBack = [&](const OptTensor& running, const OptTensor& repeated) {
    if (!running) return;
    std::vector<double> v = repeated->toVector<double>(), m(static_cast<size_t>(c), 0.0);
    for (int64_t i = 0; i < b; ++i)
      for (int64_t j = 0; j < c; ++j) m[j] += v[i * c + j] / static_cast<double>(b);
    running->copyFrom(Tensor::fromVector(m, running->sizes()));
  };
  if (useInputStats) {
    foldBack(runningMean, rm);
    foldBack(runningVar, rv);
  }
  return nn::viewAs(out, input.sizes());
}

}  // namespace ember::kernels
