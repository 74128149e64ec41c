// Registration of the neural-network op family: convolution, pooling,
// normalization, dropout, padding, interpolation, shuffles, losses, RNNs.
#include "ember/kernels/conv.h"
#include "ember/kernels/loss.h"
#include "ember/kernels/nn_misc.h"
#include "ember/kernels/norm.h"
#include "ember/kernels/pad.h"
#include "ember/kernels/pool.h"
#include "ember/kernels/rnn.h"
#include "ember/kernels/upsample.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

using OptTensor = std::optional<Tensor>;
using OptDouble = std::optional<double>;

// The `.vec` upsample overloads take their optional lists as IValues: GCC 12
// misreports std::optional<std::vector> argument holders as maybe-uninitialized.
Tensor upsampleVec(const Tensor& x, const IValue& size, const IValue& scales, int64_t nd, k::InterpMode mode,
                   bool alignCorners) {
  std::vector<int64_t> sizeValues;
  std::vector<double> scaleValues;
  std::optional<IntArrayRef> s;
  std::optional<ArrayRef<double>> f;
  if (!size.isNone()) {
    sizeValues = size.toIntVector();
    s = IntArrayRef(sizeValues);
  }
  if (!scales.isNone()) {
    scaleValues = scales.toDoubleVector();
    f = ArrayRef<double>(scaleValues);
  }
  return k::upsampleVec(x, s, f, nd, mode, alignCorners);
}

void registerConv(Registry& r) {
  r.def(
      "aten::_convolution(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, int[] dilation, "
      "bool transposed, int[] output_padding, int groups, bool benchmark, bool deterministic, bool cudnn_enabled, "
      "bool allow_tf32) -> Tensor",
      [](const Tensor& input, const Tensor& weight, const OptTensor& bias, IntArrayRef stride, IntArrayRef padding,
         IntArrayRef dilation, bool transposed, IntArrayRef outputPadding, int64_t groups, bool, bool, bool, bool) {
        return k::convolution(input, weight, bias, stride, padding, dilation, transposed, outputPadding, groups);
      });
  r.def(
      "aten::_convolution.deprecated(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, "
      "int[] dilation, bool transposed, int[] output_padding, int groups, bool benchmark, bool deterministic, bool "
      "cudnn_enabled) -> Tensor",
      [](const Tensor& input, const Tensor& weight, const OptTensor& bias, IntArrayRef stride, IntArrayRef padding,
         IntArrayRef dilation, bool transposed, IntArrayRef outputPadding, int64_t groups, bool, bool, bool) {
        return k::convolution(input, weight, bias, stride, padding, dilation, transposed, outputPadding, groups);
      });
  r.def(
      "aten::convolution(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, int[] dilation, "
      "bool transposed, int[] output_padding, int groups) -> Tensor",
      &k::convolution);
  r.def(
      "aten::_convolution_mode(Tensor input, Tensor weight, Tensor? bias, int[] stride, str padding, int[] "
      "dilation, int groups) -> Tensor",
      &k::convolutionMode);
  auto convNd = [&r](const char* schema, int64_t nd) {
    r.def(schema, [nd](const Tensor& input, const Tensor& weight, const OptTensor& bias, IntArrayRef stride,
                       IntArrayRef padding, IntArrayRef dilation, int64_t groups) {
      return k::convNd(input, weight, bias, stride, padding, dilation, groups, nd);
    });
  };
  convNd(
      "aten::conv1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], int[1] padding=[0], int[1] "
      "dilation=[1], int groups=1) -> Tensor",
      1);
  convNd(
      "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, int[2] "
      "dilation=1, int groups=1) -> Tensor",
      2);
  convNd(
      "aten::conv3d(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=1, int[3] padding=0, int[3] "
      "dilation=1, int groups=1) -> Tensor",
      3);
  auto convPadding = [&r](const char* schema, int64_t nd) {
    r.def(schema, [nd](const Tensor& input, const Tensor& weight, const OptTensor& bias, IntArrayRef stride,
                       std::string_view padding, IntArrayRef dilation, int64_t groups) {
      return k::convNdPadding(input, weight, bias, stride, padding, dilation, groups, nd);
    });
  };
  convPadding(
      "aten::conv1d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], str "
      "padding=\"valid\", int[1] dilation=[1], int groups=1) -> Tensor",
      1);
  convPadding(
      "aten::conv2d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, str "
      "padding=\"valid\", int[2] dilation=1, int groups=1) -> Tensor",
      2);
  convPadding(
      "aten::conv3d.padding(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=1, str "
      "padding=\"valid\", int[3] dilation=1, int groups=1) -> Tensor",
      3);
  auto convT = [&r](const char* schema, int64_t nd) {
    r.def(schema, [nd](const Tensor& input, const Tensor& weight, const OptTensor& bias, IntArrayRef stride,
                       IntArrayRef padding, IntArrayRef outputPadding, int64_t groups, IntArrayRef dilation) {
      return k::convTransposeNd(input, weight, bias, stride, padding, outputPadding, groups, dilation, nd);
    });
  };
  convT(
      "aten::conv_transpose1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=[1], int[1] "
      "padding=[0], int[1] output_padding=[0], int groups=1, int[1] dilation=[1]) -> Tensor",
      1);
  convT(
      "aten::conv_transpose2d.input(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] "
      "padding=0, int[2] output_padding=0, int groups=1, int[2] dilation=1) -> Tensor",
      2);
  convT(
      "aten::conv_transpose3d.input(Tensor input, Tensor weight, Tensor? bias=None, int[3] stride=1, int[3] "
      "padding=0, int[3] output_padding=0, int groups=1, int[3] dilation=1) -> Tensor",
      3);
}

