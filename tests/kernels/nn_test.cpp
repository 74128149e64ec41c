// Hand-derived values and properties of the nn kernels (the PyTorch
// comparisons live in nn_oracle_test.cpp).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "ember/kernels/conv.h"
#include "ember/kernels/dnnl_context.h"
#include "ember/support/thread_pool.h"
#include "ember/kernels/loss.h"
#include "ember/kernels/nn_misc.h"
#include "ember/kernels/norm.h"
#include "ember/kernels/pool.h"
#include "ember/kernels/rnn.h"

namespace ember {
namespace {

using kernels::convNd;

Tensor full(IntArrayRef sizes, float v, DType t = DType::Float) {
  Tensor x = Tensor::empty(sizes, DType::Float);
  float* p = x.data<float>();
  for (int64_t i = 0; i < x.numel(); ++i) p[i] = v;
  return x.to(t);
}

Tensor pseudoRandom(IntArrayRef sizes, uint32_t seed, DType t = DType::Float) {
  Tensor x = Tensor::empty(sizes, DType::Float);
  float* p = x.data<float>();
  uint32_t s = seed * 2654435761u + 1;
  for (int64_t i = 0; i < x.numel(); ++i) {
    s = s * 1664525u + 1013904223u;
    p[i] = static_cast<float>(s >> 8) / static_cast<float>(1u << 24) * 2.0f - 1.0f;
  }
  return x.to(t);
}

const int64_t kOne[1] = {1}, kZero[1] = {0};
IntArrayRef one() { return IntArrayRef(kOne, 1); }
IntArrayRef zero() { return IntArrayRef(kZero, 1); }

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

TEST(NnKernels, OpenMpWorkersSleepWhenIdle) {
  // Set by libember_worker_env before libgomp read it (unless the user chose).
  const char* v = std::getenv("OMP_WAIT_POLICY");
  ASSERT_NE(v, nullptr);
  if (std::string(v) != "PASSIVE") GTEST_SKIP() << "OMP_WAIT_POLICY=" << v << " set by the user";
  // Behaviour, not just the variable: after a 2-thread oneDNN convolution the
  // idle worker must not spin (libgomp's default burns ~2.5 ms per region).
  const int saved = getNumThreads();
  setNumThreads(2);
  Tensor x = full({1, 16, 32, 32}, 1), w = full({16, 16, 3, 3}, 1);
  std::vector<double> burnt;
  for (int r = 0; r < 11; ++r) {
    convNd(x, w, std::nullopt, one(), one(), one(), 1, 2);
    const double c0 = cpuSeconds();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    burnt.push_back(cpuSeconds() - c0);
  }
  setNumThreads(saved);
  // The median: a spinning worker burns in every round, a stray spike in one.
  std::nth_element(burnt.begin(), burnt.begin() + 5, burnt.end());
  EXPECT_LT(burnt[5], 1e-3) << "idle OpenMP workers spin";
}

TEST(NnKernels, ConvOfOnesCountsTheWindow) {
  // 2 input channels, 3x3 kernel of ones, padding 1: each output sums the
  // in-bounds window over both channels, plus the bias.
  Tensor x = full({1, 2, 4, 4}, 1), w = full({3, 2, 3, 3}, 1), b = full({3}, 0.5f);
  const int64_t pad[1] = {1};
  Tensor y = convNd(x, w, b, one(), IntArrayRef(pad, 1), one(), 1, 2);
  ASSERT_EQ(shapeString(y.sizes()), "[1, 3, 4, 4]");
  std::vector<float> v = y.toVector<float>();
  EXPECT_FLOAT_EQ(v[0], 2 * 4 + 0.5f);       // corner: 2x2 window
  EXPECT_FLOAT_EQ(v[1], 2 * 6 + 0.5f);       // edge: 2x3
  EXPECT_FLOAT_EQ(v[5], 2 * 9 + 0.5f);       // interior: 3x3
  EXPECT_FLOAT_EQ(v[16 + 5], 2 * 9 + 0.5f);  // every output channel alike
}

TEST(NnKernels, ConvPathsAgreeAcrossDtypes) {
  // float32 runs through oneDNN, float64 and int64 through the reference path.
  Tensor x = pseudoRandom({2, 6, 9, 7}, 1), w = pseudoRandom({4, 3, 3, 2}, 2), b = pseudoRandom({4}, 3);
  const int64_t stride[2] = {2, 1}, pad[2] = {1, 0}, dil[2] = {1, 2};
  Tensor yf = convNd(x, w, b, IntArrayRef(stride, 2), IntArrayRef(pad, 2), IntArrayRef(dil, 2), 2, 2);
  Tensor yd = convNd(x.to(DType::Double), w.to(DType::Double), b.to(DType::Double), IntArrayRef(stride, 2),
                     IntArrayRef(pad, 2), IntArrayRef(dil, 2), 2, 2);
  std::vector<double> a = yf.toVector<double>(), d = yd.toVector<double>();
  ASSERT_EQ(a.size(), d.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], d[i], 1e-5) << i;

