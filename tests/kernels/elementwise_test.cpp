// Hand-derived checks of the element-wise kernels; the PyTorch oracle cases
// (tools/oracle/ops/elementwise.py) cover the op surface.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "ember/kernels/activation.h"
#include "ember/kernels/binary.h"
#include "ember/kernels/bitwise.h"
#include "ember/kernels/compare.h"
#include "ember/kernels/copy.h"
#include "ember/kernels/ternary.h"
#include "ember/kernels/unary.h"
#include "ember/kernels/vec_math.h"

namespace ember {
namespace {

namespace k = kernels;

template <class T>
Tensor vec(std::vector<T> v) {
  const int64_t n = static_cast<int64_t>(v.size());
  return Tensor::fromVector(v, {n});
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const Scalar kOne(int64_t(1));

TEST(ElementwiseKernels, IntegerArithmeticWraps) {
  Tensor a = vec<int8_t>({100, 120, -128}), b = vec<int8_t>({100, 10, -1});
  EXPECT_EQ(k::add(a, b, kOne).toVector<int8_t>(), (std::vector<int8_t>{-56, -126, 127}));
  EXPECT_EQ(k::mul(vec<int64_t>({int64_t(1) << 40}), vec<int64_t>({int64_t(1) << 40})).toVector<int64_t>(),
            (std::vector<int64_t>{0}));
  EXPECT_EQ(k::neg(vec<int8_t>({-128, 5})).toVector<int8_t>(), (std::vector<int8_t>{-128, -5}));
}

TEST(ElementwiseKernels, DivisionRoundingModes) {
  Tensor a = vec<int64_t>({7, -7, 7, -7}), b = vec<int64_t>({2, 2, -2, -2});
  EXPECT_EQ(k::div(a, b, "trunc").toVector<int64_t>(), (std::vector<int64_t>{3, -3, -3, 3}));
  EXPECT_EQ(k::div(a, b, "floor").toVector<int64_t>(), (std::vector<int64_t>{3, -4, -4, 3}));
  EXPECT_EQ(k::remainder(a, b).toVector<int64_t>(), (std::vector<int64_t>{1, 1, -1, -1}));
  EXPECT_EQ(k::fmod(a, b).toVector<int64_t>(), (std::vector<int64_t>{1, -1, 1, -1}));
  Tensor t = k::div(a, b);
  EXPECT_EQ(t.dtype(), DType::Float);
  EXPECT_EQ(t.toVector<float>(), (std::vector<float>{3.5f, -3.5f, -3.5f, 3.5f}));
  EXPECT_EQ(k::div(vec<float>({-5.f, 5.f}), vec<float>({3.f, 3.f}), "floor").toVector<float>(),
            (std::vector<float>{-2.f, 1.f}));
}

TEST(ElementwiseKernels, IntegerDivisionByZeroRaises) {
  Tensor a = vec<int32_t>({1, 2}), z = vec<int32_t>({1, 0});
  EXPECT_EQ(errorOf([&] { k::div(a, z, "floor"); }), "ZeroDivisionError");
  EXPECT_EQ(errorOf([&] { k::div(a, z, "trunc"); }), "ZeroDivisionError");
  EXPECT_EQ(errorOf([&] { k::remainder(a, z); }), "ZeroDivisionError");
  EXPECT_EQ(errorOf([&] { k::fmod(a, Scalar(int64_t(0))); }), "ZeroDivisionError");
  // True division of integers is float division.
  EXPECT_TRUE(std::isinf(k::div(a, z).toVector<float>()[1]));
}

TEST(ElementwiseKernels, IntegerPow) {
  Tensor b = vec<int64_t>({2, -1, -1, 2, 0, 3});
  Tensor e = vec<int64_t>({10, -3, -2, -1, 0, 3});
  EXPECT_EQ(k::pow(b, e).toVector<int64_t>(), (std::vector<int64_t>{1024, -1, 1, 0, 1, 27}));
  EXPECT_EQ(errorOf([&] { k::pow(b, Scalar(int64_t(-1))); }), "Integers to negative integer powers are not allowed.");
  EXPECT_EQ(k::pow(Scalar(int64_t(2)), vec<int64_t>({3, -1})).toVector<int64_t>(), (std::vector<int64_t>{8, 0}));
}

TEST(ElementwiseKernels, Activations) {
  Tensor x = vec<float>({-2.f, 0.f, 3.f, 7.f});
  EXPECT_EQ(k::relu(x).toVector<float>(), (std::vector<float>{0.f, 0.f, 3.f, 7.f}));
  EXPECT_EQ(k::relu6(x).toVector<float>(), (std::vector<float>{0.f, 0.f, 3.f, 6.f}));
  EXPECT_EQ(k::hardsigmoid(x).toVector<float>(), (std::vector<float>{1.f / 6, 0.5f, 1.f, 1.f}));
  EXPECT_EQ(k::sigmoid(vec<float>({0.f})).toVector<float>()[0], 0.5f);
  EXPECT_EQ(k::gelu(vec<float>({0.f}), "none").toVector<float>()[0], 0.f);
  EXPECT_NEAR(k::gelu(vec<float>({10.f}), "tanh").toVector<float>()[0], 10.f, 1e-5);
  EXPECT_NEAR(k::silu(vec<float>({1.f})).toVector<float>()[0], 1.f / (1.f + std::exp(-1.f)), 1e-7);
  EXPECT_EQ(errorOf([&] { k::relu(vec<bool>({true})); }), "Boolean inputs not supported for relu");
  EXPECT_EQ(errorOf([&] { k::gelu(vec<int32_t>({1}), "none"); }), "\"GeluKernelImpl\" not implemented for 'Int'");
  Tensor r = k::relu_(x);
  EXPECT_TRUE(r.isSame(x));
  EXPECT_EQ(x.toVector<float>()[0], 0.f);
}

TEST(ElementwiseKernels, ClampPromotesIntsWithFloatBounds) {
  Tensor i = vec<int32_t>({-3, 0, 3});
  Tensor c = k::clamp(i, Scalar(-0.5), Scalar(int64_t(2)));
  EXPECT_EQ(c.dtype(), DType::Float);
  EXPECT_EQ(c.toVector<float>(), (std::vector<float>{-0.5f, 0.f, 2.f}));
  EXPECT_EQ(errorOf([&] { k::clamp(i, std::optional<Scalar>(), std::optional<Scalar>()); }),
            "torch.clamp: At least one of 'min' or 'max' must not be None");
  EXPECT_TRUE(std::isnan(k::clamp(vec<float>({NAN}), Scalar(0.0), Scalar(1.0)).toVector<float>()[0]));
}

TEST(ElementwiseKernels, ShiftsUseThePromotedWidth) {
  Tensor a = vec<int32_t>({1, -8, 1}), b = vec<int32_t>({40, 1, -1});
  // x86 takes the count modulo 32: 1 << 40 == 1 << 8; 1 << -1 == 1 << 31.
  EXPECT_EQ(k::bitwise_left_shift(a, b).toVector<int32_t>(), (std::vector<int32_t>{256, -16, INT32_MIN}));
  EXPECT_EQ(k::bitwise_right_shift(vec<uint8_t>({200}), vec<uint8_t>({9})).toVector<uint8_t>(),
            (std::vector<uint8_t>{0}));
}

TEST(ElementwiseKernels, ComparisonsAndInPlaceComparisons) {
  Tensor a = vec<float>({1.f, 2.f, 3.f});
  Tensor lt = k::lt(a, Scalar(2.5));
  EXPECT_EQ(lt.dtype(), DType::Bool);
  EXPECT_EQ(lt.toVector<bool>(), (std::vector<bool>{true, true, false}));
  k::ge_(a, Scalar(int64_t(2)));
  EXPECT_EQ(a.dtype(), DType::Float);
  EXPECT_EQ(a.toVector<float>(), (std::vector<float>{0.f, 1.f, 1.f}));
  // int tensor against a float scalar compares as float.
  EXPECT_EQ(k::eq(vec<int64_t>({2, 3}), Scalar(2.5)).toVector<bool>(), (std::vector<bool>{false, false}));
}

TEST(ElementwiseKernels, WhereBroadcastsAndPromotes) {
  Tensor c = Tensor::fromVector<bool>({true, false}, {2, 1});
  Tensor r = k::where(c, vec<int32_t>({1, 2, 3}), Scalar(0.5));
  EXPECT_EQ(r.dtype(), DType::Float);
  EXPECT_EQ(r.toVector<float>(), (std::vector<float>{1.f, 2.f, 3.f, .5f, .5f, .5f}));
  EXPECT_EQ(errorOf([&] { k::where(vec<int32_t>({1}), vec<float>({1}), vec<float>({2})); }),
            "where expected condition to be a boolean tensor, but got a tensor with dtype Int");
}

TEST(ElementwiseKernels, CastsFollowPyTorch) {
  Tensor f = vec<float>({-1.5f, 2.7f, 300.f, NAN});
  EXPECT_EQ(k::to(f, DType::Byte).toVector<uint8_t>(), (std::vector<uint8_t>{255, 2, 44, 0}));
  EXPECT_EQ(k::to(f, DType::Bool).toVector<bool>(), (std::vector<bool>{true, true, true, true}));
  EXPECT_TRUE(k::to(f, DType::Float).isSame(f));
  EXPECT_FALSE(k::to(f, DType::Float, /*copy=*/true).isSame(f));
  EXPECT_EQ(errorOf([&] { k::fill_(vec<int8_t>({0}), Scalar(int64_t(1000))); }),
            "value cannot be converted to type int8_t without overflow");
  EXPECT_EQ(k::fill_(vec<uint8_t>({0}), Scalar(int64_t(-1))).toVector<uint8_t>(), (std::vector<uint8_t>{255}));
  EXPECT_EQ(k::tensorToInt(vec<double>({-2.7})), -2);
  EXPECT_DOUBLE_EQ(k::tensorToFloat(vec<double>({0.1})), 0.1);
  EXPECT_EQ(errorOf([&] { k::tensorToBool(vec<float>({1.f, 2.f})); }),
            "Boolean value of Tensor with more than one value is ambiguous");
}

TEST(ElementwiseKernels, CopyBroadcastsIntoSelf) {
  Tensor dst = Tensor::empty({2, 3}, DType::Int);
  k::copy_(dst, vec<float>({1.5f, -2.5f, 3.f}));
  EXPECT_EQ(dst.toVector<int32_t>(), (std::vector<int32_t>{1, -2, 3, 1, -2, 3}));
  Tensor small = Tensor::empty({3}, DType::Float);
  EXPECT_EQ(errorOf([&] { k::copy_(small, Tensor::empty({2, 3}, DType::Float)); }),
            "output with shape [3] doesn't match the broadcast shape [2, 3]");
}

TEST(ElementwiseKernels, ClonePreservesDenseLayouts) {
  Tensor base = Tensor::fromVector<float>({0, 1, 2, 3, 4, 5}, {2, 3});
  Tensor t = base.asStrided(std::vector<int64_t>{3, 2}, std::vector<int64_t>{1, 3}, 0);
  Tensor c = k::clone(t);
  EXPECT_EQ(c.strides(), t.strides());
  EXPECT_EQ(c.toVector<float>(), t.toVector<float>());
  EXPECT_TRUE(k::contiguous(t).isContiguous());
  Tensor nchw = Tensor::empty({2, 3, 4, 5}, DType::Float);
  Tensor nhwc = k::contiguous(nchw, MemoryFormat::ChannelsLast);
  EXPECT_EQ(nhwc.strides(), (IntArrayRef(std::vector<int64_t>{60, 1, 15, 3})));
  EXPECT_EQ(k::suggestMemoryFormat(nhwc), MemoryFormat::ChannelsLast);
}

TEST(VecMath, ExpTanhErfAccuracy) {
  for (float x = -100.f; x <= 88.f; x += 0.0137f) {
    const double want = std::exp(static_cast<double>(x));
    ASSERT_NEAR(k::vecmath::exp(x), want, 3e-7 * want + 1e-37) << x;
  }
  EXPECT_EQ(k::vecmath::exp(89.f), INFINITY);
  EXPECT_EQ(k::vecmath::exp(-104.f), 0.f);
  EXPECT_TRUE(std::isnan(k::vecmath::exp(NAN)));
  for (float x = -10.f; x <= 10.f; x += 0.00731f) {
    const double want = std::tanh(static_cast<double>(x));
    ASSERT_NEAR(k::vecmath::tanh(x), want, 4e-7 * std::fabs(want) + 1e-12) << x;
    // The formula is good to 1.5e-7; cancellation in float near 0 adds a little.
    ASSERT_NEAR(k::vecmath::erf(x), std::erf(static_cast<double>(x)), 5e-7) << x;
  }
}

}  // namespace
}  // namespace ember
