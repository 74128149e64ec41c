#include "ember/tensor/tensor.h"

#include <gtest/gtest.h>

#include "ember/tensor/promotion.h"

namespace ember {
namespace {

TEST(Tensor, EmptyHasContiguousStrides) {
  Tensor t = Tensor::empty({2, 3, 4}, DType::Float);
  EXPECT_EQ(t.numel(), 24);
  EXPECT_EQ(t.strides()[0], 12);
  EXPECT_EQ(t.strides()[2], 1);
  EXPECT_TRUE(t.isContiguous());
}

TEST(Tensor, TransposedViewCopiesInLogicalOrder) {
  Tensor t = Tensor::fromVector<int64_t>({0, 1, 2, 3, 4, 5}, std::vector<int64_t>{2, 3});
  Tensor tt = t.asStrided(std::vector<int64_t>{3, 2}, std::vector<int64_t>{1, 3}, 0);
  EXPECT_FALSE(tt.isContiguous());
  EXPECT_EQ(tt.toVector<int64_t>(), (std::vector<int64_t>{0, 3, 1, 4, 2, 5}));
}

TEST(Tensor, FromStorageRejectsViewsOutsideStorage) {
  auto storage = makeIntrusive<StorageImpl>(16);
  EXPECT_THROW(Tensor::fromStorage(storage, 0, std::vector<int64_t>{5}, std::vector<int64_t>{1}, DType::Float),
               Error);
  EXPECT_NO_THROW(Tensor::fromStorage(storage, 0, std::vector<int64_t>{4}, std::vector<int64_t>{1}, DType::Float));
}

TEST(Tensor, WrapDimMessageMatchesPyTorch) {
  try {
    wrapDim(2, 2);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Index);
    EXPECT_STREQ(e.what(), "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
  }
}

TEST(Half, RoundTripsAndRoundsToNearestEven) {
  EXPECT_EQ(Half(1.0f).bits, 0x3c00);
  EXPECT_EQ(float(Half(65504.0f)), 65504.0f);
  EXPECT_TRUE(std::isinf(float(Half(65520.0f))));
  EXPECT_EQ(Half(5.960464477539063e-08f).bits, 0x0001);  // smallest subnormal
  EXPECT_EQ(float(BFloat16(1.0f)), 1.0f);
  EXPECT_EQ(BFloat16(1.00390625f).bits, 0x3f80);  // tie rounds to even
}

TEST(Promotion, Table) {
  EXPECT_EQ(promoteTypes(DType::Byte, DType::Char), DType::Short);
  EXPECT_EQ(promoteTypes(DType::Half, DType::BFloat16), DType::Float);
  EXPECT_EQ(promoteTypes(DType::Bool, DType::Int), DType::Int);
  EXPECT_EQ(promoteTypes(DType::Long, DType::Half), DType::Half);
  Tensor i32 = Tensor::empty({2}, DType::Int);
  EXPECT_EQ(resultType(i32, Scalar(2.5)), DType::Float);
  EXPECT_EQ(resultType(i32, Scalar(int64_t(2))), DType::Int);
  EXPECT_EQ(resultType(i32, Tensor::scalar(Scalar(int64_t(1)), DType::Long)), DType::Int);
  EXPECT_EQ(resultType(i32, Tensor::scalar(Scalar(1.0), DType::Double)), DType::Double);
}

}  // namespace
}  // namespace ember
