#include "ember/ops/schema.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember::ops {
namespace {

TEST(Schema, ParsesAdd) {
  auto s = parseSchema("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
  EXPECT_EQ(s.name, "aten::add");
  EXPECT_EQ(s.overload, "Tensor");
  ASSERT_EQ(s.arguments.size(), 3u);
  EXPECT_TRUE(s.arguments[2].kwargOnly);
  EXPECT_EQ(s.arguments[2].defaultValue->toInt(), 1);
  EXPECT_EQ(s.returns.size(), 1u);
  EXPECT_EQ(s.str(), "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
}

TEST(Schema, FixedSizeListDefaultBroadcasts) {
  auto s = parseSchema(
      "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, "
      "int[2] dilation=1, int groups=1) -> Tensor");
  const auto& stride = s.arguments[3];
  EXPECT_EQ(stride.fixedSize, 2);
  EXPECT_EQ(stride.defaultValue->toIntVector(), (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(s.arguments[2].type->str(), "Optional[Tensor]");
}

TEST(Schema, AliasesTuplesAndVarargs) {
  auto s = parseSchema("aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)");
  EXPECT_EQ(s.returns.size(), 2u);
  EXPECT_EQ(s.returns[1].name, "indices");
  auto inplace = parseSchema("aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)");
  EXPECT_TRUE(inplace.isInPlace());
  auto fmt = parseSchema("aten::format(str self, ...) -> str");
  EXPECT_TRUE(fmt.varArgs);
  auto d = parseSchema("aten::__getitem__.Dict_str(Dict(str, t) self, str key) -> t(*)");
  EXPECT_EQ(d.arguments[0].type->str(), "Dict[str, t]");
}

TEST(Schema, ParsesEveryPyTorchSchema) {
  std::ifstream in(EMBER_SOURCE_DIR "/../shared/reference/schemas-pytorch-1.13.txt");
  if (!in) GTEST_SKIP() << "shared/reference not beside the repo";
  std::string line;
  int parsed = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    EXPECT_NO_THROW(parseSchema(line)) << line;
    ++parsed;
  }
  EXPECT_GT(parsed, 4000);
}

TEST(Schema, MalformedInputNamesTheColumn) {
  try {
    parseSchema("aten::f(Tensor self -> Tensor");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("column"), std::string::npos);
  }
}

TEST(Registry, TypedKernelBindsDefaultsAndKwargs) {
  Registry r;
  r.def("test::scale(Tensor self, *, float factor=2.0, int[2] pad=1) -> Tensor",
        [](const Tensor& t, double factor, IntArrayRef pad) {
          EXPECT_EQ(pad.size(), 2u);
          Tensor out = Tensor::empty(t.sizes(), DType::Double);
          auto in = t.toVector<double>();
          for (size_t i = 0; i < in.size(); ++i) out.data<double>()[i] = in[i] * factor + static_cast<double>(pad[1]);
          return out;
        });
  const Operator* op = r.find("test::scale");
  ASSERT_NE(op, nullptr);
  Tensor x = Tensor::fromVector<double>({1, 2}, {2});
  EXPECT_EQ(callOp(*op, {x}).toTensor().toVector<double>(), (std::vector<double>{3, 5}));
  EXPECT_EQ(callOp(*op, {x}, {{"factor", IValue(int64_t(3))}, {"pad", IValue(int64_t(0))}}).toTensor().toVector<double>(),
            (std::vector<double>{3, 6}));
  EXPECT_THROW(callOp(*op, {x}, {{"nope", IValue(1)}}), Error);
  EXPECT_THROW(callOp(*op, {IValue(1)}), Error);
}

}  // namespace
}  // namespace ember::ops