  Tensor xi = full({1, 2, 5, 5}, 3, DType::Long), wi = full({2, 1, 3, 3}, 2, DType::Long);
  Tensor yi = convNd(xi, wi, std::nullopt, one(), zero(), one(), 2, 2);
  for (int64_t v : yi.toVector<int64_t>()) EXPECT_EQ(v, 9 * 3 * 2);
}

// float32 (oneDNN, with its blocked and pointwise layouts) against float64 (reference).
void expectConvPathsAgree(const Tensor& x, const Tensor& w, const std::optional<Tensor>& b, std::vector<int64_t> stride,
                          std::vector<int64_t> pad, std::vector<int64_t> dil, std::vector<int64_t> outPad,
                          bool transposed, int64_t groups) {
  auto run = [&](DType t) {
    std::optional<Tensor> bt = b ? std::optional<Tensor>(b->to(t)) : std::nullopt;
    return kernels::convolution(x.to(t), w.to(t), bt, stride, pad, dil, transposed, outPad, groups);
  };
  std::vector<double> f = run(DType::Float).toVector<double>(), d = run(DType::Double).toVector<double>();
  ASSERT_EQ(f.size(), d.size());
  for (size_t i = 0; i < f.size(); ++i) ASSERT_NEAR(f[i], d[i], 2e-5 * (1 + std::abs(d[i]))) << i;
}

TEST(NnKernels, OneDnnLayoutsAgreeWithTheReference) {
  // 3x3 over 32 channels (nChw16c), pointwise (plain GEMM), 1-d and 3-d blocked,
  // grouped with 16-channel groups, transposed with blocks.
  expectConvPathsAgree(pseudoRandom({2, 32, 9, 9}, 20), pseudoRandom({48, 32, 3, 3}, 21), pseudoRandom({48}, 22), {1},
                       {1}, {1}, {0}, false, 1);
  expectConvPathsAgree(pseudoRandom({1, 32, 7, 5}, 23), pseudoRandom({16, 32, 1, 1}, 24), std::nullopt, {1}, {0}, {1},
                       {0}, false, 1);
  expectConvPathsAgree(pseudoRandom({1, 16, 20}, 25), pseudoRandom({32, 16, 5}, 26), pseudoRandom({32}, 27), {2}, {2},
                       {1}, {0}, false, 1);
  expectConvPathsAgree(pseudoRandom({1, 16, 4, 5, 5}, 28), pseudoRandom({16, 16, 3, 3, 3}, 29), std::nullopt, {1}, {1},
                       {1}, {0}, false, 1);
  expectConvPathsAgree(pseudoRandom({1, 64, 6, 6}, 30), pseudoRandom({32, 16, 3, 3}, 31), pseudoRandom({32}, 32), {2},
                       {1}, {1}, {0}, false, 4);
  expectConvPathsAgree(pseudoRandom({1, 32, 5, 5}, 33), pseudoRandom({32, 16, 3, 3}, 34), pseudoRandom({16}, 35), {2},
                       {1}, {1}, {1}, true, 1);
  expectConvPathsAgree(pseudoRandom({1, 32, 5, 5}, 36), pseudoRandom({32, 8, 4, 4}, 37), std::nullopt, {2}, {1}, {1},
                       {0}, true, 2);
}

TEST(NnKernels, DepthwiseConvIsPerChannel) {
  Tensor x = pseudoRandom({1, 4, 6, 6}, 4), w = pseudoRandom({4, 1, 3, 3}, 5);
  Tensor y = convNd(x, w, std::nullopt, one(), one(), one(), 4, 2);
  for (int64_t c = 0; c < 4; ++c) {
    Tensor xc = x.asStrided(std::vector<int64_t>{1, 1, 6, 6}, std::vector<int64_t>{144, 36, 6, 1}, c * 36);
    Tensor wc = w.asStrided(std::vector<int64_t>{1, 1, 3, 3}, std::vector<int64_t>{9, 9, 3, 1}, c * 9);
    std::vector<float> yc = convNd(xc, wc, std::nullopt, one(), one(), one(), 1, 2).toVector<float>();
    std::vector<float> all = y.toVector<float>();
    for (size_t i = 0; i < yc.size(); ++i) EXPECT_NEAR(all[c * 36 + i], yc[i], 1e-6);
  }
}

TEST(NnKernels, ReorderedWeightsAreCachedOnTheStorageAndRefreshedWhenWritten) {
  Tensor x = full({1, 16, 8, 8}, 1), w = full({16, 16, 3, 3}, 1);
  Tensor y1 = convNd(x, w, std::nullopt, one(), zero(), one(), 1, 2);
  EXPECT_NE(w.storage()->derived, nullptr);
  EXPECT_FLOAT_EQ(y1.toVector<float>()[0], 16 * 9);
  // An in-place write bumps the version; the next call reorders again.
  float* p = w.data<float>();
  for (int64_t i = 0; i < w.numel(); ++i) p[i] = 2;
  w.storage()->bumpVersion();
  Tensor y2 = convNd(x, w, std::nullopt, one(), zero(), one(), 1, 2);
  EXPECT_FLOAT_EQ(y2.toVector<float>()[0], 2 * 16 * 9);
}

TEST(NnKernels, ChannelsLastInputGivesChannelsLastOutput) {
  Tensor x = pseudoRandom({1, 8, 5, 5}, 6), w = pseudoRandom({8, 8, 3, 3}, 7);
  const int64_t clStrides[4] = {200, 1, 40, 8};
  Tensor xcl = Tensor::emptyStrided(x.sizes(), IntArrayRef(clStrides, 4), DType::Float);
  xcl.copyFrom(x);
  Tensor y = convNd(x, w, std::nullopt, one(), one(), one(), 1, 2);
  Tensor ycl = convNd(xcl, w, std::nullopt, one(), one(), one(), 1, 2);
  EXPECT_EQ(ycl.stride(1), 1);
  std::vector<float> a = y.toVector<float>(), b = ycl.toVector<float>();
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-5);
}

