#include "ember/kernels/shape.h"

#include <gtest/gtest.h>

namespace ember::kernels {
namespace {

Tensor iota(std::vector<int64_t> shape, DType dt = DType::Long) {
  std::vector<int64_t> v(static_cast<size_t>(computeNumel(shape)));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int64_t>(i);
  return Tensor::fromVector<int64_t>(v, shape).to(dt);
}

std::vector<int64_t> vals(const Tensor& t) { return t.toVector<int64_t>(); }
std::vector<int64_t> dims(const Tensor& t) { return t.sizes().vec(); }

bool sharesStorage(const Tensor& a, const Tensor& b) { return a.storage().get() == b.storage().get(); }

void expectMessage(const std::function<void()>& f, ErrorKind kind, const std::string& msg) {
  try {
    f();
    ADD_FAILURE() << "expected an error: " << msg;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind);
    EXPECT_EQ(std::string(e.what()), msg);
  }
}

TEST(ShapeKernels, ViewsShareStorageAndWritesShowThrough) {
  Tensor x = iota({2, 3, 4});
  std::vector<Tensor> views = {view(x, {6, 4}),         reshape(x, {4, 6}),        permute(x, {2, 0, 1}),
                               transpose(x, 0, 2),      unsqueeze(x, 1),           squeeze(unsqueeze(x, 0)),
                               expand(view(x, {2, 3, 4, 1}), {2, 3, 4, 5}), flatten(x, 1, 2),
                               unflatten(x, 2, {2, 2}), narrow(x, 2, 1, 2),        select(x, 1, 2),
                               slice(x, 2, 1, std::nullopt, 2), movedim(x, 0, 2), asStrided(x, {2}, {5}, 1),
                               unfold(x, 2, 2, 1),      split(x, 1, 0)[1],         chunk(x, 2, 2)[1],
                               unbind(x, 1)[2],         x.alias(),                  t(select(x, 0, 1))};
  for (const Tensor& v : views) EXPECT_TRUE(sharesStorage(v, x)) << v;
  // A write through a view is visible in the base.
  Tensor s = select(transpose(x, 0, 2), 0, 3);  // x[:, :, 3] transposed: shape [3, 2]
  EXPECT_EQ(dims(s), (std::vector<int64_t>{3, 2}));
  s.data<int64_t>()[0] = -7;  // element [0][0] is x[0][0][3]
  EXPECT_EQ(x.data<int64_t>()[3], -7);
  Tensor n = narrow(x, 1, 1, 1);
  *static_cast<int64_t*>(n.rawData()) = -9;  // x[0][1][0]
  EXPECT_EQ(x.data<int64_t>()[4], -9);
}

TEST(ShapeKernels, ViewStridesFollowPyTorch) {
  Tensor x = iota({2, 3, 4});
  Tensor p = permute(x, {2, 0, 1});
  EXPECT_EQ(p.strides().vec(), (std::vector<int64_t>{1, 12, 4}));
  // Merging dims 0 and 1 of a transposed tensor is expressible only when they stay contiguous.
  Tensor tr = transpose(x, 1, 2);  // [2, 4, 3] strides [12, 1, 4]
  Tensor v = view(tr, {2, 4, 3});
  EXPECT_TRUE(sharesStorage(v, x));
  EXPECT_EQ(view(transpose(x, 0, 1), {3, 2, 2, 2}).strides().vec(), (std::vector<int64_t>{4, 12, 2, 1}));
  EXPECT_EQ(expand(iota({3, 1}), {2, 3, 5}).strides().vec(), (std::vector<int64_t>{0, 1, 0}));
  EXPECT_EQ(unsqueeze(x, 3).strides().vec(), (std::vector<int64_t>{12, 4, 1, 1}));
  EXPECT_EQ(slice(x, 2, 1, 4, 2).strides().vec(), (std::vector<int64_t>{12, 4, 2}));
  EXPECT_EQ(slice(x, 2, 1, 4, 2).storageOffset(), 1);
}

TEST(ShapeKernels, ViewRefusesIncompatibleStridesAndReshapeCopies) {
  Tensor x = iota({2, 3});
  Tensor tt = t(x);
  expectMessage([&] { view(tt, {6}); }, ErrorKind::Runtime,
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across "
                "two contiguous subspaces). Use .reshape(...) instead.");
  Tensor r = reshape(tt, {6});
  EXPECT_FALSE(sharesStorage(r, x));
  EXPECT_EQ(vals(r), (std::vector<int64_t>{0, 3, 1, 4, 2, 5}));
  EXPECT_TRUE(sharesStorage(reshape(x, {3, -1}), x));
}

TEST(ShapeKernels, InferSizeMessages) {
  expectMessage([] { inferSize({4, 2}, 6); }, ErrorKind::Runtime, "shape '[4, 2]' is invalid for input of size 6");
  expectMessage([] { inferSize({-1, -1}, 6); }, ErrorKind::Runtime, "only one dimension can be inferred");
  expectMessage([] { inferSize({-1, 0}, 0); }, ErrorKind::Runtime,
                "cannot reshape tensor of 0 elements into shape [-1, 0] because the unspecified dimension size -1 can "
                "be any value and is ambiguous");
  EXPECT_EQ(inferSize({-1, 3}, 6).vec(), (std::vector<int64_t>{2, 3}));
}

TEST(ShapeKernels, SliceClampsLikePython) {
  Tensor x = iota({5});
  EXPECT_EQ(vals(slice(x, 0, -2, std::nullopt, 1)), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(vals(slice(x, 0, -100, 100, 2)), (std::vector<int64_t>{0, 2, 4}));
  EXPECT_EQ(slice(x, 0, 4, 2, 1).numel(), 0);
  EXPECT_EQ(slice(x, 0, 7, std::nullopt, 1).numel(), 0);
  expectMessage([&] { select(x, 0, 5); }, ErrorKind::Index,
                "select(): index 5 out of range for tensor of size [5] at dimension 0");
  EXPECT_EQ(vals(select(x, 0, -1)), (std::vector<int64_t>{4}));
}

TEST(ShapeKernels, CatPromotesAndSkipsLegacyEmpty) {
  Tensor a = iota({2, 2}, DType::Int);
  Tensor b = Tensor::fromVector<double>({0.5, 1.5}, std::vector<int64_t>{1, 2});
  Tensor e = Tensor::empty({0}, DType::Float);
  Tensor c = cat(std::vector<Tensor>{a, e, b}, 0);
  EXPECT_EQ(c.dtype(), DType::Double);
  EXPECT_EQ(c.toVector<double>(), (std::vector<double>{0, 1, 2, 3, 0.5, 1.5}));
  Tensor d = cat(std::vector<Tensor>{a, t(a)}, 1);  // a non-contiguous input
  EXPECT_EQ(vals(d), (std::vector<int64_t>{0, 1, 0, 2, 2, 3, 1, 3}));
  expectMessage([&] { cat(std::vector<Tensor>{a, iota({3, 3})}, 0); }, ErrorKind::Runtime,
                "Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1 "
                "in the list.");
}

TEST(ShapeKernels, StackSplitChunk) {
  Tensor a = iota({2}), b = iota({2});
  EXPECT_EQ(dims(stack(std::vector<Tensor>{a, b}, -1)), (std::vector<int64_t>{2, 2}));
  auto parts = split(iota({5}), 2);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(vals(parts[2]), (std::vector<int64_t>{4}));
  auto cs = chunk(iota({0}), 3);
  EXPECT_EQ(cs.size(), 3u);
  auto ws = splitWithSizes(iota({2, 3}), {1, 2}, 1);
  EXPECT_EQ(vals(ws[1]), (std::vector<int64_t>{1, 2, 4, 5}));
}

TEST(ShapeKernels, RepeatFlipRoll) {
  Tensor x = iota({2});
  EXPECT_EQ(vals(repeat(x, {2, 2})), (std::vector<int64_t>{0, 1, 0, 1, 0, 1, 0, 1}));
  EXPECT_EQ(vals(flip(iota({2, 2}), {0, 1})), (std::vector<int64_t>{3, 2, 1, 0}));
  EXPECT_EQ(vals(roll(iota({5}), {2}, {0})), (std::vector<int64_t>{3, 4, 0, 1, 2}));
  EXPECT_EQ(vals(roll(iota({2, 2}), {1}, {})), (std::vector<int64_t>{3, 0, 1, 2}));
}

TEST(ShapeKernels, InPlaceGeometryOpsKeepTheTensor) {
  Tensor x = iota({1, 3});
  Tensor same = squeeze_(x);
  EXPECT_TRUE(same.isSame(x));
  EXPECT_EQ(dims(x), (std::vector<int64_t>{3}));
  unsqueeze_(x, 0);
  EXPECT_EQ(dims(x), (std::vector<int64_t>{1, 3}));
  t_(x);
  EXPECT_EQ(dims(x), (std::vector<int64_t>{3, 1}));
}

TEST(ShapeKernels, MovedimOrder) {
  Tensor x = Tensor::empty({2, 3, 4, 5}, DType::Float);
  EXPECT_EQ(dims(movedim(x, {0, 1}, {2, 3})), (std::vector<int64_t>{4, 5, 2, 3}));
  EXPECT_EQ(dims(movedim(x, -1, 0)), (std::vector<int64_t>{5, 2, 3, 4}));
}

}  // namespace
}  // namespace ember::kernels
