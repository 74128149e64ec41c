#include "ember/kernels/conv.h"

#include "ember/kernels/conv_impl.h"
#include "ember/kernels/nn_common.h"

namespace ember::kernels {

using conv_detail::ConvGeom;

namespace {

std::string joinSizes(const DimVector& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += fmt::format("{}{}", i ? " x " : "", v[i]);
  return s;
}

// The dtypes each PyTorch CPU convolution kernel accepts, refused with its name.
void checkConvDType(DType t, int64_t nd, bool transposed, bool dilated) {
  // PyTorch 1.13 cannot run a bfloat16 transposed convolution on the CPU (its
  // oneDNN path checks the weight as a plain convolution's and fails).
  EMBER_CHECK(!(transposed && t == DType::BFloat16),
              "bfloat16 transposed convolution is not supported on the CPU (PyTorch 1.13 refuses it too)");
  if (t == DType::Float || t == DType::Double || t == DType::BFloat16) return;
  const bool badEverywhere = t == DType::Half || t == DType::Bool;
  if (transposed) {
    if (t == DType::Long) return;
    nn::failNotImplemented(nd == 3 ? "slow_conv_transpose3d_out_cpu" : "slow_conv_transpose2d_out_cpu", t);
  }
  if (dilated && (badEverywhere || t != DType::Long)) nn::failNotImplemented("slow_conv_dilated<>", t);
  if (badEverywhere) nn::failNotImplemented(nd == 3 ? "compute_columns3d" : "slow_conv2d_cpu", t);
}

// PyTorch's check_shape_forward plus the dtype agreement its backends demand.
void checkShapeForward(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
                       const DimVector& stride, const DimVector& padL, const DimVector& padR, const DimVector& dilation,
                       const DimVector& outputPadding, bool transposed, int64_t groups) {
  const int64_t k = input.dim();
  const IntArrayRef ws = weight.sizes();
  for (size_t i = 0; i < padL.size(); ++i)
    EMBER_CHECK(padL[i] >= 0 && padR[i] >= 0, "negative padding is not supported");
  for (int64_t p : outputPadding) EMBER_CHECK(p >= 0, "negative output_padding is not supported");
  for (int64_t s : stride) EMBER_CHECK(s > 0, "non-positive stride is not supported");
  for (int64_t d : dilation)
    EMBER_CHECK(d > 0, "dilation should be greater than zero, but got {}", shapeString(dilation));
  EMBER_CHECK(weight.dim() == k,
              "Expected {}-dimensional input for {}-dimensional weight {}, but got {}-dimensional input of size {} "
              "instead",
              weight.dim(), weight.dim(), shapeString(ws), k, shapeString(input.sizes()));
  EMBER_CHECK(ws[0] >= groups,
              "Given groups={}, expected weight to be at least {} at dimension 0, but got weight of size {} instead",
              groups, groups, shapeString(ws));
  EMBER_CHECK(ws[0] % groups == 0,
              "Given groups={}, expected weight to be divisible by {} at dimension 0, but got weight of size [{}] "
              "instead",
              groups, groups, shapeString(ws));
  if (!transposed) {
    EMBER_CHECK(input.size(1) == ws[1] * groups,
                "Given groups={}, weight of size {}, expected input{} to have {} channels, but got {} channels instead",
                groups, shapeString(ws), shapeString(input.sizes()), ws[1] * groups, input.size(1));
    EMBER_CHECK(!bias || (bias->dim() == 1 && bias->size(0) == ws[0]),
                "Given weight of size {}, expected bias to be 1-dimensional with {} elements, but got bias of size {} "
                "instead",
                shapeString(ws), ws[0], shapeString(bias->sizes()));
    DimVector inShape, kShape;
    bool ok = true;
    for (int64_t i = 2; i < k; ++i) {
      inShape.push_back(input.size(i) + padL[i - 2] + padR[i - 2]);
      kShape.push_back(dilation[i - 2] * (ws[i] - 1) + 1);
      if (inShape.back() < kShape.back()) ok = false;
    }
    EMBER_CHECK(ok,
                "Calculated padded input size per channel: ({}). Kernel size: ({}). Kernel size can't be greater than "
                "actual input size",
                joinSizes(inShape), joinSizes(kShape));
  } else {
    EMBER_CHECK(input.size(1) == ws[0],
                "Given transposed=1, weight of size {}, expected input{} to have {} channels, but got {} channels "
                "instead",
                shapeString(ws), shapeString(input.sizes()), ws[0], input.size(1));
    EMBER_CHECK(!bias || (bias->dim() == 1 && bias->size(0) == ws[1] * groups),
                "Given transposed=1, weight of size {}, expected bias to be 1-dimensional with {} elements, but got "
                "bias of size {} instead",
                shapeString(ws), ws[1] * groups, shapeString(bias->sizes()));
  }
  EMBER_CHECK(weight.dtype() == input.dtype(), "expected scalar type {} but found {}",
              scalarTypeName(input.dtype()), scalarTypeName(weight.dtype()));
  EMBER_CHECK(!bias || bias->dtype() == input.dtype(), "Input type ({}) and bias type ({}) should be the same",
              nn::cTypeName(input.dtype()), nn::cTypeName(bias->dtype()));
}

// slow_conv_transpose's checks: output padding below stride or dilation, and a positive output.
void checkTransposedShape(const ConvGeom& g, const DimVector& outputPadding) {
  const int64_t nd = g.nd;
  bool ok = true;
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t slot = 3 - nd + i;
    if (!(outputPadding[i] < g.s[slot] || outputPadding[i] < g.d[slot])) ok = false;
  }
  if (!ok) {
    // 1-d runs as 2-d in PyTorch: its message shows a height of stride 1.
    auto at = [&](int64_t slot, const int64_t* v, int64_t neutral) { return slot >= 3 - nd ? v[slot] : neutral; };
    int64_t op[3] = {0, 0, 0};
    for (int64_t i = 0; i < nd; ++i) op[3 - nd + i] = outputPadding[i];
    if (nd == 3)
      EMBER_FAIL(
          "output padding must be smaller than either stride or dilation, but got output_padding_depth: {} "
          "output_padding_height: {} output_padding_width: {} stride_depth: {} stride_height: {} stride_width: {} "
          "dilation_depth: {} dilation_height: {} dilation_width: {}",
          op[0], op[1], op[2], g.s[0], g.s[1], g.s[2], g.d[0], g.d[1], g.d[2]);
    EMBER_FAIL(
        "output padding must be smaller than either stride or dilation, but got output_padding_height: {} "
        "output_padding_width: {} stride_height: {} stride_width: {} dilation_height: {} dilation_width: {}",
        op[1], op[2], at(1, g.s, 1), g.s[2], at(1, g.d, 1), g.d[2]);
  }
  bool positive = true;
  DimVector ins, outs;
  for (int64_t slot = nd == 1 ? 1 : 3 - nd; slot < 3; ++slot) {
    ins.push_back(g.in[slot]);
    outs.push_back(g.out[slot]);
    if (g.out[slot] < 1) positive = false;
  }
  EMBER_CHECK(positive,
              "Given input size per channel: ({}). Calculated output size per channel: ({}). Output size is too small",
              joinSizes(ins), joinSizes(outs));
}

// Runs a checked convolution into a new [N, Cout, *] tensor. Like PyTorch,
// the output is channels-last when the input or the weight is: a chain of
// channels-last convolutions then needs no layout reorders at all.
Tensor runConvolution(const ConvGeom& g, const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias) {
  // PyTorch 1.13 gives a convolution over zero input channels zero output channels too.
  DimVector osz{g.N, g.Cin == 0 && !g.transposed ? 0 : g.Cout};
  for (int64_t slot = 3 - g.nd; slot < 3; ++slot) osz.push_back(g.out[slot]);
  const bool channelsLast = nn::isChannelsLast(input) || nn::isChannelsLast(weight);
  Tensor out = channelsLast ? Tensor::emptyStrided(osz, nn::channelsLastStrides(osz), input.dtype())
                            : Tensor::empty(osz, input.dtype());
  if (out.numel() == 0) return out;
  const DType t = input.dtype();
  if ((t == DType::Float || t == DType::BFloat16) && g.Cin > 0 && g.inSpatial() > 0 &&
      conv_detail::runDnnl(g, input, weight, bias, out))
    return out;
  // The fallbacks write a contiguous result.
  Tensor res = out.isContiguous() ? out : Tensor::empty(osz, t);
  if (g.Cin == 0 || g.inSpatial() == 0) {
    // Nothing to sum: the output is the bias (or zero).
    if (!bias) {
      nn::fillScalar(res, Scalar(int64_t(0)));
    } else {
      Tensor b = bias->contiguous();
      const int64_t inner = g.outSpatial();
      visitDType(t, [&]<class T>() {
        const T* bp = b.data<T>();
        T* op = res.data<T>();
        for (int64_t n = 0; n < g.N; ++n)
          for (int64_t c = 0; c < g.Cout; ++c)
            std::fill(op + (n * g.Cout + c) * inner, op + (n * g.Cout + c + 1) * inner, bp[c]);
      });
    }
  } else if (t == DType::BFloat16) {
    // Compute in float and round once, as PyTorch's bfloat16 convolution does.
    Tensor outF = Tensor::empty(osz, DType::Float);
    std::optional<Tensor> biasF = bias ? std::optional<Tensor>(bias->to(DType::Float)) : std::nullopt;
    conv_detail::runReference(g, input.to(DType::Float), weight.to(DType::Float), biasF, outF);
    res.copyFrom(outF);
  } else {
    conv_detail::runReference(g, input, weight, bias, res);
  }
  if (!res.isSame(out)) out.copyFrom(res);
  return out;
}

// The core of aten::_convolution with explicit left/right padding (padding="same" may be asymmetric).
Tensor convolutionLR(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias,
                     const DimVector& stride, const DimVector& padL, const DimVector& padR, const DimVector& dilation,
                     bool transposed, const DimVector& outputPadding, int64_t groups) {
  const int64_t nd = weight.dim() - 2;
  checkShapeForward(input, weight, bias, stride, padL, padR, dilation, outputPadding, transposed, groups);
  bool dilated = false;
  for (int64_t d : dilation) dilated = dilated || d != 1;
  checkConvDType(input.dtype(), nd, transposed, dilated);
  ConvGeom g;
  g.nd = nd;
  g.N = input.size(0);
  g.Cin = input.size(1);
  g.groups = groups;
  g.transposed = transposed;
  g.Cout = transposed ? weight.size(1) * groups : weight.size(0);
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t slot = 3 - nd + i;
    g.in[slot] = input.size(2 + i);
    g.k[slot] = weight.size(2 + i);
    g.s[slot] = stride[i];
    g.d[slot] = dilation[i];
    g.padL[slot] = padL[i];
    g.padR[slot] = padR[i];
    const int64_t extent = dilation[i] * (g.k[slot] - 1) + 1;
    g.out[slot] = transposed ? (g.in[slot] - 1) * stride[i] - padL[i] - padR[i] + extent + outputPadding[i]
                             : (g.in[slot] + padL[i] + padR[i] - extent) / stride[i] + 1;
  }
  if (transposed) {
    checkTransposedShape(g, outputPadding);
    // oneDNN's deconvolution takes output padding as less right padding.
    for (int64_t i = 0; i < nd; ++i) g.padR[3 - nd + i] -= outputPadding[i];
  }
  return runConvolution(g, input, weight, bias);
}

