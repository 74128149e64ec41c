// Registration of the shape, index, sort and factory families, and the
// ops whose arguments the oracle cannot build from Python (aten::tensor's
// nested lists).
#include <gtest/gtest.h>

#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember::ops {
namespace {

IValue ints(std::vector<int64_t> v) { return intList(v); }

IValue nested(std::vector<IValue> rows, TypePtr rowType) { return IValue(makeList(rowType, std::move(rows))); }

IValue call(const char* name, std::vector<IValue> args, std::vector<std::pair<std::string, IValue>> kwargs = {}) {
  const Operator* op = Registry::global().find(name);
  EXPECT_NE(op, nullptr) << name;
  return callOp(*op, args, kwargs);
}

TEST(MovementOps, FamiliesAreRegistered) {
  for (const char* name :
       {"aten::view", "aten::reshape", "aten::permute", "aten::transpose.int", "aten::t", "aten::squeeze.dim",
        "aten::unsqueeze", "aten::expand", "aten::expand_as", "aten::repeat", "aten::flatten.using_ints",
        "aten::unflatten.int", "aten::narrow", "aten::select.int", "aten::slice.Tensor", "aten::cat", "aten::stack",
        "aten::split.Tensor", "aten::split.sizes", "aten::split_with_sizes", "aten::chunk", "aten::unbind.int",
        "aten::flip", "aten::roll", "aten::movedim.int", "aten::view_as", "aten::reshape_as", "aten::as_strided",
        "aten::size", "aten::size.int", "aten::dim", "aten::numel", "aten::index.Tensor", "aten::index_put_",
        "aten::index_put", "aten::index_select", "aten::gather", "aten::scatter.src", "aten::scatter.value",
        "aten::scatter_add", "aten::masked_fill.Scalar", "aten::masked_fill.Tensor", "aten::masked_select",
        "aten::nonzero", "aten::embedding", "aten::one_hot", "aten::sort", "aten::argsort", "aten::topk",
        "aten::_unique2", "aten::unique_consecutive", "aten::zeros", "aten::ones", "aten::full",
        "aten::empty.memory_format", "aten::zeros_like", "aten::arange", "aten::arange.start",
        "aten::arange.start_step", "aten::linspace", "aten::eye", "aten::eye.m", "aten::tensor", "aten::tensor.int",
        "aten::tensor.float", "aten::tensor.bool", "aten::scalar_tensor", "aten::new_zeros", "aten::new_full"})
    EXPECT_NE(Registry::global().find(name), nullptr) << name;
}

TEST(MovementOps, TensorFromNestedIntListIsInt64) {
  IValue data = nested({ints({1, 2, 3}), ints({4, 5, 6})}, types::list(types::intT()));
  Tensor t = call("aten::tensor", {data}).toTensor();
  EXPECT_EQ(t.dtype(), DType::Long);
  EXPECT_EQ(t.sizes().vec(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(t.toVector<int64_t>(), (std::vector<int64_t>{1, 2, 3, 4, 5, 6}));
}

TEST(MovementOps, TensorFromFloatAndBoolLists) {
  Tensor f = call("aten::tensor", {doubleList({1.5, -2.0})}).toTensor();
  EXPECT_EQ(f.dtype(), DType::Float);  // the default dtype, not float64
  EXPECT_EQ(f.toVector<float>(), (std::vector<float>{1.5f, -2.0f}));
  IValue bools(makeList(types::boolT(), {IValue(true), IValue(false)}));
  EXPECT_EQ(call("aten::tensor", {bools}).toTensor().dtype(), DType::Bool);
  Tensor d = call("aten::tensor", {ints({1, 2})}, {{"dtype", IValue(DType::Double)}}).toTensor();
  EXPECT_EQ(d.dtype(), DType::Double);
  EXPECT_EQ(d.toVector<double>(), (std::vector<double>{1.0, 2.0}));
  Tensor e = call("aten::tensor", {IValue(makeList(types::intT()))}).toTensor();
  EXPECT_EQ(e.dtype(), DType::Long);
  EXPECT_EQ(e.sizes().vec(), (std::vector<int64_t>{0}));
}

TEST(MovementOps, TensorFromRaggedListFails) {
  IValue data = nested({ints({1, 2}), ints({3})}, types::list(types::intT()));
  try {
    call("aten::tensor", {data});
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Expected sequence of length 2 at dim 1 (got 1)");
  }
  try {
    call("aten::tensor", {IValue(makeList(types::tensor()))});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("Input must be of ints, floats, or bools, got Tensor", 0), 0u);
  }
}

TEST(MovementOps, TensorScalarOverloads) {
  EXPECT_EQ(call("aten::tensor.float", {IValue(1.5)}).toTensor().dtype(), DType::Float);
  EXPECT_EQ(call("aten::tensor.int", {IValue(int64_t(3))}).toTensor().dtype(), DType::Long);
  EXPECT_EQ(call("aten::tensor.bool", {IValue(true)}).toTensor().dtype(), DType::Bool);
  Tensor t = call("aten::tensor.int", {IValue(int64_t(3))}, {{"dtype", IValue(DType::Half)}}).toTensor();
  EXPECT_EQ(t.dtype(), DType::Half);
  EXPECT_EQ(t.dim(), 0);
}

TEST(MovementOps, FactoriesRefuseCuda) {
  EXPECT_THROW(call("aten::zeros", {ints({2})}, {{"device", IValue("cuda")}}), Error);
  EXPECT_NO_THROW(call("aten::zeros", {ints({2})}, {{"device", IValue("cpu")}}));
}

TEST(MovementOps, SizeReturnsIntList) {
  Tensor x = Tensor::empty({2, 3}, DType::Float);
  EXPECT_EQ(call("aten::size", {x}).toIntVector(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(call("aten::size.int", {x, IValue(int64_t(-1))}).toInt(), 3);
  auto parts = call("aten::split.Tensor", {x, IValue(int64_t(1))}).toTensorVector();
  EXPECT_EQ(parts.size(), 2u);
  auto tup = call("aten::sort", {x}).toTuple().elements;
  EXPECT_EQ(tup.size(), 2u);
}

}  // namespace
}  // namespace ember::ops
