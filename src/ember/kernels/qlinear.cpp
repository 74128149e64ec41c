#include "ember/kernels/qlinear.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "ember/support/error.h"

namespace ember::kernels {

namespace {

struct QParams {
  float scale;
  int32_t zeroPoint;
};

// fbgemm's ChooseQuantizationParams (no symmetric mode, no sparsity
// preservation): the range always includes 0, the zero point is nudged to an
// integer from whichever end loses less precision.
QParams chooseQParams(float lo, float hi, int32_t qmin, int32_t qmax) {
  lo = std::min(lo, 0.0f);
  hi = std::max(hi, 0.0f);
  double scaleD = (static_cast<double>(hi) - lo) / (qmax - qmin);
  float scale = static_cast<float>(scaleD);
  if (scale == 0.0f || !std::isfinite(scale)) scale = 0.1f;
  double zFromMin = qmin - lo / static_cast<double>(scale);
  double zFromMax = qmax - hi / static_cast<double>(scale);
  double errMin = std::abs(qmin) - std::abs(lo / static_cast<double>(scale));
  double errMax = std::abs(qmax) - std::abs(hi / static_cast<double>(scale));
  double z = errMin < errMax ? zFromMin : zFromMax;
  z = std::clamp(z, static_cast<double>(qmin), static_cast<double>(qmax));
  return {scale, static_cast<int32_t>(std::nearbyint(z))};
}

}  // namespace

Tensor linearDynamicInt8(const Tensor& xIn, const Tensor& weightIn, double weightScale, int64_t weightZeroPoint,
                         const std::optional<Tensor>& biasIn, bool reduceRange) {
  EMBER_CHECK(xIn.dtype() == DType::Float, "quantized::linear_dynamic: expected a float input, got {}",
              dtypeName(xIn.dtype()));
  EMBER_CHECK(xIn.dim() >= 1 && weightIn.dim() == 2 && xIn.sizes().back() == weightIn.sizes()[1],
              "quantized::linear_dynamic: input of shape {} does not match weight of shape {}",
              shapeString(xIn.sizes()), shapeString(weightIn.sizes()));
  Tensor x = xIn.contiguous();
  Tensor w = weightIn.contiguous();
  const int64_t K = w.sizes()[1], N = w.sizes()[0], M = K ? x.numel() / K : 0;
  const float* xp = x.data<float>();
  float lo = 0, hi = 0;
  for (int64_t i = 0; i < x.numel(); ++i) {
    lo = std::min(lo, xp[i]);
    hi = std::max(hi, xp[i]);
  }
  const int32_t qmax = reduceRange ? 127 : 255;
  QParams q = chooseQParams(lo, hi, 0, qmax);
  std::vector<int32_t> qx(static_cast<size_t>(M * K));
  for (int64_t i = 0; i < M * K; ++i) {
    float v = std::nearbyint(xp[i] / q.scale) + static_cast<float>(q.zeroPoint);
    qx[i] = static_cast<int32_t>(std::clamp(v, 0.0f, static_cast<float>(qmax))) - q.zeroPoint;
  }
  std::vector<int32_t> qw(static_cast<size_t>(N * K));
  const int8_t* wp = w.data<int8_t>();
  for (int64_t i = 0; i < N * K; ++i) qw[i] = wp[i] - static_cast<int32_t>(weightZeroPoint);
  Tensor bias;
  if (biasIn) {
    bias = biasIn->contiguous();
    EMBER_CHECK(bias.dtype() == DType::Float && bias.numel() == N, "quantized::linear_dynamic: bad bias");
  }
  std::vector<int64_t> outShape(xIn.sizes().begin(), xIn.sizes().end());
  outShape.back() = N;
  Tensor out = Tensor::empty(outShape, DType::Float);
  float* op = out.data<float>();
  const double outScale = static_cast<double>(q.scale) * weightScale;
  for (int64_t m = 0; m < M; ++m) {
    const int32_t* row = qx.data() + m * K;
    for (int64_t n = 0; n < N; ++n) {
      const int32_t* col = qw.data() + n * K;
      int64_t acc = 0;
      for (int64_t k = 0; k < K; ++k) acc += row[k] * col[k];
      double v = static_cast<double>(acc) * outScale;
      if (biasIn) v += bias.data<float>()[n];
      op[m * N + n] = static_cast<float>(v);
    }
  }
  return out;
}

}  // namespace ember::kernels
