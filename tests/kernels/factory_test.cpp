#include "ember/kernels/factory.h"

#include <gtest/gtest.h>

namespace ember::kernels {
namespace {

TEST(FactoryKernels, FullInfersDTypeFromTheFillValue) {
  EXPECT_EQ(full({2}, Scalar(int64_t(3))).dtype(), DType::Long);
  EXPECT_EQ(full({2}, Scalar(2.5)).dtype(), DType::Float);
  EXPECT_EQ(full({2}, Scalar(true)).dtype(), DType::Bool);
  EXPECT_EQ(full({2}, Scalar(int64_t(-1)), DType::Byte).toVector<int64_t>(), (std::vector<int64_t>{255, 255}));
  try {
    full({2}, Scalar(int64_t(300)), DType::Byte);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "value cannot be converted to type uint8_t without overflow");
  }
}

TEST(FactoryKernels, ArangeSizesAndDTypes) {
  Tensor a = arange(Scalar(int64_t(5)), Scalar(int64_t(0)), Scalar(int64_t(-2)));
  EXPECT_EQ(a.dtype(), DType::Long);
  EXPECT_EQ(a.toVector<int64_t>(), (std::vector<int64_t>{5, 3, 1}));
  Tensor f = arange(Scalar(0.0), Scalar(1.0), Scalar(0.25));
  EXPECT_EQ(f.dtype(), DType::Float);
  EXPECT_EQ(f.toVector<float>(), (std::vector<float>{0, 0.25f, 0.5f, 0.75f}));
  // ceil((1 - 0) / 0.1) in double is 10 elements, the last just below 1.
  EXPECT_EQ(arange(Scalar(0.0), Scalar(1.0), Scalar(0.1)).numel(), 10);
  EXPECT_THROW(arange(Scalar(int64_t(0)), Scalar(int64_t(5)), Scalar(int64_t(0))), Error);
}

TEST(FactoryKernels, LinspaceEndpointsAreExact) {
  Tensor l = linspace(Scalar(int64_t(0)), Scalar(int64_t(1)), 5);
  EXPECT_EQ(l.toVector<float>(), (std::vector<float>{0, 0.25f, 0.5f, 0.75f, 1}));
  EXPECT_EQ(linspace(Scalar(int64_t(0)), Scalar(int64_t(10)), 4, DType::Long).toVector<int64_t>(),
            (std::vector<int64_t>{0, 3, 6, 10}));
}

TEST(FactoryKernels, EyeZerosOnesScalars) {
  EXPECT_EQ(eye(2, 3).toVector<float>(), (std::vector<float>{1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(zeros({2}, DType::Half).toVector<float>(), (std::vector<float>{0, 0}));
  EXPECT_EQ(onesLike(Tensor::empty({3}, DType::Int)).toVector<int32_t>(), (std::vector<int32_t>{1, 1, 1}));
  EXPECT_EQ(scalarTensor(Scalar(int64_t(3))).dtype(), DType::Float);
  EXPECT_EQ(tensorFromScalar(Scalar(1.5)).dtype(), DType::Float);
  EXPECT_EQ(tensorFromScalar(Scalar(int64_t(1))).dtype(), DType::Long);
  EXPECT_THROW(checkCpuDevice(Device::parse("cuda")), Error);
}

}  // namespace
}  // namespace ember::kernels