void registerPool(Registry& r) {
  r.def(
      "aten::max_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], int[1] "
      "dilation=[1], bool ceil_mode=False) -> Tensor",
      &k::maxPool1d);
  r.def(
      "aten::max_pool1d_with_indices(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], int[1] "
      "dilation=[1], bool ceil_mode=False) -> (Tensor, Tensor)",
      &k::maxPool1dWithIndices);
  r.def(
      "aten::max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, "
      "bool ceil_mode=False) -> Tensor",
      &k::maxPool2d);
  r.def(
      "aten::max_pool2d_with_indices(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] "
      "dilation=1, bool ceil_mode=False) -> (Tensor, Tensor)",
      &k::maxPool2dWithIndices);
  r.def(
      "aten::max_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=0, int[3] dilation=1, "
      "bool ceil_mode=False) -> Tensor",
      &k::maxPool3d);
  r.def(
      "aten::max_pool3d_with_indices(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=0, int[3] "
      "dilation=1, bool ceil_mode=False) -> (Tensor, Tensor)",
      &k::maxPool3dWithIndices);
  r.def(
      "aten::avg_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], bool "
      "ceil_mode=False, bool count_include_pad=True) -> Tensor",
      &k::avgPool1d);
  r.def(
      "aten::avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, bool ceil_mode=False, "
      "bool count_include_pad=True, int? divisor_override=None) -> Tensor",
      &k::avgPool2d);
  r.def(
      "aten::avg_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=0, bool ceil_mode=False, "
      "bool count_include_pad=True, int? divisor_override=None) -> Tensor",
      &k::avgPool3d);
  r.def("aten::adaptive_avg_pool1d(Tensor self, int[1] output_size) -> Tensor", &k::adaptiveAvgPool1d);
  r.def("aten::adaptive_avg_pool2d(Tensor self, SymInt[2] output_size) -> Tensor", &k::adaptiveAvgPool2d);
  r.def("aten::adaptive_avg_pool3d(Tensor self, int[3] output_size) -> Tensor", &k::adaptiveAvgPool3d);
  r.def("aten::_adaptive_avg_pool2d(Tensor self, SymInt[2] output_size) -> Tensor", &k::adaptiveAvgPool2dKernel);
  r.def("aten::_adaptive_avg_pool3d(Tensor self, int[3] output_size) -> Tensor", &k::adaptiveAvgPool3dKernel);
  r.def("aten::adaptive_max_pool1d(Tensor self, int[1] output_size) -> (Tensor, Tensor)", &k::adaptiveMaxPool1d);
  r.def("aten::adaptive_max_pool2d(Tensor self, int[2] output_size) -> (Tensor, Tensor)", &k::adaptiveMaxPool2d);
  r.def("aten::adaptive_max_pool3d(Tensor self, int[3] output_size) -> (Tensor, Tensor)", &k::adaptiveMaxPool3d);
}

