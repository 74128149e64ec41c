// Element-wise kernels on 1M float32 elements, contiguous and broadcast, on
// 1 and 2 threads. Compare with libtorch:
//   python3 -c "import torch,timeit; torch.set_num_threads(1); a=torch.randn(1000,1000); b=torch.randn(1000,1000);
//               print(min(timeit.repeat(lambda: a+b, number=100, repeat=5))/100)"
#include <benchmark/benchmark.h>

#include <cstdint>

#include "ember/kernels/activation.h"
#include "ember/kernels/binary.h"
#include "ember/kernels/unary.h"
#include "ember/support/thread_pool.h"

namespace ember {
namespace {

Tensor randomTensor(IntArrayRef sizes, uint64_t seed) {
  Tensor t = Tensor::empty(sizes, DType::Float);
  float* p = t.data<float>();
  uint64_t s = seed * 6364136223846793005ull + 1442695040888963407ull;
  for (int64_t i = 0; i < t.numel(); ++i) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    p[i] = static_cast<float>(static_cast<int64_t>(s >> 40) % 20000 - 10000) / 2500.0f;  // [-4, 4)
  }
  return t;
}

constexpr int64_t kRows = 1000, kCols = 1000;

void setThreads(benchmark::State& state) { setNumThreads(static_cast<int>(state.range(0))); }

void finish(benchmark::State& state, int64_t bytesPerIter) {
  state.SetBytesProcessed(state.iterations() * bytesPerIter);
  state.SetItemsProcessed(state.iterations() * kRows * kCols);
}

void BM_AddContiguous(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1), b = randomTensor({kRows, kCols}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::add(a, b, Scalar(int64_t(1))).rawData());
  finish(state, 3 * 4 * kRows * kCols);
}

void BM_AddBroadcastRow(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1), b = randomTensor({kCols}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::add(a, b, Scalar(int64_t(1))).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_AddBroadcastColumn(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1), b = randomTensor({kRows, 1}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::add(a, b, Scalar(int64_t(1))).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_AddInPlace(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1), b = randomTensor({kRows, kCols}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::add_(a, b, Scalar(int64_t(1))).rawData());
  finish(state, 3 * 4 * kRows * kCols);
}

void BM_MulContiguous(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1), b = randomTensor({kRows, kCols}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::mul(a, b).rawData());
  finish(state, 3 * 4 * kRows * kCols);
}

void BM_MulScalar(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::mul(a, Scalar(0.5)).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_Relu(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::relu(a).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_ReluInPlace(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::relu_(a).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_Sigmoid(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::sigmoid(a).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_Gelu(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::gelu(a, "none").rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_Silu(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({kRows, kCols}, 1);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::silu(a).rawData());
  finish(state, 2 * 4 * kRows * kCols);
}

void BM_AddSmall(benchmark::State& state) {
  setThreads(state);
  Tensor a = randomTensor({64}, 1), b = randomTensor({64}, 2);
  for (auto _ : state) benchmark::DoNotOptimize(kernels::add(a, b, Scalar(int64_t(1))).rawData());
}

#define EMBER_THREADS ->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond)
BENCHMARK(BM_AddContiguous) EMBER_THREADS;
BENCHMARK(BM_AddBroadcastRow) EMBER_THREADS;
BENCHMARK(BM_AddBroadcastColumn) EMBER_THREADS;
BENCHMARK(BM_AddInPlace) EMBER_THREADS;
BENCHMARK(BM_MulContiguous) EMBER_THREADS;
BENCHMARK(BM_MulScalar) EMBER_THREADS;
BENCHMARK(BM_Relu) EMBER_THREADS;
BENCHMARK(BM_ReluInPlace) EMBER_THREADS;
BENCHMARK(BM_Sigmoid) EMBER_THREADS;
BENCHMARK(BM_Gelu) EMBER_THREADS;
BENCHMARK(BM_Silu) EMBER_THREADS;
BENCHMARK(BM_AddSmall)->Arg(1)->Unit(benchmark::kNanosecond);
#undef EMBER_THREADS

}  // namespace
}  // namespace ember