TEST(NnKernels, MaxPoolPicksTheMaximumAndItsIndex) {
  Tensor x = Tensor::fromVector<float>({1, 5, 3, 2, 0, 7, 8, 1, 4}, std::vector<int64_t>{1, 1, 3, 3});
  const int64_t k[1] = {2};
  auto [out, idx] = kernels::maxPool2dWithIndices(x, IntArrayRef(k, 1), one(), zero(), one(), false);
  EXPECT_EQ(out.toVector<float>(), (std::vector<float>{5, 7, 8, 7}));
  EXPECT_EQ(idx.toVector<int64_t>(), (std::vector<int64_t>{1, 5, 6, 5}));
}

TEST(NnKernels, AvgPoolPaddingCountsAsPyTorchDefines) {
  Tensor x = full({1, 1, 2, 2}, 4);
  const int64_t k[1] = {2};
  // A 2x2 window at stride 1 with padding 1: the corner window holds one real element.
  Tensor inc = kernels::avgPool2d(x, IntArrayRef(k, 1), one(), one(), false, true, std::nullopt);
  Tensor exc = kernels::avgPool2d(x, IntArrayRef(k, 1), one(), one(), false, false, std::nullopt);
  EXPECT_FLOAT_EQ(inc.toVector<float>()[0], 1.0f);  // 4 / 4
  EXPECT_FLOAT_EQ(exc.toVector<float>()[0], 4.0f);  // 4 / 1
  EXPECT_FLOAT_EQ(inc.toVector<float>()[4], 4.0f);  // center window: all real
}