void registerNorm(Registry& r) {
  r.def(
      "aten::batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, "
      "bool training, float momentum, float eps, bool cudnn_enabled) -> Tensor",
      &k::batchNorm);
  r.def(
      "aten::native_batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? "
      "running_var, bool training, float momentum, float eps) -> (Tensor, Tensor, Tensor)",
      &k::nativeBatchNorm);
  r.def(
      "aten::layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float "
      "eps=1.0000000000000001e-05, bool cudnn_enable=True) -> Tensor",
      &k::layerNorm);
  r.def(
      "aten::native_layer_norm(Tensor input, SymInt[] normalized_shape, Tensor? weight, Tensor? bias, float eps) "
      "-> (Tensor, Tensor, Tensor)",
      &k::nativeLayerNorm);
  r.def(
      "aten::group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float "
      "eps=1.0000000000000001e-05, bool cudnn_enabled=True) -> Tensor",
      &k::groupNorm);
  r.def(
      "aten::native_group_norm(Tensor input, Tensor? weight, Tensor? bias, SymInt N, SymInt C, SymInt HxW, int "
      "group, float eps) -> (Tensor, Tensor, Tensor)",
      &k::nativeGroupNorm);
  r.def(
      "aten::instance_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, "
      "bool use_input_stats, float momentum, float eps, bool cudnn_enabled) -> Tensor",
      &k::instanceNorm);
}

void registerDropout(Registry& r) {
  struct Flavour {
    const char* functional;
    const char* inplace;
    k::DropoutKind kind;
  };
  static constexpr Flavour flavours[] = {
      {"aten::dropout(Tensor input, float p, bool train) -> Tensor",
       "aten::dropout_(Tensor(a!) self, float p, bool train) -> Tensor(a!)", k::DropoutKind::Plain},
      {"aten::feature_dropout(Tensor input, float p, bool train) -> Tensor",
       "aten::feature_dropout_(Tensor(a!) self, float p, bool train) -> Tensor(a!)", k::DropoutKind::Feature},
      {"aten::alpha_dropout(Tensor input, float p, bool train) -> Tensor",
       "aten::alpha_dropout_(Tensor(a!) self, float p, bool train) -> Tensor(a!)", k::DropoutKind::Alpha},
      {"aten::feature_alpha_dropout(Tensor input, float p, bool train) -> Tensor",
       "aten::feature_alpha_dropout_(Tensor(a!) self, float p, bool train) -> Tensor(a!)",
       k::DropoutKind::FeatureAlpha},
  };
  for (const Flavour& f : flavours) {
    const k::DropoutKind kind = f.kind;
    r.def(f.functional, [kind](const Tensor& x, double p, bool train) { return k::dropout(x, p, train, kind); });
    r.def(f.inplace, [kind](const Tensor& x, double p, bool train) { return k::dropoutInPlace(x, p, train, kind); });
  }
}

void registerPad(Registry& r) {
  r.def("aten::pad(Tensor self, int[] pad, str mode=\"constant\", float? value=None) -> Tensor", &k::pad);
  r.def("aten::_pad_enum(Tensor self, int[] pad, int mode, float? value=None) -> Tensor", &k::padEnum);
  r.def("aten::constant_pad_nd(Tensor self, int[] pad, Scalar value=0) -> Tensor", &k::constantPadNd);
  r.def("aten::_pad_circular(Tensor self, int[] pad) -> Tensor", &k::padCircular);
  static constexpr const char* reflection[] = {"aten::reflection_pad1d(Tensor self, int[2] padding) -> Tensor",
                                               "aten::reflection_pad2d(Tensor self, int[4] padding) -> Tensor",
                                               "aten::reflection_pad3d(Tensor self, int[6] padding) -> Tensor"};
  static constexpr const char* replication[] = {"aten::replication_pad1d(Tensor self, int[2] padding) -> Tensor",
                                                "aten::replication_pad2d(Tensor self, int[4] padding) -> Tensor",
                                                "aten::replication_pad3d(Tensor self, int[6] padding) -> Tensor"};
  for (int64_t nd = 1; nd <= 3; ++nd) {
    r.def(reflection[nd - 1], [nd](const Tensor& x, IntArrayRef p) { return k::reflectionPad(x, p, nd); });
    r.def(replication[nd - 1], [nd](const Tensor& x, IntArrayRef p) { return k::replicationPad(x, p, nd); });
  }
}

