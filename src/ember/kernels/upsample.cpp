#include "ember/kernels/upsample.h"

#include <cmath>
#include <vector>

#include "ember/kernels/nn_common.h"

namespace ember::kernels {

namespace {

// ---------------------------------------------------------------- PyTorch's index arithmetic
// S is the type PyTorch computes scales and source indices in: float for
// float (and bfloat16, uint8) inputs, double for double. The expressions keep
// PyTorch's mix of S and double so that boundary cases round the same way.

template <class S>
S computeScalesValue(std::optional<double> scale, int64_t in, int64_t out) {
  return scale && *scale > 0. ? static_cast<S>(1.0 / *scale) : static_cast<S>(in) / static_cast<S>(out);
}

template <class S>
S areaPixelScale(int64_t in, int64_t out, bool alignCorners, std::optional<double> scale) {
  if (alignCorners) return out > 1 ? static_cast<S>(in - 1) / static_cast<S>(out - 1) : S(0);
  return computeScalesValue<S>(scale, in, out);
}

template <class S>
S areaPixelSourceIndex(S scale, int64_t dst, bool alignCorners, bool cubic) {
  if (alignCorners) return scale * static_cast<S>(dst);
  const S src = static_cast<S>(scale * (static_cast<double>(dst) + 0.5) - 0.5);
  return (!cubic && src < 0) ? S(0) : src;
}

template <class S>
S cubicConvolution1(S x, S a) {
  return ((a + 2) * x - (a + 3)) * x * x + 1;
}
template <class S>
S cubicConvolution2(S x, S a) {
  return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
}

// One axis's taps: for output i, input positions idx[i * taps + j] and weights w[...].
template <class S>
struct Axis {
  int64_t taps = 1;
  std::vector<int64_t> idx;
  std::vector<S> w;
};

template <class S>
Axis<S> identityAxis() {
  Axis<S> a;
  a.idx = {0};
  a.w = {S(1)};
  return a;
}

template <class S>
Axis<S> linearAxis(int64_t in, int64_t out, bool alignCorners, std::optional<double> scaleOpt) {
  Axis<S> a;
  a.taps = 2;
  a.idx.resize(static_cast<size_t>(out * 2));
  a.w.resize(static_cast<size_t>(out * 2));
  const S scale = areaPixelScale<S>(in, out, alignCorners, scaleOpt);
  for (int64_t i = 0; i < out; ++i) {
    int64_t i0 = i, i1 = i;
    S l0 = 1, l1 = 0;
    if (out != in) {
      const S real = areaPixelSourceIndex<S>(scale, i, alignCorners, false);
      i0 = static_cast<int64_t>(real);
      i1 = i0 + (i0 < in - 1 ? 1 : 0);
      l1 = std::min(std::max(real - static_cast<S>(i0), S(0)), S(1));
      l0 = S(1) - l1;
    }
    a.idx[2 * i] = i0;
    a.idx[2 * i + 1] = i1;
    a.w[2 * i] = l0;
    a.w[2 * i + 1] = l1;
  }
  return a;
}

template <class S>
Axis<S> cubicAxis(int64_t in, int64_t out, bool alignCorners, std::optional<double> scaleOpt) {
  Axis<S> a;
  a.taps = 4;
  a.idx.resize(static_cast<size_t>(out * 4));
  a.w.resize(static_cast<size_t>(out * 4));
  const S scale = areaPixelScale<S>(in, out, alignCorners, scaleOpt);
  const S A = S(-0.75);
  for (int64_t i = 0; i < out; ++i) {
    const S real = areaPixelSourceIndex<S>(scale, i, alignCorners, true);
    const int64_t index = static_cast<int64_t>(std::floor(static_cast<float>(real)));
    const S t = real - static_cast<S>(index);
    S c[4];
    c[0] = cubicConvolution2<S>(static_cast<S>(t + 1.0), A);
    c[1] = cubicConvolution1<S>(t, A);
    const S x2 = static_cast<S>(1.0 - t);
    c[2] = cubicConvolution1<S>(x2, A);
    c[3] = cubicConvolution2<S>(static_cast<S>(x2 + 1.0), A);
    for (int64_t j = 0; j < 4; ++j) {
      a.idx[4 * i + j] = std::max<int64_t>(std::min(index - 1 + j, in - 1), 0);
      a.w[4 * i + j] = c[j];
    }
  }
  return a;
}

template <class S>
S aaLinearFilter(S x) {
  if (x < 0) x = -x;
  if (x < 1) return static_cast<S>(1.0 - x);
  return S(0);
}

template <class S>
S aaCubicFilter(S x) {
  // PIL's bicubic: a = -0.5 (the non-antialiased kernel uses -0.75).
  const S a = S(-0.5);
  if (x < 0) x = -x;
  if (x < 1) return cubicConvolution1<S>(x, a);
  if (x < 2) return cubicConvolution2<S>(x, a);
  return S(0);
}

// Antialiased taps (PIL's precompute_coeffs as PyTorch computes them): the
// filter support widens by the downscale factor.
template <class S>
Axis<S> aaAxis(int64_t in, int64_t out, bool alignCorners, std::optional<double> scaleOpt, bool cubic) {
  const int64_t interpSize = cubic ? 4 : 2;
  const S scale = areaPixelScale<S>(in, out, alignCorners, scaleOpt);
  const S support = static_cast<S>(scale >= 1.0 ? (static_cast<double>(interpSize) * 0.5) * scale
                                                : static_cast<double>(interpSize) * 0.5);
  Axis<S> a;
  a.taps = static_cast<int64_t>(std::ceil(static_cast<float>(support))) * 2 + 1;
  a.idx.assign(static_cast<size_t>(out * a.taps), 0);
  a.w.assign(static_cast<size_t>(out * a.taps), S(0));
  for (int64_t i = 0; i < out; ++i) {
    const S center = static_cast<S>(scale * (static_cast<double>(i) + 0.5));
    const S invscale = static_cast<S>(scale >= 1.0 ? 1.0 / scale : 1.0);
    const int64_t xmin = std::max<int64_t>(static_cast<int64_t>(center - support + 0.5), 0);
    int64_t xsize = std::min<int64_t>(static_cast<int64_t>(center + support + 0.5), in) - xmin;
    xsize = std::clamp<int64_t>(xsize, 0, a.taps);
    S total = 0;
    S* w = a.w.data() + i * a.taps;
    for (int64_t j = 0; j < xsize; ++j) {
      const S arg = static_cast<S>((static_cast<S>(j + xmin) - center + 0.5) * invscale);
      w[j] = cubic ? aaCubicFilter<S>(arg) : aaLinearFilter<S>(arg);
      total += w[j];
    }
    if (total != 0)
      for (int64_t j = 0; j < xsize; ++j) w[j] /= total;
    // Unused taps keep weight 0 and point at xmin, so they read valid memory.
    for (int64_t j = 0; j < a.taps; ++j) a.idx[i * a.taps + j] = j < xsize ? xmin + j : xmin;
  }
  return a;
}

// ---------------------------------------------------------------- evaluation

// Non-separable evaluation, nested as PyTorch's Interpolate<n>: the innermost
// axis is summed first, each level starting from its first tap.
template <class T, class S>
void interpolate3(const T* in, T* out, int64_t planes, const int64_t inSz[3], const Axis<S> (&ax)[3],
                  const int64_t outSz[3]) {
  using Acc = std::conditional_t<std::is_same_v<T, double>, double, float>;
  const int64_t inPlane = inSz[0] * inSz[1] * inSz[2];
  for (int64_t p = 0; p < planes; ++p) {
    const T* src = in + p * inPlane;
    for (int64_t d = 0; d < outSz[0]; ++d)
      for (int64_t h = 0; h < outSz[1]; ++h)
        for (int64_t w = 0; w < outSz[2]; ++w) {
          Acc accD = 0;
          for (int64_t a = 0; a < ax[0].taps; ++a) {
            const int64_t id = ax[0].idx[d * ax[0].taps + a];
            Acc accH = 0;
            for (int64_t b = 0; b < ax[1].taps; ++b) {
              const int64_t ih = ax[1].idx[h * ax[1].taps + b];
              const T* row = src + (id * inSz[1] + ih) * inSz[2];
              Acc accW = 0;
              for (int64_t c = 0; c < ax[2].taps; ++c) {
                const Acc v = static_cast<Acc>(row[ax[2].idx[w * ax[2].taps + c]]) *
                              static_cast<Acc>(ax[2].w[w * ax[2].taps + c]);
                accW = c == 0 ? v : accW + v;
              }
              const Acc vh = accW * static_cast<Acc>(ax[1].w[h * ax[1].taps + b]);
              accH = b == 0 ? vh : accH + vh;
            }
            const Acc vd = accH * static_cast<Acc>(ax[0].w[d * ax[0].taps + a]);
            accD = a == 0 ? vd : accD + vd;
          }
          *out++ = static_cast<T>(accD);
        }
  }
}

// One separable pass along `axisDim` (0 = D, 1 = H, 2 = W) of a [planes, D, H, W] buffer.
template <class T, class S>
void resampleAxis(const T* in, T* out, int64_t planes, const int64_t inSz[3], int axisDim, const Axis<S>& ax,
                  int64_t outLen) {
  int64_t outSz[3] = {inSz[0], inSz[1], inSz[2]};
  outSz[axisDim] = outLen;
  int64_t inStride[3] = {inSz[1] * inSz[2], inSz[2], 1};
  const int64_t inPlane = inSz[0] * inSz[1] * inSz[2];
  for (int64_t p = 0; p < planes; ++p) {
    const T* src = in + p * inPlane;
    for (int64_t d = 0; d < outSz[0]; ++d)
      for (int64_t h = 0; h < outSz[1]; ++h)
        for (int64_t w = 0; w < outSz[2]; ++w) {
          const int64_t pos[3] = {d, h, w};
          int64_t base = 0;
          for (int k = 0; k < 3; ++k)
            if (k != axisDim) base += pos[k] * inStride[k];
          const int64_t o = pos[axisDim];
          T acc = 0;
          for (int64_t j = 0; j < ax.taps; ++j) {
            const T v = src[base + ax.idx[o * ax.taps + j] * inStride[axisDim]] * static_cast<T>(ax.w[o * ax.taps + j]);
            acc = j == 0 ? v : acc + v;
          }
          *out++ = acc;
        }
  }
}

std::string sizesMessage(int64_t nd, const int64_t* in, const int64_t* out) {
  static constexpr const char* names[] = {"D", "H", "W"};
  std::string a, b;
  for (int64_t i = 0; i < nd; ++i) {
    const char* n = names[3 - nd + i];
    a += fmt::format("{}{}: {}", i ? ", " : "", n, in[i]);
    b += fmt::format("{}{}: {}", i ? ", " : "", n, out[i]);
  }
  if (nd == 1) return fmt::format("input ({}) and output ({})", a, b);
  return fmt::format("input ({}) output ({})", a, b);
}

std::string_view dispatchName(InterpMode mode) {
  switch (mode) {
    case InterpMode::Nearest:
    case InterpMode::NearestExact:
      return "compute_indices_weights_nearest";
    case InterpMode::Linear:
      return "compute_indices_weights_linear";
    case InterpMode::Cubic:
      return "compute_indices_weights_cubic";
    case InterpMode::LinearAA:
    case InterpMode::CubicAA:
      return "compute_indices_weights_aa";
  }
  return "upsample";
}

template <class S>
Tensor runUpsample(const Tensor& input, int64_t nd, const int64_t* outSize, InterpMode mode, bool alignCorners,
                   const std::array<std::optional<double>, 3>& scales) {
  const int64_t dim = input.dim();
  int64_t inSz[3] = {1, 1, 1}, outSz[3] = {1, 1, 1};
  for (int64_t i = 0; i < nd; ++i) {
    inSz[3 - nd + i] = input.size(dim - nd + i);
    outSz[3 - nd + i] = outSize[i];
  }
  auto scaleOf = [&](int slot) -> std::optional<double> {
    const int64_t i = slot - (3 - nd);
    return i >= 0 ? scales[static_cast<size_t>(i)] : std::nullopt;
  };
  DimVector osz(input.sizes());
  for (int64_t i = 0; i < nd; ++i) osz[dim - nd + i] = outSize[i];

  if (mode == InterpMode::Nearest || mode == InterpMode::NearestExact) {
    const bool channelsLast = nn::isChannelsLast(input);
    std::vector<int64_t> idx[3];
    for (int slot = 3 - static_cast<int>(nd); slot < 3; ++slot) {
      const int64_t in = inSz[slot], out = outSz[slot];
      const S scale = areaPixelScale<S>(in, out, false, scaleOf(slot));
      std::vector<int64_t>& v = idx[slot];
      v.resize(static_cast<size_t>(out));
      for (int64_t i = 0; i < out; ++i) {
        int64_t index;
        if (channelsLast) {
          // PyTorch's channels-last kernel computes nearest indices its own
          // way: shortcuts for 1x and 2x, otherwise a float scale.
          const float fscale = computeScalesValue<float>(scaleOf(slot), in, out);
          if (mode == InterpMode::NearestExact)
            index = static_cast<int64_t>(std::floor(static_cast<float>((static_cast<double>(i) + 0.5) * fscale)));
          else if (out == in)
            index = i;
          else if (out == 2 * in)
            index = i >> 1;
          else
            index = static_cast<int64_t>(std::floor(static_cast<float>(i) * fscale));
        } else if (mode == InterpMode::Nearest) {
          index = static_cast<int64_t>(std::floor(static_cast<float>(areaPixelSourceIndex<S>(scale, i, true, false))));
        } else {
          const S real = areaPixelSourceIndex<S>(scale, i, false, false);
          index = static_cast<int64_t>(std::floor(static_cast<float>(static_cast<double>(real) + 0.5)));
        }
        v[i] = std::min(index, in - 1);
      }
    }
    return nn::gatherLastDims(input, nd, idx);
  }

  Tensor result = Tensor::empty(osz, input.dtype());
  if (result.numel() == 0) return result;
  const int64_t planes = result.numel() / (outSz[0] * outSz[1] * outSz[2]);
  Tensor x = input.contiguous();
  const bool aa = mode == InterpMode::LinearAA || mode == InterpMode::CubicAA;
  visitDType(input.dtype(), [&]<class T>() {
    if constexpr (isFloatType<T>) {
      if (!aa) {
        Axis<S> ax[3] = {identityAxis<S>(), identityAxis<S>(), identityAxis<S>()};
        for (int slot = 3 - static_cast<int>(nd); slot < 3; ++slot)
          ax[slot] = mode == InterpMode::Linear ? linearAxis<S>(inSz[slot], outSz[slot], alignCorners, scaleOf(slot))
                                                : cubicAxis<S>(inSz[slot], outSz[slot], alignCorners, scaleOf(slot));
        interpolate3<T, S>(x.data<T>(), result.data<T>(), planes, inSz, ax, outSz);
        return;
      }
      if constexpr (std::is_floating_point_v<T>) {
        // Antialiased resizes are separable: width first, then height; an axis
        // whose size does not change is left alone.
        std::vector<T> cur(x.data<T>(), x.data<T>() + x.numel()), next;
        int64_t curSz[3] = {inSz[0], inSz[1], inSz[2]};
        for (int slot = 2; slot >= 3 - static_cast<int>(nd); --slot) {
          if (inSz[slot] == outSz[slot]) continue;
          Axis<S> ax = aaAxis<S>(inSz[slot], outSz[slot], alignCorners, scaleOf(slot), mode == InterpMode::CubicAA);
          int64_t nextSz[3] = {curSz[0], curSz[1], curSz[2]};
          nextSz[slot] = outSz[slot];
          next.resize(static_cast<size_t>(planes * nextSz[0] * nextSz[1] * nextSz[2]));
          resampleAxis<T, S>(cur.data(), next.data(), planes, curSz, slot, ax, outSz[slot]);
          cur.swap(next);
          std::copy(nextSz, nextSz + 3, curSz);
        }
        std::copy(cur.begin(), cur.end(), result.data<T>());
      }
    }
  });
  return result;
}

void checkUpsampleSizes(const Tensor& input, int64_t nd, IntArrayRef outputSize) {
  EMBER_CHECK(static_cast<int64_t>(outputSize.size()) == nd, "It is expected output_size equals to {}, but got size {}",
              nd, outputSize.size());
  EMBER_CHECK(input.dim() == nd + 2, "It is expected input_size equals to {}, but got size {}", nd + 2, input.dim());
  int64_t in[3], out[3];
  bool positive = true;
  for (int64_t i = 0; i < nd; ++i) {
    in[i] = input.size(2 + i);
    out[i] = outputSize[static_cast<size_t>(i)];
    positive = positive && in[i] > 0 && out[i] > 0;
  }
  EMBER_CHECK(positive, "Input and output sizes should be greater than 0, but got {}", sizesMessage(nd, in, out));
  int64_t nonBatch = 1;
  for (int64_t i = 1; i < input.dim(); ++i) nonBatch *= input.size(i);
  EMBER_CHECK(input.numel() != 0 || nonBatch != 0, "Non-empty {}D data tensor expected but got a tensor with sizes {}",
              nd + 2, shapeString(input.sizes()));
}

}  // namespace

Tensor upsample(const Tensor& input, IntArrayRef outputSize, int64_t nd, InterpMode mode, bool alignCorners,
                std::array<std::optional<double>, 3> scales) {
  checkUpsampleSizes(input, nd, outputSize);
  const DType t = input.dtype();
  const bool aa = mode == InterpMode::LinearAA || mode == InterpMode::CubicAA;
  const bool nearest = mode == InterpMode::Nearest || mode == InterpMode::NearestExact;
  const bool supported =
      t == DType::Float || t == DType::Double || (!aa && t == DType::BFloat16) || (nearest && t == DType::Byte);
  if (!supported) nn::failNotImplemented(dispatchName(mode), t);
  if (t == DType::Double) return runUpsample<double>(input, nd, outputSize.data(), mode, alignCorners, scales);
  return runUpsample<float>(input, nd, outputSize.data(), mode, alignCorners, scales);
}

Tensor upsampleVec(const Tensor& input, std::optional<IntArrayRef> outputSize,
                   std::optional<ArrayRef<double>> scaleFactors, int64_t nd, InterpMode mode, bool alignCorners) {
  const int64_t spatial = input.dim() - 2;
  DimVector osize;
  std::array<std::optional<double>, 3> scales;
  if (outputSize) {
    EMBER_CHECK(!scaleFactors, "Must specify exactly one of output_size and scale_factors");
    EMBER_CHECK(static_cast<int64_t>(outputSize->size()) == spatial,
                "Expected static_cast<int64_t>(output_size->size()) == spatial_dimensions to be true, but got false.  "
                "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)");
    osize = DimVector(*outputSize);
  } else if (scaleFactors) {
    EMBER_CHECK(static_cast<int64_t>(scaleFactors->size()) == spatial,
                "Expected static_cast<int64_t>(scale_factors->size()) == spatial_dimensions to be true, but got "
                "false.  (Could this error message be improved?  If so, please report an enhancement request to "
                "PyTorch.)");
    for (int64_t i = 0; i < spatial; ++i) {
      const double f = (*scaleFactors)[static_cast<size_t>(i)];
      osize.push_back(static_cast<int64_t>(static_cast<double>(input.size(2 + i)) * f));
      if (i < 3) scales[static_cast<size_t>(i)] = f;
    }
  } else {
    EMBER_FAIL("Must specify exactly one of output_size and scale_factors");
  }
  return upsample(input, osize, nd, mode, alignCorners, scales);
}

}  // namespace ember::kernels
