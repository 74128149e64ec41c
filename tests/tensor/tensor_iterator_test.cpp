#include "ember/tensor/tensor_iterator.h"

#include <gtest/gtest.h>

#include "ember/kernels/loops.h"

namespace ember {
namespace {

Tensor arange(int64_t n, DType dt = DType::Float) {
  std::vector<float> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[static_cast<size_t>(i)] = static_cast<float>(i);
  return Tensor::fromVector(v, {n}).to(dt);
}

Tensor view(const Tensor& t, std::vector<int64_t> sizes, std::vector<int64_t> strides, int64_t offset = 0) {
  return t.asStrided(sizes, strides, offset);
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(TensorIterator, BroadcastShapeAndError) {
  EXPECT_EQ(broadcastShapes(std::vector<int64_t>{2, 1, 4}, std::vector<int64_t>{3, 1}),
            (DimVector{2, 3, 4}));
  EXPECT_EQ(broadcastShapes(std::vector<int64_t>{1, 0}, std::vector<int64_t>{3, 1}), (DimVector{3, 0}));
  EXPECT_EQ(errorOf([] { broadcastShapes(std::vector<int64_t>{2, 3}, std::vector<int64_t>{4, 3}); }),
            "The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0");
  EXPECT_EQ(errorOf([] { broadcastShapes(std::vector<int64_t>{5, 3}, std::vector<int64_t>{4}); }),
            "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
}

TEST(TensorIterator, InPlaceOutputMustHaveBroadcastShape) {
  Tensor out = Tensor::empty({3}, DType::Float);
  Tensor a = Tensor::empty({2, 3}, DType::Float);
  EXPECT_EQ(errorOf([&] { TensorIterator::binaryOp(out, out, a); }),
            "output with shape [3] doesn't match the broadcast shape [2, 3]");
}

TEST(TensorIterator, InPlaceDtypeMustAcceptCommonType) {
  Tensor out = Tensor::empty({3}, DType::Int);
  Tensor f = Tensor::empty({3}, DType::Float);
  EXPECT_EQ(errorOf([&] { TensorIterator::binaryOp(out, out, f); }),
            "result type Float can't be cast to the desired output type Int");
  Tensor d = Tensor::empty({3}, DType::Double);
  Tensor outF = Tensor::empty({3}, DType::Float);
  TensorIterator it = TensorIterator::binaryOp(outF, outF, d);  // double computes, float stores
  EXPECT_EQ(it.commonDtype(), DType::Double);
  EXPECT_EQ(it.dtype(0), DType::Double);  // a temporary, written back
  EXPECT_TRUE(it.output().isSame(outF));
}

TEST(TensorIterator, PromotionTreatsWrappedNumbersAsScalars) {
  Tensor i = Tensor::empty({3}, DType::Int);
  EXPECT_EQ(TensorIterator::binaryOp(Tensor(), i, Tensor::wrappedScalar(Scalar(2.5))).commonDtype(), DType::Float);
  EXPECT_EQ(TensorIterator::binaryOp(Tensor(), i, Tensor::wrappedScalar(Scalar(int64_t(7)))).commonDtype(), DType::Int);
  Tensor u8 = Tensor::empty({3}, DType::Byte), i8 = Tensor::empty({3}, DType::Char);
  EXPECT_EQ(TensorIterator::binaryOp(Tensor(), u8, i8).commonDtype(), DType::Short);
  EXPECT_EQ(TensorIterator::unaryFloatOp(Tensor(), i).commonDtype(), DType::Float);
}

TEST(TensorIterator, SameDtypeInputsAreNotCopied) {
  Tensor a = arange(6);
  TensorIterator it = TensorIterator::unaryOp(Tensor(), a);
  EXPECT_TRUE(it.input(0).isSame(a));
}

TEST(TensorIterator, OutputFollowsInputMemoryOrder) {
  Tensor base = arange(12);
  Tensor t = view(base, {3, 4}, {1, 3});  // a transposed 4x3
  TensorIterator it = TensorIterator::unaryOp(Tensor(), t);
  EXPECT_EQ(it.output().strides(), (IntArrayRef(std::vector<int64_t>{1, 3})));
  // A strided (non-dense) input gets a contiguous output.
  Tensor s = view(base, {3, 2}, {4, 2});
  EXPECT_TRUE(TensorIterator::unaryOp(Tensor(), s).output().isContiguous());
}

TEST(TensorIterator, PartialOverlapIsRefused) {
  Tensor base = arange(5);
  Tensor a = view(base, {4}, {1}, 1), b = view(base, {4}, {1}, 0);
  EXPECT_NE(errorOf([&] { TensorIterator::binaryOp(a, a, b); }).find("some elements of the input tensor"),
            std::string::npos);
  Tensor expanded = view(base, {3}, {0});
  EXPECT_NE(errorOf([&] { TensorIterator::unaryOp(expanded, expanded); }).find("more than one element"),
            std::string::npos);
}

TEST(TensorIterator, LoopSeesBroadcastValues) {
  Tensor a = Tensor::fromVector<float>({0, 10, 20}, {3, 1});
  Tensor b = Tensor::fromVector<float>({1, 2, 3, 4}, {4});
  TensorIterator it = TensorIterator::binaryOp(Tensor(), a, b);
  kernels::cpuKernel(it, [](float x, float y) -> float { return x + y; });
  EXPECT_EQ(it.output().toVector<float>(),
            (std::vector<float>{1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24}));
  EXPECT_TRUE(it.isScalarInput(1) == false);
}

TEST(TensorIterator, LargeLoopsRunInParallelAndCoverEveryElement) {
  setNumThreads(2);
  const int64_t n = 3 * TensorIterator::kGrainSize + 17;
  Tensor a = arange(n, DType::Double);
  TensorIterator it = TensorIterator::unaryOp(Tensor(), a);
  kernels::cpuKernel(it, [](double x) -> double { return 2 * x; });
  std::vector<double> v = it.output().toVector<double>();
  for (int64_t i = 0; i < n; ++i) ASSERT_EQ(v[static_cast<size_t>(i)], 2.0 * static_cast<double>(i));
}

TEST(TensorIterator, InferDenseStrides) {
  EXPECT_EQ(inferDenseStrides(std::vector<int64_t>{3, 4}, std::vector<int64_t>{2, 6}), (DimVector{1, 3}));
  EXPECT_EQ(inferDenseStrides(std::vector<int64_t>{3, 2}, std::vector<int64_t>{4, 2}), (DimVector{2, 1}));
}

TEST(TensorIterator, ScalarTypeNames) {
  EXPECT_EQ(scalarTypeName(DType::Float), "Float");
  EXPECT_EQ(scalarTypeName(DType::Byte), "Byte");
  EXPECT_EQ(scalarTypeName(DType::BFloat16), "BFloat16");
}

}  // namespace
}  // namespace ember