TEST(NnKernels, LayerNormNormalizesEachRow) {
  Tensor x = pseudoRandom({3, 64}, 8);
  const int64_t shape[1] = {64};
  Tensor y = kernels::layerNorm(x, IntArrayRef(shape, 1), std::nullopt, std::nullopt, 1e-5, true);
  std::vector<float> v = y.toVector<float>();
  for (int r = 0; r < 3; ++r) {
    double m = 0, sq = 0;
    for (int i = 0; i < 64; ++i) m += v[r * 64 + i];
    m /= 64;
    for (int i = 0; i < 64; ++i) sq += (v[r * 64 + i] - m) * (v[r * 64 + i] - m);
    EXPECT_NEAR(m, 0, 1e-5);
    EXPECT_NEAR(sq / 64, 1, 1e-3);
  }
}

TEST(NnKernels, BatchNormEvalUsesRunningStatistics) {
  Tensor x = full({2, 1, 3}, 5);
  Tensor mean = full({1}, 1), var = full({1}, 4), w = full({1}, 3), b = full({1}, 0.5f);
  Tensor y = kernels::batchNorm(x, w, b, mean, var, false, 0.1, 0.0, true);
  for (float v : y.toVector<float>()) EXPECT_FLOAT_EQ(v, (5 - 1) / 2.0f * 3 + 0.5f);
}

TEST(NnKernels, TrainingDropoutIsRefusedNotFaked) {
  Tensor x = full({4}, 1);
  try {
    kernels::dropout(x, 0.5, true, kernels::DropoutKind::Plain);
    FAIL() << "expected NotImplementedError";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotImplemented);
  }
  EXPECT_TRUE(kernels::dropout(x, 0.5, false, kernels::DropoutKind::Plain).isSame(x));
}

TEST(NnKernels, LstmCellWithZeroWeightsHalvesTheCell) {
  // Zero weights and biases: every gate is sigmoid(0) = 0.5 and the candidate tanh(0) = 0.
  const int64_t B = 2, I = 3, H = 4;
  Tensor x = pseudoRandom({B, I}, 9), h = pseudoRandom({B, H}, 10), c = pseudoRandom({B, H}, 11);
  Tensor wih = full({4 * H, I}, 0), whh = full({4 * H, H}, 0);
  auto [hy, cy] = kernels::lstmCell(x, {h, c}, wih, whh, std::nullopt, std::nullopt);
  std::vector<float> c0 = c.toVector<float>(), c1 = cy.toVector<float>(), h1 = hy.toVector<float>();
  for (size_t i = 0; i < c0.size(); ++i) {
    EXPECT_NEAR(c1[i], 0.5f * c0[i], 1e-6);
    EXPECT_NEAR(h1[i], 0.5f * std::tanh(0.5f * c0[i]), 1e-6);
  }
}

TEST(NnKernels, PixelUnshuffleUndoesPixelShuffle) {
  Tensor x = pseudoRandom({2, 8, 3, 5}, 12);
  Tensor y = kernels::pixelUnshuffle(kernels::pixelShuffle(x, 2), 2);
  EXPECT_EQ(y.toVector<float>(), x.toVector<float>());
}

TEST(NnKernels, CrossEntropyOfUniformLogitsIsLogOfClassCount) {
  Tensor logits = full({3, 5}, 0.25f);
  Tensor target = Tensor::fromVector<int64_t>({0, 4, 2}, std::vector<int64_t>{3});
  Tensor loss = kernels::crossEntropyLoss(logits, target, std::nullopt, 1, -100, 0.0);
  EXPECT_NEAR(loss.item().toDouble(), std::log(5.0), 1e-6);
}

}  // namespace
}  // namespace ember
