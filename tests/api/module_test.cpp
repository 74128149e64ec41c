// ember::load and ember::Module on archives of the real-world corpus
// (../shared/corpus/realworld beside the repo; skipped when absent).
// Expected values are derived by hand from the archives' code/.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "ember/api/ember.h"
#include "ember/serialization/zip_writer.h"
#include "ember/support/error.h"
#include "ember/tensor/tensor.h"
#include "ember/value/containers.h"

namespace ember {
namespace {

std::string corpus(const std::string& name) {
  return std::string(EMBER_SOURCE_DIR) + "/../shared/corpus/realworld/" + name + "/model.pt";
}

#define REQUIRE_CORPUS(name)                                                        \
  if (!std::filesystem::exists(corpus(name))) GTEST_SKIP() << "no " << corpus(name)

Tensor filled(std::vector<int64_t> shape, float v) {
  Tensor t = Tensor::empty(shape, DType::Float);
  float* p = t.data<float>();
  for (int64_t i = 0; i < t.numel(); ++i) p[i] = v + static_cast<float>(i);
  return t;
}

// tch-rs foo.pt: forward(x, y) = x * 2 + y + self.value, value = [42.].
TEST(ModuleApi, ForwardAndBuffers) {
  REQUIRE_CORPUS("tchrs_foo");
  Module m = load(corpus("tchrs_foo"));
  Tensor y = m.forward({IValue(filled({3}, 1)), IValue(filled({3}, 10))}).toTensor();
  ASSERT_EQ(y.numel(), 3);
  EXPECT_FLOAT_EQ(y.data<float>()[0], 1 * 2 + 10 + 42);
  EXPECT_FLOAT_EQ(y.data<float>()[2], 3 * 2 + 12 + 42);
  auto buffers = m.named_buffers();
  ASSERT_EQ(buffers.size(), 1u);
  EXPECT_EQ(buffers[0].first, "value");
  EXPECT_TRUE(m.named_parameters().empty());
  EXPECT_TRUE(m.has_method("forward"));
  EXPECT_FALSE(m.has_method("nope"));
  EXPECT_THROW(m.run_method("nope", {}), Error);
}

TEST(ModuleApi, SetattrChangesTheResult) {
  REQUIRE_CORPUS("tchrs_foo");
  Module m = load(corpus("tchrs_foo"));
  m.setattr("value", IValue(filled({1}, 0)));
  Tensor y = m.forward({IValue(filled({1}, 1)), IValue(filled({1}, 1))}).toTensor();
  EXPECT_FLOAT_EQ(y.data<float>()[0], 3);
  EXPECT_FLOAT_EQ(m.attr("value").toTensor().data<float>()[0], 0);
}

// TorchSharp linrelu: Sequential(Linear(10, 6), ReLU()), saved in training mode.
TEST(ModuleApi, ModuleTreeAndTraining) {
  REQUIRE_CORPUS("torchsharp_linrelu_script");
  Module m = load(corpus("torchsharp_linrelu_script"));
  auto params = m.named_parameters();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].first, "0.weight");
  EXPECT_EQ(params[0].second.numel(), 60);
  EXPECT_EQ(params[1].first, "0.bias");
  auto mods = m.named_modules();
  ASSERT_EQ(mods.size(), 3u);
  EXPECT_EQ(mods[1].first, "0");
  EXPECT_EQ(mods[2].first, "1");
  EXPECT_TRUE(m.is_training());
  m.eval();
  for (auto& [name, sub] : m.named_modules()) EXPECT_FALSE(sub.is_training()) << name;
}

TEST(ModuleApi, ConcurrentForwardOnOneModule) {
  REQUIRE_CORPUS("torchsharp_linrelu_script");
  Module m = load(corpus("torchsharp_linrelu_script"));
  Tensor x = filled({4, 10}, -3);
  Tensor ref = m.forward({IValue(x)}).toTensor();
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 50; ++i) {
        Tensor y = m.forward({IValue(x)}).toTensor();
        for (int64_t k = 0; k < y.numel(); ++k) same = same && y.data<float>()[k] == ref.data<float>()[k];
      }
      ok[t] = same;
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_TRUE(ok[t]) << "thread " << t;
}

TEST(ModuleApi, LegacyArchiveIsRefused) {
  REQUIRE_CORPUS("tchrs_foo_2019_legacy");
  try {
    load(corpus("tchrs_foo_2019_legacy"));
    FAIL() << "loaded a model.json archive";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("legacy TorchScript archive format (model.json)"), std::string::npos) << e.what();
  }
}

TEST(ModuleApi, MissingFileIsAnIoError) {
  try {
    load("/nonexistent/model.pt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Io) << e.what();
  }
}

// A minimal archive written here: `m/version`, `m/code/__torch__.py` and a
// data.pkl for `__torch__.M` with its `training` attribute.
std::shared_ptr<const std::vector<uint8_t>> archive(const std::string& version, const std::string& code) {
  serialization::ZipWriter w;
  // GLOBAL '__torch__ M', EMPTY_TUPLE, NEWOBJ, {'training': True}, BUILD, STOP
  static const char pkl[] = "\x80\x02" "c__torch__\nM\nq\x00)\x81}q\x01X\x08\x00\x00\x00trainingq\x02\x88sb.";
  w.add("m/data.pkl", std::string_view(pkl, sizeof(pkl) - 1));
  w.add("m/code/__torch__.py", code);
  w.add("m/version", version);
  w.finish();
  return std::make_shared<const std::vector<uint8_t>>(w.takeBuffer());
}

const char* kModule =
    "class M(Module):\n"
    "  __parameters__ = []\n"
    "  __buffers__ = []\n"
    "  training : bool\n"
    "  k : Final[int] = 5\n"
    "  def forward(self: __torch__.M, x: int) -> int:\n"
    "    return torch.add(x, self.k)\n";

TEST(ModuleApi, HandWrittenArchive) {
  Module m = load(archive("3\n", kModule), "mini.pt");
  EXPECT_EQ(m.forward({IValue(int64_t(2))}).toInt(), 7);
  EXPECT_EQ(m.attr("k").toInt(), 5);
  EXPECT_TRUE(m.is_training());
}

TEST(ModuleApi, NewerFormatVersionIsRefused) {
  try {
    load(archive("11\n", kModule), "new.pt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotImplemented);
    EXPECT_NE(std::string(e.what()).find("format version 11 is not supported"), std::string::npos) << e.what();
  }
}

TEST(ModuleApi, EveryUnknownOperatorIsListedAtLoadTime) {
  std::string code =
      "class M(Module):\n"
      "  training : bool\n"
      "  def forward(self: __torch__.M, x: Tensor) -> Tensor:\n"
      "    return ops.aten.no_such_op(torch.frobnicate(x))\n"
      "  def other(self: __torch__.M, x: Tensor) -> Tensor:\n"
      "    return ops.custom.thing(x)\n";
  try {
    load(archive("3\n", code), "ops.pt");
    FAIL();
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("3 operator(s) ember does not implement: aten::frobnicate, aten::no_such_op, custom::thing"),
              std::string::npos)
        << msg;
  }
}

}  // namespace
}  // namespace ember