void registerUpsample(Registry& r) {
  using M = k::InterpMode;
  struct VecOp {
    const char* schema;
    int64_t nd;
    M mode;
  };
  // Nearest modes take no align_corners.
  static constexpr VecOp nearest[] = {
      {"aten::upsample_nearest1d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 1,
       M::Nearest},
      {"aten::upsample_nearest2d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 2,
       M::Nearest},
      {"aten::upsample_nearest3d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 3,
       M::Nearest},
      {"aten::_upsample_nearest_exact1d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 1,
       M::NearestExact},
      {"aten::_upsample_nearest_exact2d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 2,
       M::NearestExact},
      {"aten::_upsample_nearest_exact3d.vec(Tensor input, SymInt[]? output_size, float[]? scale_factors) -> Tensor", 3,
       M::NearestExact},
  };
  for (const VecOp& op : nearest) {
    const int64_t nd = op.nd;
    const M mode = op.mode;
    r.def(op.schema, [nd, mode](const Tensor& x, const IValue& size, const IValue& scales) {
      return upsampleVec(x, size, scales, nd, mode, false);
    });
  }
  static constexpr VecOp interp[] = {
      {"aten::upsample_linear1d.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       1, M::Linear},
      {"aten::upsample_bilinear2d.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       2, M::Linear},
      {"aten::upsample_trilinear3d.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       3, M::Linear},
      {"aten::upsample_bicubic2d.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       2, M::Cubic},
      {"aten::_upsample_bilinear2d_aa.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       2, M::LinearAA},
      {"aten::_upsample_bicubic2d_aa.vec(Tensor input, SymInt[]? output_size, bool align_corners, float[]? "
       "scale_factors) -> Tensor",
       2, M::CubicAA},
  };
  for (const VecOp& op : interp) {
    const int64_t nd = op.nd;
    const M mode = op.mode;
    r.def(op.schema, [nd, mode](const Tensor& x, const IValue& size, bool alignCorners, const IValue& scales) {
      return upsampleVec(x, size, scales, nd, mode, alignCorners);
    });
  }
  // The explicit-size overloads.
  r.def("aten::upsample_nearest1d(Tensor self, SymInt[1] output_size, float? scales=None) -> Tensor",
        [](const Tensor& x, IntArrayRef size, OptDouble s) { return k::upsample(x, size, 1, M::Nearest, false, {s}); });
  r.def(
      "aten::upsample_nearest2d(Tensor self, SymInt[2] output_size, float? scales_h=None, float? scales_w=None) -> "
      "Tensor",
      [](const Tensor& x, IntArrayRef size, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::Nearest, false, {h, w});
      });
  r.def(
      "aten::upsample_nearest3d(Tensor self, SymInt[3] output_size, float? scales_d=None, float? scales_h=None, "
      "float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, OptDouble d, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 3, M::Nearest, false, {d, h, w});
      });
  r.def("aten::_upsample_nearest_exact1d(Tensor self, SymInt[1] output_size, float? scales=None) -> Tensor",
        [](const Tensor& x, IntArrayRef size, OptDouble s) {
          return k::upsample(x, size, 1, M::NearestExact, false, {s});
        });
  r.def(
      "aten::_upsample_nearest_exact2d(Tensor self, SymInt[2] output_size, float? scales_h=None, float? "
      "scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::NearestExact, false, {h, w});
      });
  r.def(
      "aten::_upsample_nearest_exact3d(Tensor self, SymInt[3] output_size, float? scales_d=None, float? "
      "scales_h=None, float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, OptDouble d, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 3, M::NearestExact, false, {d, h, w});
      });
  r.def(
      "aten::upsample_linear1d(Tensor self, SymInt[1] output_size, bool align_corners, float? scales=None) -> "
      "Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble s) {
        return k::upsample(x, size, 1, M::Linear, ac, {s});
      });
  r.def(
      "aten::upsample_bilinear2d(Tensor self, SymInt[2] output_size, bool align_corners, float? scales_h=None, "
      "float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::Linear, ac, {h, w});
      });
  r.def(
      "aten::upsample_trilinear3d(Tensor self, SymInt[3] output_size, bool align_corners, float? scales_d=None, "
      "float? scales_h=None, float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble d, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 3, M::Linear, ac, {d, h, w});
      });
  r.def(
      "aten::upsample_bicubic2d(Tensor self, SymInt[2] output_size, bool align_corners, float? scales_h=None, "
      "float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::Cubic, ac, {h, w});
      });
  r.def(
      "aten::_upsample_bilinear2d_aa(Tensor self, SymInt[2] output_size, bool align_corners, float? "
      "scales_h=None, float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::LinearAA, ac, {h, w});
      });
  r.def(
      "aten::_upsample_bicubic2d_aa(Tensor self, SymInt[2] output_size, bool align_corners, float? scales_h=None, "
      "float? scales_w=None) -> Tensor",
      [](const Tensor& x, IntArrayRef size, bool ac, OptDouble h, OptDouble w) {
        return k::upsample(x, size, 2, M::CubicAA, ac, {h, w});
      });
}

