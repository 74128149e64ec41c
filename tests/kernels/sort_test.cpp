#include "ember/kernels/sort.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ember::kernels {
namespace {

Tensor longs(std::vector<int64_t> v) { return Tensor::fromVector<int64_t>(v, {static_cast<int64_t>(v.size())}); }

TEST(SortKernels, NanSortsAsLargest) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  Tensor x = Tensor::fromVector<float>({2, nan, -1}, {3});
  auto [v, i] = sort(x);
  std::vector<float> vv = v.toVector<float>();
  EXPECT_EQ(vv[0], -1);
  EXPECT_EQ(vv[1], 2);
  EXPECT_TRUE(std::isnan(vv[2]));
  EXPECT_EQ(i.toVector<int64_t>(), (std::vector<int64_t>{2, 0, 1}));
  auto [dv, di] = sort(x, 0, true);
  EXPECT_EQ(di.toVector<int64_t>(), (std::vector<int64_t>{1, 0, 2}));
}

TEST(SortKernels, StableSortKeepsTieOrder) {
  auto [v, i] = sort(longs({1, 0, 1, 0, 1}), std::optional<bool>(true), 0, true);
  EXPECT_EQ(i.toVector<int64_t>(), (std::vector<int64_t>{0, 2, 4, 1, 3}));
}

TEST(SortKernels, SortAlongInnerAndOuterDims) {
  Tensor x = Tensor::fromVector<int64_t>({3, 1, 2, 0, 5, 4}, {2, 3});
  EXPECT_EQ(std::get<0>(sort(x, 1)).toVector<int64_t>(), (std::vector<int64_t>{1, 2, 3, 0, 4, 5}));
  EXPECT_EQ(std::get<1>(sort(x, 0)).toVector<int64_t>(), (std::vector<int64_t>{1, 0, 0, 0, 1, 1}));
}

TEST(SortKernels, TopkAndKthvalue) {
  Tensor x = Tensor::fromVector<float>({1, 5, 3, 4}, {4});
  auto [v, i] = topk(x, 2);
  EXPECT_EQ(v.toVector<float>(), (std::vector<float>{5, 4}));
  EXPECT_EQ(i.toVector<int64_t>(), (std::vector<int64_t>{1, 3}));
  auto [kv, ki] = kthvalue(x, 2);
  EXPECT_EQ(kv.toVector<float>(), (std::vector<float>{3}));
  EXPECT_EQ(ki.toVector<int64_t>(), (std::vector<int64_t>{2}));
  EXPECT_THROW(topk(x, 5), Error);
}

TEST(SortKernels, UniqueSortedWithInverseAndCounts) {
  auto [u, inv, cnt] = unique2(longs({3, 1, 3, 2}), true, true, true);
  EXPECT_EQ(u.toVector<int64_t>(), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(inv.toVector<int64_t>(), (std::vector<int64_t>{2, 0, 2, 1}));
  EXPECT_EQ(cnt.toVector<int64_t>(), (std::vector<int64_t>{1, 1, 2}));
  auto [c, cinv, ccnt] = uniqueConsecutive(longs({1, 1, 2, 1}), true, true);
  EXPECT_EQ(c.toVector<int64_t>(), (std::vector<int64_t>{1, 2, 1}));
  EXPECT_EQ(ccnt.toVector<int64_t>(), (std::vector<int64_t>{2, 1, 1}));
  auto [rows, rinv, rcnt] = uniqueDim(Tensor::fromVector<int64_t>({1, 2, 0, 1, 1, 2}, {3, 2}), 0);
  EXPECT_EQ(rows.toVector<int64_t>(), (std::vector<int64_t>{0, 1, 1, 2}));
  EXPECT_EQ(rinv.toVector<int64_t>(), (std::vector<int64_t>{1, 0, 1}));
}

}  // namespace
}  // namespace ember::kernels