// PyTorch's batchify: conv*d accept an unbatched input of nd + 1 dims.
std::pair<Tensor, bool> batchify(const Tensor& input, int64_t nd, std::string_view fn) {
  const int64_t noBatch = nd + 1;
  const bool batched = input.dim() == noBatch + 1;
  EMBER_CHECK(input.dim() == noBatch || batched,
              "Expected {}D (unbatched) or {}D (batched) input to {}, but got input of size: {}", noBatch, noBatch + 1,
              fn, shapeString(input.sizes()));
  return {batched ? input : nn::unsqueezeView(input, 0), batched};
}

Tensor unbatchify(const Tensor& out, bool batched) { return batched ? out : nn::squeezeView(out, 0); }

std::string_view convName(int64_t nd, bool transposed) {
  static constexpr std::string_view plain[] = {"conv1d", "conv2d", "conv3d"};
  static constexpr std::string_view trans[] = {"conv_transpose1d", "conv_transpose2d", "conv_transpose3d"};
  return transposed ? trans[nd - 1] : plain[nd - 1];
}

// pooling_same_mode_padding_lr: symmetric when possible, the extra pixel on the right.
std::pair<int64_t, int64_t> samePadding(int64_t inputSize, int64_t kernelSize, int64_t stride, int64_t dilation) {
  int64_t total = dilation * (kernelSize - 1);
  if (stride > 2 && total % 2 == 1) {
    const int64_t wiggle = inputSize % stride - 1;
    if (wiggle > 0) --total;
  }
  const int64_t left = total / 2;
  return {left, total - left};
}

}  // namespace

