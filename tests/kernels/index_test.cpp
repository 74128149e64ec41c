#include "ember/kernels/index.h"

#include <gtest/gtest.h>

namespace ember::kernels {
namespace {

Tensor iota(std::vector<int64_t> shape) {
  std::vector<int64_t> v(static_cast<size_t>(computeNumel(shape)));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int64_t>(i);
  return Tensor::fromVector<int64_t>(v, shape);
}

Tensor longs(std::vector<int64_t> v) { return Tensor::fromVector<int64_t>(v, {static_cast<int64_t>(v.size())}); }
Tensor bools(std::vector<bool> v) {
  Tensor t = Tensor::empty({static_cast<int64_t>(v.size())}, DType::Bool);
  for (size_t i = 0; i < v.size(); ++i) t.data<bool>()[i] = v[i];
  return t;
}
std::vector<int64_t> vals(const Tensor& t) { return t.toVector<int64_t>(); }
std::vector<int64_t> dims(const Tensor& t) { return t.sizes().vec(); }

TEST(IndexKernels, AdvancedIndexPlacesAdjacentResultDimsInPlace) {
  Tensor x = iota({2, 3, 4});
  // x[:, [0, 2], [1, 3]] -> shape [2, 2]: x[b, 0, 1], x[b, 2, 3]
  Tensor a = index(x, {std::nullopt, longs({0, 2}), longs({1, 3})});
  EXPECT_EQ(dims(a), (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(vals(a), (std::vector<int64_t>{1, 11, 13, 23}));
  // x[[0, 1], :, [1, 3]]: separated index tensors put their dim first -> [2, 3]
  Tensor b = index(x, {longs({0, 1}), std::nullopt, longs({1, 3})});
  EXPECT_EQ(dims(b), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(vals(b), (std::vector<int64_t>{1, 5, 9, 15, 19, 23}));
}

TEST(IndexKernels, MaskIndexSelectsRowsInOrder) {
  Tensor x = iota({3, 2});
  Tensor r = index(x, {bools({true, false, true})});
  EXPECT_EQ(vals(r), (std::vector<int64_t>{0, 1, 4, 5}));
  Tensor neg = index(x, {longs({-1})});
  EXPECT_EQ(vals(neg), (std::vector<int64_t>{4, 5}));
}

TEST(IndexKernels, OutOfBoundsIsAnIndexErrorNamingTheIndexedDim) {
  Tensor x = iota({2, 3});
  try {
    index(x, {std::nullopt, longs({5})});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Index);
    EXPECT_STREQ(e.what(), "index 5 is out of bounds for dimension 0 with size 3");
  }
}

TEST(IndexKernels, IndexPutAccumulatesDuplicates) {
  Tensor x = Tensor::fromVector<float>({0, 0, 0}, {3});
  Tensor v = Tensor::fromVector<float>({1, 2, 4}, {3});
  indexPut_(x, {longs({0, 0, 2})}, v, true);
  EXPECT_EQ(x.toVector<float>(), (std::vector<float>{3, 0, 4}));
}

TEST(IndexKernels, GatherScatterRoundTrip) {
  Tensor x = iota({2, 3});
  Tensor idx = Tensor::fromVector<int64_t>({2, 0, 1, 1}, {2, 2});
  Tensor g = gather(x, 1, idx);
  EXPECT_EQ(vals(g), (std::vector<int64_t>{2, 0, 4, 4}));
  Tensor s = scatter(Tensor::fromVector<int64_t>({0, 0, 0, 0, 0, 0}, {2, 3}), 1,
                     Tensor::fromVector<int64_t>({2, 0, 1, 0}, {2, 2}), g);
  EXPECT_EQ(vals(s), (std::vector<int64_t>{0, 0, 2, 4, 4, 0}));
  Tensor a = scatterAdd(Tensor::fromVector<int64_t>({0, 0}, {2}), 0, longs({1, 1, 0}), longs({5, 6, 7}));
  EXPECT_EQ(vals(a), (std::vector<int64_t>{7, 11}));
}

TEST(IndexKernels, MaskedFillChecksTheValueRange) {
  Tensor x = Tensor::fromVector<uint8_t>({1, 2}, {2});
  EXPECT_EQ(maskedFill(x, bools({true, false}), Scalar(int64_t(-1))).toVector<int64_t>(),
            (std::vector<int64_t>{255, 2}));
  EXPECT_THROW(maskedFill(x, bools({true, false}), Scalar(int64_t(256))), Error);
  // The functional form broadcasts self against the mask.
  Tensor m = Tensor::empty({2, 2}, DType::Bool);
  for (int i = 0; i < 4; ++i) m.data<bool>()[i] = i % 2 == 0;
  EXPECT_EQ(dims(maskedFill(x, m, Scalar(int64_t(9)))), (std::vector<int64_t>{2, 2}));
}

TEST(IndexKernels, NonzeroAndMaskedSelect) {
  Tensor x = Tensor::fromVector<float>({0, 1.5f, 0, -2}, {2, 2});
  EXPECT_EQ(vals(nonzero(x)), (std::vector<int64_t>{0, 1, 1, 1}));
  Tensor m = Tensor::empty({2, 2}, DType::Bool);
  for (int i = 0; i < 4; ++i) m.data<bool>()[i] = i != 1;
  EXPECT_EQ(maskedSelect(x, m).toVector<float>(), (std::vector<float>{0, 0, -2}));
}

TEST(IndexKernels, EmbeddingAndOneHot) {
  Tensor w = iota({4, 2});
  Tensor e = embedding(w, Tensor::fromVector<int64_t>({3, 0}, {1, 2}));
  EXPECT_EQ(dims(e), (std::vector<int64_t>{1, 2, 2}));
  EXPECT_EQ(vals(e), (std::vector<int64_t>{6, 7, 0, 1}));
  EXPECT_EQ(vals(oneHot(longs({2, 0}))), (std::vector<int64_t>{0, 0, 1, 1, 0, 0}));
}

}  // namespace
}  // namespace ember::kernels
