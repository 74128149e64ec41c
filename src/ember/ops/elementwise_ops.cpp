// Element-wise ops: unary math, activations, arithmetic, comparisons,
// bitwise and logical ops, where/lerp/addcmul, casts, copies and fills.
// Schemas are PyTorch 1.13's text; aliases (subtract, multiply, divide,
// greater, clip, __and__ ...) register the same kernels.
#include <optional>
#include <string_view>

#include "ember/kernels/activation.h"
#include "ember/kernels/binary.h"
#include "ember/kernels/bitwise.h"
#include "ember/kernels/compare.h"
#include "ember/kernels/copy.h"
#include "ember/kernels/ternary.h"
#include "ember/kernels/unary.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

using OptScalar = std::optional<Scalar>;
using OptTensor = std::optional<Tensor>;
using OptStr = std::optional<std::string_view>;

void checkCpu(const std::optional<Device>& device) {
  if (device && device->type != Device::Type::CPU)
    EMBER_FAIL_KIND(NotImplemented, "ember runs on the CPU only; cannot move a tensor to device '{}'", device->str());
}

void checkStrided(const std::optional<Layout>& layout) {
  if (layout && *layout != Layout::Strided)
    EMBER_FAIL_KIND(NotImplemented, "ember supports strided tensors only (layout {})", static_cast<int>(*layout));
}

// ---------------------------------------------------------------- unary