Tensor convolution(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                   IntArrayRef padding, IntArrayRef dilation, bool transposed, IntArrayRef outputPadding,
                   int64_t groups) {
  const int64_t nd = weight.dim() - 2;
  EMBER_CHECK(nd > 0, "weight should have at least three dimensions");
  EMBER_CHECK(groups > 0, "non-positive groups is not supported");
  EMBER_CHECK(nd <= 3, "{}-d convolution is not supported", nd);
  DimVector s = nn::expandParam(stride, "stride", nd);
  DimVector p = nn::expandParam(padding, "padding", nd);
  DimVector d = nn::expandParam(dilation, "dilation", nd);
  DimVector op = nn::expandParam(outputPadding, "output_padding", nd);
  return convolutionLR(input, weight, bias, s, p, p, d, transposed, op, groups);
}

Tensor convNd(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
              IntArrayRef padding, IntArrayRef dilation, int64_t groups, int64_t nd) {
  auto [x, batched] = batchify(input, nd, convName(nd, false));
  const int64_t zero = 0;
  return unbatchify(convolution(x, weight, bias, stride, padding, dilation, false, IntArrayRef(&zero, 1), groups),
                    batched);
}

Tensor convolutionMode(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                       std::string_view padding, IntArrayRef dilation, int64_t groups) {
  const int64_t zero = 0;
  if (padding == "valid")
    return convolution(input, weight, bias, stride, IntArrayRef(&zero, 1), dilation, false, IntArrayRef(&zero, 1),
                       groups);
  EMBER_CHECK(padding == "same", "Invalid padding string: '{}'", padding);
  const int64_t k = weight.dim();
  EMBER_CHECK(k > 2, "weight should have at least three dimensions");
  const int64_t nd = k - 2;
  EMBER_CHECK(k == input.dim(),
              "Expected {}-dimensional input for {}-dimensional weight{}, but got {}-dimensional input of size {} "
              "instead",
              k, k, shapeString(weight.sizes()), input.dim(), shapeString(input.sizes()));
  EMBER_CHECK(static_cast<int64_t>(stride.size()) == nd || stride.size() == 1,
              "stride cannot broadcast to {} dimensions", nd);
  EMBER_CHECK(static_cast<int64_t>(dilation.size()) == nd || dilation.size() == 1,
              "dilation cannot broadcast to {} dimensions", nd);
  for (int64_t s : stride) EMBER_CHECK(s == 1, "padding='same' is not supported for strided convolutions");
  EMBER_CHECK(groups > 0, "non-positive groups is not supported");
  DimVector s = nn::expandParam(stride, "stride", nd), d = nn::expandParam(dilation, "dilation", nd);
  DimVector padL, padR, op(static_cast<size_t>(nd), 0);
  for (int64_t i = 0; i < nd; ++i) {
    auto [l, r] = samePadding(input.size(2 + i), weight.size(2 + i), s[i], d[i]);
    padL.push_back(l);
    padR.push_back(r);
  }
  return convolutionLR(input, weight, bias, s, padL, padR, d, false, op, groups);
}

Tensor convNdPadding(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                     std::string_view padding, IntArrayRef dilation, int64_t groups, int64_t nd) {
  auto [x, batched] = batchify(input, nd, convName(nd, false));
  return unbatchify(convolutionMode(x, weight, bias, stride, padding, dilation, groups), batched);
}

Tensor convTransposeNd(const Tensor& input, const Tensor& weight, const std::optional<Tensor>& bias, IntArrayRef stride,
                       IntArrayRef padding, IntArrayRef outputPadding, int64_t groups, IntArrayRef dilation,
                       int64_t nd) {
  auto [x, batched] = batchify(input, nd, convName(nd, true));
  return unbatchify(convolution(x, weight, bias, stride, padding, dilation, true, outputPadding, groups), batched);
}

}  // namespace ember::kernels