void registerShuffle(Registry& r) {
  r.def("aten::pixel_shuffle(Tensor self, int upscale_factor) -> Tensor", &k::pixelShuffle);
  r.def("aten::pixel_unshuffle(Tensor self, int downscale_factor) -> Tensor", &k::pixelUnshuffle);
  r.def("aten::channel_shuffle(Tensor self, int groups) -> Tensor", &k::channelShuffle);
  r.def("aten::native_channel_shuffle(Tensor self, int groups) -> Tensor", &k::nativeChannelShuffle);
}

void registerLoss(Registry& r) {
  r.def("aten::l1_loss(Tensor self, Tensor target, int reduction=1) -> Tensor", &k::l1Loss);
  r.def("aten::mse_loss(Tensor self, Tensor target, int reduction=1) -> Tensor", &k::mseLoss);
  r.def("aten::smooth_l1_loss(Tensor self, Tensor target, int reduction=1, float beta=1.) -> Tensor", &k::smoothL1Loss);
  r.def("aten::huber_loss(Tensor self, Tensor target, int reduction=1, float delta=1.) -> Tensor", &k::huberLoss);
  r.def("aten::binary_cross_entropy(Tensor self, Tensor target, Tensor? weight=None, int reduction=1) -> Tensor",
        &k::binaryCrossEntropy);
  r.def(
      "aten::binary_cross_entropy_with_logits(Tensor self, Tensor target, Tensor? weight=None, Tensor? "
      "pos_weight=None, int reduction=1) -> Tensor",
      &k::binaryCrossEntropyWithLogits);
  r.def(
      "aten::cross_entropy_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, int "
      "ignore_index=-100, float label_smoothing=0.) -> Tensor",
      &k::crossEntropyLoss);
  r.def(
      "aten::nll_loss(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, int ignore_index=-100) -> "
      "Tensor",
      &k::nllLoss);
  r.def(
      "aten::nll_loss_nd(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, int ignore_index=-100) "
      "-> Tensor",
      &k::nllLossNd);
  r.def(
      "aten::nll_loss2d(Tensor self, Tensor target, Tensor? weight=None, int reduction=1, int ignore_index=-100) "
      "-> Tensor",
      &k::nllLoss2d);
  r.def(
      "aten::nll_loss_forward(Tensor self, Tensor target, Tensor? weight, int reduction, int ignore_index) -> "
      "(Tensor output, Tensor total_weight)",
      &k::nllLossForward);
  r.def(
      "aten::nll_loss2d_forward(Tensor self, Tensor target, Tensor? weight, int reduction, int ignore_index) -> "
      "(Tensor output, Tensor total_weight)",
      &k::nllLoss2dForward);
}

void registerRnn(Registry& r) {
  r.def(
      "aten::lstm_cell(Tensor input, Tensor[] hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) "
      "-> (Tensor, Tensor)",
      &k::lstmCell);
  r.def(
      "aten::gru_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? b_hh=None) -> "
      "Tensor",
      &k::gruCell);
  r.def(
      "aten::rnn_tanh_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? "
      "b_hh=None) -> Tensor",
      &k::rnnTanhCell);
  r.def(
      "aten::rnn_relu_cell(Tensor input, Tensor hx, Tensor w_ih, Tensor w_hh, Tensor? b_ih=None, Tensor? "
      "b_hh=None) -> Tensor",
      &k::rnnReluCell);
  r.def(
      "aten::lstm.input(Tensor input, Tensor[] hx, Tensor[] params, bool has_biases, int num_layers, float "
      "dropout, bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor, Tensor)",
      &k::lstm);
  r.def(
      "aten::gru.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases, int num_layers, float dropout, "
      "bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor)",
      &k::gru);
  r.def(
      "aten::rnn_tanh.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases, int num_layers, float "
      "dropout, bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor)",
      &k::rnnTanh);
  r.def(
      "aten::rnn_relu.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases, int num_layers, float "
      "dropout, bool train, bool bidirectional, bool batch_first) -> (Tensor, Tensor)",
      &k::rnnRelu);
}

}  // namespace

void registerNnOps(Registry& r) {
  registerConv(r);
  registerPool(r);
  registerNorm(r);
  registerDropout(r);
  registerPad(r);
  registerUpsample(r);
  registerShuffle(r);
  registerLoss(r);
  registerRnn(r);
}

}  // namespace ember::ops