void registerUnary(Registry& r) {
#define EMBER_DEF_UNARY(name)                                                   \
  r.def("aten::" #name "(Tensor self) -> Tensor", [](const Tensor& self) { return k::name(self); }); \
  r.def("aten::" #name "_(Tensor(a!) self) -> Tensor(a!)", [](const Tensor& self) { return k::name##_(self); });
  EMBER_DEF_UNARY(exp)
  EMBER_DEF_UNARY(expm1)
  EMBER_DEF_UNARY(log)
  EMBER_DEF_UNARY(log2)
  EMBER_DEF_UNARY(log10)
  EMBER_DEF_UNARY(log1p)
  EMBER_DEF_UNARY(sqrt)
  EMBER_DEF_UNARY(rsqrt)
  EMBER_DEF_UNARY(sin)
  EMBER_DEF_UNARY(cos)
  EMBER_DEF_UNARY(tan)
  EMBER_DEF_UNARY(asin)
  EMBER_DEF_UNARY(acos)
  EMBER_DEF_UNARY(atan)
  EMBER_DEF_UNARY(sinh)
  EMBER_DEF_UNARY(cosh)
  EMBER_DEF_UNARY(tanh)
  EMBER_DEF_UNARY(sigmoid)
  EMBER_DEF_UNARY(erf)
  EMBER_DEF_UNARY(erfc)
  EMBER_DEF_UNARY(reciprocal)
  EMBER_DEF_UNARY(abs)
  EMBER_DEF_UNARY(neg)
  EMBER_DEF_UNARY(floor)
  EMBER_DEF_UNARY(ceil)
  EMBER_DEF_UNARY(round)
  EMBER_DEF_UNARY(trunc)
  EMBER_DEF_UNARY(frac)
  EMBER_DEF_UNARY(sign)
  EMBER_DEF_UNARY(square)
  EMBER_DEF_UNARY(bitwise_not)
  EMBER_DEF_UNARY(logical_not)
  EMBER_DEF_UNARY(relu)
  EMBER_DEF_UNARY(relu6)
  EMBER_DEF_UNARY(silu)
  EMBER_DEF_UNARY(hardswish)
  EMBER_DEF_UNARY(hardsigmoid)
  EMBER_DEF_UNARY(mish)
#undef EMBER_DEF_UNARY

  r.def("aten::round.decimals(Tensor self, *, int decimals) -> Tensor",
        [](const Tensor& self, int64_t decimals) { return k::round(self, decimals); });
  r.def("aten::round_.decimals(Tensor(a!) self, *, int decimals) -> Tensor(a!)",
        [](const Tensor& self, int64_t decimals) { return k::round_(self, decimals); });
  r.def("aten::isnan(Tensor self) -> Tensor", &k::isnan);
  r.def("aten::isinf(Tensor self) -> Tensor", &k::isinf);
  r.def("aten::isfinite(Tensor self) -> Tensor", &k::isfinite);
  r.def("aten::nan_to_num(Tensor self, float? nan=None, float? posinf=None, float? neginf=None) -> Tensor",
        &k::nan_to_num);
  r.def("aten::nan_to_num_(Tensor(a!) self, float? nan=None, float? posinf=None, float? neginf=None) -> Tensor(a!)",
        &k::nan_to_num_);
}

// ---------------------------------------------------------------- activations and clamp

void registerActivations(Registry& r) {
  r.def("aten::hardtanh(Tensor self, Scalar min_val=-1, Scalar max_val=1) -> Tensor", &k::hardtanh);
  r.def("aten::hardtanh_(Tensor(a!) self, Scalar min_val=-1, Scalar max_val=1) -> Tensor(a!)", &k::hardtanh_);
  r.def("aten::gelu(Tensor self, *, str approximate=\"none\") -> Tensor", &k::gelu);
  r.def("aten::gelu_(Tensor(a!) self, *, str approximate=\"none\") -> Tensor(a!)", &k::gelu_);
  r.def("aten::leaky_relu(Tensor self, Scalar negative_slope=0.01) -> Tensor", &k::leaky_relu);
  r.def("aten::leaky_relu_(Tensor(a!) self, Scalar negative_slope=0.01) -> Tensor(a!)", &k::leaky_relu_);
  r.def("aten::elu(Tensor self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -> Tensor", &k::elu);
  r.def("aten::elu_(Tensor(a!) self, Scalar alpha=1, Scalar scale=1, Scalar input_scale=1) -> Tensor(a!)", &k::elu_);
  r.def("aten::softplus(Tensor self, Scalar beta=1, Scalar threshold=20) -> Tensor", &k::softplus);

  auto clampS = [](const Tensor& self, const OptScalar& min, const OptScalar& max) { return k::clamp(self, min, max); };
  auto clampS_ = [](const Tensor& self, const OptScalar& min, const OptScalar& max) { return k::clamp_(self, min, max); };
  auto clampT = [](const Tensor& self, const OptTensor& min, const OptTensor& max) { return k::clamp(self, min, max); };
  auto clampT_ = [](const Tensor& self, const OptTensor& min, const OptTensor& max) { return k::clamp_(self, min, max); };
  for (std::string_view name : {"clamp", "clip"}) {
    const std::string n(name);
    r.def("aten::" + n + "(Tensor self, Scalar? min=None, Scalar? max=None) -> Tensor", clampS);
    r.def("aten::" + n + ".Tensor(Tensor self, Tensor? min=None, Tensor? max=None) -> Tensor", clampT);
    r.def("aten::" + n + "_(Tensor(a!) self, Scalar? min=None, Scalar? max=None) -> Tensor(a!)", clampS_);
    r.def("aten::" + n + "_.Tensor(Tensor(a!) self, Tensor? min=None, Tensor? max=None) -> Tensor(a!)", clampT_);
  }
  r.def("aten::clamp_min(Tensor self, Scalar min) -> Tensor",
        [](const Tensor& self, const Scalar& min) { return k::clamp_min(self, min); });
  r.def("aten::clamp_min.Tensor(Tensor self, Tensor min) -> Tensor",
        [](const Tensor& self, const Tensor& min) { return k::clamp_min(self, min); });
  r.def("aten::clamp_min_(Tensor(a!) self, Scalar min) -> Tensor(a!)",
        [](const Tensor& self, const Scalar& min) { return k::clamp_min_(self, min); });
  r.def("aten::clamp_min_.Tensor(Tensor(a!) self, Tensor min) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& min) { return k::clamp_min_(self, min); });
  r.def("aten::clamp_max(Tensor self, Scalar max) -> Tensor",
        [](const Tensor& self, const Scalar& max) { return k::clamp_max(self, max); });
  r.def("aten::clamp_max.Tensor(Tensor self, Tensor max) -> Tensor",
        [](const Tensor& self, const Tensor& max) { return k::clamp_max(self, max); });
  r.def("aten::clamp_max_(Tensor(a!) self, Scalar max) -> Tensor(a!)",
        [](const Tensor& self, const Scalar& max) { return k::clamp_max_(self, max); });
  r.def("aten::clamp_max_.Tensor(Tensor(a!) self, Tensor max) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& max) { return k::clamp_max_(self, max); });
}

// ---------------------------------------------------------------- arithmetic

void registerArithmetic(Registry& r) {
  for (std::string_view name : {"add", "sub", "subtract"}) {
    const std::string n(name);
    const bool isAdd = name == "add";
    auto tt = isAdd ? +[](const Tensor& a, const Tensor& b, const Scalar& al) { return k::add(a, b, al); }
                    : +[](const Tensor& a, const Tensor& b, const Scalar& al) { return k::sub(a, b, al); };
    auto ts = isAdd ? +[](const Tensor& a, const Scalar& b, const Scalar& al) { return k::add(a, b, al); }
                    : +[](const Tensor& a, const Scalar& b, const Scalar& al) { return k::sub(a, b, al); };
    auto tt_ = isAdd ? +[](const Tensor& a, const Tensor& b, const Scalar& al) { return k::add_(a, b, al); }
                     : +[](const Tensor& a, const Tensor& b, const Scalar& al) { return k::sub_(a, b, al); };
    auto ts_ = isAdd ? +[](const Tensor& a, const Scalar& b, const Scalar& al) { return k::add_(a, b, al); }
                     : +[](const Tensor& a, const Scalar& b, const Scalar& al) { return k::sub_(a, b, al); };
    r.def("aten::" + n + ".Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor", tt);
    r.def("aten::" + n + ".Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor", ts);
    r.def("aten::" + n + "_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)", tt_);
    r.def("aten::" + n + "_.Scalar(Tensor(a!) self, Scalar other, Scalar alpha=1) -> Tensor(a!)", ts_);
  }
  r.def("aten::rsub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
        [](const Tensor& a, const Tensor& b, const Scalar& al) { return k::rsub(a, b, al); });
  r.def("aten::rsub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor",
        [](const Tensor& a, const Scalar& b, const Scalar& al) { return k::rsub(a, b, al); });

  for (std::string_view name : {"mul", "multiply"}) {
    const std::string n(name);
    r.def("aten::" + n + ".Tensor(Tensor self, Tensor other) -> Tensor",
          [](const Tensor& a, const Tensor& b) { return k::mul(a, b); });
    r.def("aten::" + n + ".Scalar(Tensor self, Scalar other) -> Tensor",
          [](const Tensor& a, const Scalar& b) { return k::mul(a, b); });
    r.def("aten::" + n + "_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
          [](const Tensor& a, const Tensor& b) { return k::mul_(a, b); });
    r.def("aten::" + n + "_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
          [](const Tensor& a, const Scalar& b) { return k::mul_(a, b); });
  }

  for (std::string_view name : {"div", "divide", "true_divide"}) {
    const std::string n(name);
    r.def("aten::" + n + ".Tensor(Tensor self, Tensor other) -> Tensor",
          [](const Tensor& a, const Tensor& b) { return k::div(a, b); });
    r.def("aten::" + n + ".Scalar(Tensor self, Scalar other) -> Tensor",
          [](const Tensor& a, const Scalar& b) { return k::div(a, b); });
    r.def("aten::" + n + "_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
          [](const Tensor& a, const Tensor& b) { return k::div_(a, b); });
    r.def("aten::" + n + "_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
          [](const Tensor& a, const Scalar& b) { return k::div_(a, b); });
    if (name == "true_divide") continue;
    r.def("aten::" + n + ".Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode) -> Tensor",
          [](const Tensor& a, const Tensor& b, OptStr mode) { return k::div(a, b, mode); });
    r.def("aten::" + n + ".Scalar_mode(Tensor self, Scalar other, *, str? rounding_mode) -> Tensor",
          [](const Tensor& a, const Scalar& b, OptStr mode) { return k::div(a, b, mode); });
    r.def("aten::" + n + "_.Tensor_mode(Tensor(a!) self, Tensor other, *, str? rounding_mode) -> Tensor(a!)",
          [](const Tensor& a, const Tensor& b, OptStr mode) { return k::div_(a, b, mode); });
    r.def("aten::" + n + "_.Scalar_mode(Tensor(a!) self, Scalar other, *, str? rounding_mode) -> Tensor(a!)",
          [](const Tensor& a, const Scalar& b, OptStr mode) { return k::div_(a, b, mode); });
  }

  r.def("aten::floor_divide(Tensor self, Tensor other) -> Tensor",
        [](const Tensor& a, const Tensor& b) { return k::floor_divide(a, b); });
  r.def("aten::floor_divide.Scalar(Tensor self, Scalar other) -> Tensor",
        [](const Tensor& a, const Scalar& b) { return k::floor_divide(a, b); });
  r.def("aten::floor_divide_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& b) { return k::floor_divide_(a, b); });
  r.def("aten::floor_divide_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        [](const Tensor& a, const Scalar& b) { return k::floor_divide_(a, b); });

  r.def("aten::remainder.Tensor(Tensor self, Tensor other) -> Tensor",
        [](const Tensor& a, const Tensor& b) { return k::remainder(a, b); });
  r.def("aten::remainder.Scalar(Tensor self, Scalar other) -> Tensor",
        [](const Tensor& a, const Scalar& b) { return k::remainder(a, b); });
  r.def("aten::remainder.Scalar_Tensor(Scalar self, Tensor other) -> Tensor",
        [](const Scalar& a, const Tensor& b) { return k::remainder(a, b); });
  r.def("aten::remainder_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& b) { return k::remainder_(a, b); });
  r.def("aten::remainder_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        [](const Tensor& a, const Scalar& b) { return k::remainder_(a, b); });
  r.def("aten::fmod.Tensor(Tensor self, Tensor other) -> Tensor",
        [](const Tensor& a, const Tensor& b) { return k::fmod(a, b); });
  r.def("aten::fmod.Scalar(Tensor self, Scalar other) -> Tensor",
        [](const Tensor& a, const Scalar& b) { return k::fmod(a, b); });
  r.def("aten::fmod_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& b) { return k::fmod_(a, b); });
  r.def("aten::fmod_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",
        [](const Tensor& a, const Scalar& b) { return k::fmod_(a, b); });

  r.def("aten::pow.Tensor_Tensor(Tensor self, Tensor exponent) -> Tensor",
        [](const Tensor& a, const Tensor& e) { return k::pow(a, e); });
  r.def("aten::pow.Tensor_Scalar(Tensor self, Scalar exponent) -> Tensor",
        [](const Tensor& a, const Scalar& e) { return k::pow(a, e); });
  r.def("aten::pow.Scalar(Scalar self, Tensor exponent) -> Tensor",
        [](const Scalar& a, const Tensor& e) { return k::pow(a, e); });
  r.def("aten::pow_.Scalar(Tensor(a!) self, Scalar exponent) -> Tensor(a!)",
        [](const Tensor& a, const Scalar& e) { return k::pow_(a, e); });
  r.def("aten::pow_.Tensor(Tensor(a!) self, Tensor exponent) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& e) { return k::pow_(a, e); });

  r.def("aten::maximum(Tensor self, Tensor other) -> Tensor", &k::maximum);
  r.def("aten::minimum(Tensor self, Tensor other) -> Tensor", &k::minimum);
  r.def("aten::max.other(Tensor self, Tensor other) -> Tensor", &k::maximum);
  r.def("aten::min.other(Tensor self, Tensor other) -> Tensor", &k::minimum);
  r.def("aten::atan2(Tensor self, Tensor other) -> Tensor", &k::atan2);
  r.def("aten::atan2_(Tensor(a!) self, Tensor other) -> Tensor(a!)", &k::atan2_);
}

// ---------------------------------------------------------------- comparisons, logical, bitwise

void registerCompare(Registry& r) {
#define EMBER_DEF_COMPARE(schemaName, fn)                                                                  \
  r.def("aten::" schemaName ".Tensor(Tensor self, Tensor other) -> Tensor",                                \
        [](const Tensor& a, const Tensor& b) { return k::fn(a, b); });                                     \
  r.def("aten::" schemaName ".Scalar(Tensor self, Scalar other) -> Tensor",                                \
        [](const Tensor& a, const Scalar& b) { return k::fn(a, b); });                                     \
  r.def("aten::" schemaName "_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",                       \
        [](const Tensor& a, const Tensor& b) { return k::fn##_(a, b); });                                  \
  r.def("aten::" schemaName "_.Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",                       \
        [](const Tensor& a, const Scalar& b) { return k::fn##_(a, b); });
  EMBER_DEF_COMPARE("eq", eq)
  EMBER_DEF_COMPARE("ne", ne)
  EMBER_DEF_COMPARE("not_equal", ne)
  EMBER_DEF_COMPARE("lt", lt)
  EMBER_DEF_COMPARE("less", lt)
  EMBER_DEF_COMPARE("le", le)
  EMBER_DEF_COMPARE("less_equal", le)
  EMBER_DEF_COMPARE("gt", gt)
  EMBER_DEF_COMPARE("greater", gt)
  EMBER_DEF_COMPARE("ge", ge)
  EMBER_DEF_COMPARE("greater_equal", ge)
#undef EMBER_DEF_COMPARE

  r.def("aten::logical_and(Tensor self, Tensor other) -> Tensor", &k::logical_and);
  r.def("aten::logical_and_(Tensor(a!) self, Tensor other) -> Tensor(a!)", &k::logical_and_);
  r.def("aten::logical_or(Tensor self, Tensor other) -> Tensor", &k::logical_or);
  r.def("aten::logical_or_(Tensor(a!) self, Tensor other) -> Tensor(a!)", &k::logical_or_);
  r.def("aten::logical_xor(Tensor self, Tensor other) -> Tensor", &k::logical_xor);
  r.def("aten::logical_xor_(Tensor(a!) self, Tensor other) -> Tensor(a!)", &k::logical_xor_);
}

void registerBitwise(Registry& r) {
#define EMBER_DEF_BITWISE(schemaName, dunder, idunder, fn)                                                 \
  r.def("aten::" schemaName ".Tensor(Tensor self, Tensor other) -> Tensor",                                \
        [](const Tensor& a, const Tensor& b) { return k::fn(a, b); });                                     \
  r.def("aten::" schemaName ".Scalar_Tensor(Scalar self, Tensor other) -> Tensor",                         \
        [](const Scalar& a, const Tensor& b) { return k::fn(a, b); });                                     \
  r.def("aten::" schemaName "_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",                       \
        [](const Tensor& a, const Tensor& b) { return k::fn##_(a, b); });                                  \
  r.def("aten::" dunder ".Tensor(Tensor self, Tensor other) -> Tensor",                                    \
        [](const Tensor& a, const Tensor& b) { return k::fn(a, b); });                                     \
  r.def("aten::" dunder ".Scalar(Tensor self, Scalar other) -> Tensor",                                    \
        [](const Tensor& a, const Scalar& b) { return k::fn(a, b); });                                     \
  r.def("aten::" idunder ".Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)",                           \
        [](const Tensor& a, const Tensor& b) { return k::fn##_(a, b); });                                  \
  r.def("aten::" idunder ".Scalar(Tensor(a!) self, Scalar other) -> Tensor(a!)",                           \
        [](const Tensor& a, const Scalar& b) { return k::fn##_(a, b); });
  EMBER_DEF_BITWISE("bitwise_and", "__and__", "__iand__", bitwise_and)
  EMBER_DEF_BITWISE("bitwise_or", "__or__", "__ior__", bitwise_or)
  EMBER_DEF_BITWISE("bitwise_xor", "__xor__", "__ixor__", bitwise_xor)
  EMBER_DEF_BITWISE("bitwise_left_shift", "__lshift__", "__ilshift__", bitwise_left_shift)
  EMBER_DEF_BITWISE("bitwise_right_shift", "__rshift__", "__irshift__", bitwise_right_shift)
#undef EMBER_DEF_BITWISE

  // The and/or/xor Scalar overloads are spelled .Scalar; the shifts' are .Tensor_Scalar.
#define EMBER_DEF_BITWISE_SCALAR(schemaName, overload, fn)                                                 \
  r.def("aten::" schemaName "." overload "(Tensor self, Scalar other) -> Tensor",                          \
        [](const Tensor& a, const Scalar& b) { return k::fn(a, b); });                                     \
  r.def("aten::" schemaName "_." overload "(Tensor(a!) self, Scalar other) -> Tensor(a!)",                 \
        [](const Tensor& a, const Scalar& b) { return k::fn##_(a, b); });
  EMBER_DEF_BITWISE_SCALAR("bitwise_and", "Scalar", bitwise_and)
  EMBER_DEF_BITWISE_SCALAR("bitwise_or", "Scalar", bitwise_or)
  EMBER_DEF_BITWISE_SCALAR("bitwise_xor", "Scalar", bitwise_xor)
  EMBER_DEF_BITWISE_SCALAR("bitwise_left_shift", "Tensor_Scalar", bitwise_left_shift)
  EMBER_DEF_BITWISE_SCALAR("bitwise_right_shift", "Tensor_Scalar", bitwise_right_shift)
#undef EMBER_DEF_BITWISE_SCALAR
}

// ---------------------------------------------------------------- where, lerp, addcmul

void registerTernary(Registry& r) {
  r.def("aten::where.self(Tensor condition, Tensor self, Tensor other) -> Tensor",
        [](const Tensor& c, const Tensor& a, const Tensor& b) { return k::where(c, a, b); });
  r.def("aten::where.ScalarSelf(Tensor condition, Scalar self, Tensor other) -> Tensor",
        [](const Tensor& c, const Scalar& a, const Tensor& b) { return k::where(c, a, b); });
  r.def("aten::where.ScalarOther(Tensor condition, Tensor self, Scalar other) -> Tensor",
        [](const Tensor& c, const Tensor& a, const Scalar& b) { return k::where(c, a, b); });
  r.def("aten::where.Scalar(Tensor condition, Scalar self, Scalar other) -> Tensor",
        [](const Tensor& c, const Scalar& a, const Scalar& b) { return k::where(c, a, b); });

  r.def("aten::lerp.Scalar(Tensor self, Tensor end, Scalar weight) -> Tensor",
        [](const Tensor& a, const Tensor& e, const Scalar& w) { return k::lerp(a, e, w); });
  r.def("aten::lerp.Tensor(Tensor self, Tensor end, Tensor weight) -> Tensor",
        [](const Tensor& a, const Tensor& e, const Tensor& w) { return k::lerp(a, e, w); });
  r.def("aten::lerp_.Scalar(Tensor(a!) self, Tensor end, Scalar weight) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& e, const Scalar& w) { return k::lerp_(a, e, w); });
  r.def("aten::lerp_.Tensor(Tensor(a!) self, Tensor end, Tensor weight) -> Tensor(a!)",
        [](const Tensor& a, const Tensor& e, const Tensor& w) { return k::lerp_(a, e, w); });

  r.def("aten::addcmul(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor", &k::addcmul);
  r.def("aten::addcmul_(Tensor(a!) self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor(a!)",
        &k::addcmul_);
  r.def("aten::addcdiv(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor", &k::addcdiv);
  r.def("aten::addcdiv_(Tensor(a!) self, Tensor tensor1, Tensor tensor2, *, Scalar value=1) -> Tensor(a!)",
        &k::addcdiv_);
}

// ---------------------------------------------------------------- casts, copies, conversions

void registerCopies(Registry& r) {
  using OptMF = std::optional<MemoryFormat>;
  r.def("aten::to.dtype(Tensor(a) self, ScalarType dtype, bool non_blocking=False, bool copy=False, "
        "MemoryFormat? memory_format=None) -> Tensor(a)",
        [](const Tensor& self, DType dtype, bool, bool copy, OptMF mf) { return k::to(self, dtype, copy, mf); });
  r.def("aten::to.other(Tensor(a) self, Tensor other, bool non_blocking=False, bool copy=False, "
        "MemoryFormat? memory_format=None) -> Tensor(a)",
        [](const Tensor& self, const Tensor& other, bool, bool copy, OptMF mf) {
          return k::to(self, other.dtype(), copy, mf);
        });
  r.def("aten::to.dtype_layout(Tensor(a) self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, "
        "bool? pin_memory=None, bool non_blocking=False, bool copy=False, MemoryFormat? memory_format=None) -> "
        "Tensor(a)",
        [](const Tensor& self, std::optional<DType> dtype, std::optional<Layout> layout, std::optional<Device> device,
           std::optional<bool>, bool, bool copy, OptMF mf) {
          checkStrided(layout);
          checkCpu(device);
          return k::to(self, dtype.value_or(self.dtype()), copy, mf);
        });
  r.def("aten::to.device(Tensor(a) self, Device device, ScalarType dtype, bool non_blocking=False, bool copy=False, "
        "MemoryFormat? memory_format=None) -> Tensor(a)",
        [](const Tensor& self, Device device, DType dtype, bool, bool copy, OptMF mf) {
          checkCpu(device);
          return k::to(self, dtype, copy, mf);
        });
  r.def("aten::to.prim_Device(Tensor(a) self, Device? device, int? dtype=None, bool non_blocking=False, "
        "bool copy=False) -> Tensor(b|a)",
        [](const Tensor& self, std::optional<Device> device, std::optional<int64_t> dtype, bool, bool copy) {
          checkCpu(device);
          return k::to(self, dtype ? dtypeFromId(*dtype) : self.dtype(), copy);
        });
  r.def("aten::to.prim_dtype(Tensor(a) self, int? dtype=None, bool non_blocking=False, bool copy=False) -> "
        "Tensor(b|a)",
        [](const Tensor& self, std::optional<int64_t> dtype, bool, bool copy) {
          return k::to(self, dtype ? dtypeFromId(*dtype) : self.dtype(), copy);
        });
  r.def("aten::to.prim_other(Tensor(a) self, bool non_blocking=False, bool copy=False) -> Tensor(b|a)",
        [](const Tensor& self, bool, bool copy) { return k::to(self, self.dtype(), copy); });
  r.def("aten::type_as(Tensor self, Tensor other) -> Tensor", &k::type_as);
  r.def("aten::cpu(Tensor(a) self) -> Tensor(b|a)", [](const Tensor& self) { return self; });
#define EMBER_DEF_CAST(Name)                                                                     \
  r.def("aten::_cast_" #Name "(Tensor self, bool non_blocking=False) -> Tensor",                  \
        [](const Tensor& self, bool) { return k::to(self, DType::Name); });
  EMBER_DEF_CAST(Byte)
  EMBER_DEF_CAST(Char)
  EMBER_DEF_CAST(Double)
  EMBER_DEF_CAST(Float)
  EMBER_DEF_CAST(Half)
  EMBER_DEF_CAST(Int)
  EMBER_DEF_CAST(Long)
  EMBER_DEF_CAST(Short)
#undef EMBER_DEF_CAST

  r.def("aten::fill_.Scalar(Tensor(a!) self, Scalar value) -> Tensor(a!)",
        [](const Tensor& self, const Scalar& v) { return k::fill_(self, v); });
  r.def("aten::fill_.Tensor(Tensor(a!) self, Tensor value) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& v) { return k::fill_(self, v); });
  r.def("aten::zero_(Tensor(a!) self) -> Tensor(a!)", &k::zero_);
  r.def("aten::copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& src, bool) { return k::copy_(self, src); });
  r.def("aten::copy_.Tensor(Tensor(a!) self, Tensor other) -> Tensor(a!)", &k::copy_);
  r.def("aten::copy_.int(Tensor(a!) self, int other) -> Tensor(a!)",
        [](const Tensor& self, int64_t v) { return k::fill_(self, Scalar(v)); });
  r.def("aten::copy_.float(Tensor(a!) self, float other) -> Tensor(a!)",
        [](const Tensor& self, double v) { return k::fill_(self, Scalar(v)); });
  r.def("aten::clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor", &k::clone);
  r.def("aten::contiguous(Tensor(a) self, *, MemoryFormat memory_format=0) -> Tensor(a)", &k::contiguous);
  r.def("aten::detach(Tensor(a) self) -> Tensor(a)", &k::detach);
  r.def("aten::detach_(Tensor(a!) self) -> Tensor(a!)", [](const Tensor& self) {
    self.impl()->requiresGrad = false;
    return self;
  });

  // Tensor -> number conversions (aten::Float.Tensor, aten::item, ...) are registered with
  // the other TorchScript number builtins in builtins_prim.cpp.
}

}  // namespace

void registerElementwiseOps(Registry& r) {
  registerUnary(r);
  registerActivations(r);
  registerArithmetic(r);
  registerCompare(r);
  registerBitwise(r);
  registerTernary(r);
  registerCopies(r);
}

}  // namespace ember::ops
