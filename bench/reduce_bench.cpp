// Reductions, softmax and matrix products on the sizes that dominate real
// models. Compare with libtorch on one thread:
//   python3 -c "import torch,timeit; torch.set_num_threads(1); x=torch.randn(1024,1024);
//               print(timeit.timeit(lambda: x.sum(1), number=1000))"
#include <benchmark/benchmark.h>

#include <random>

#include "ember/kernels/linalg.h"
#include "ember/kernels/reduce.h"
#include "ember/kernels/softmax.h"

namespace {

using namespace ember;

Tensor randomTensor(std::vector<int64_t> sizes) {
  Tensor t = Tensor::empty(sizes, DType::Float);
  std::mt19937 gen(0);
  std::uniform_real_distribution<float> dist(-3.0f, 3.0f);
  float* p = t.data<float>();
  for (int64_t i = 0; i < t.numel(); ++i) p[i] = dist(gen);
  return t;
}

void BM_SumLastDim(benchmark::State& state) {
  Tensor x = randomTensor({1024, 1024});
  const std::vector<int64_t> dim{1};
  for (auto _ : state) benchmark::DoNotOptimize(kernels::sumDim(x, IntArrayRef(dim), false, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_SumLastDim);

void BM_SumFirstDim(benchmark::State& state) {
  Tensor x = randomTensor({1024, 1024});
  const std::vector<int64_t> dim{0};
  for (auto _ : state) benchmark::DoNotOptimize(kernels::sumDim(x, IntArrayRef(dim), false, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_SumFirstDim);

void BM_SumAll(benchmark::State& state) {
  Tensor x = randomTensor({1024, 1024});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::sum(x, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_SumAll);

void BM_MeanSpatial(benchmark::State& state) {
  Tensor x = randomTensor({8, 256, 14, 14});
  const std::vector<int64_t> dim{2, 3};
  for (auto _ : state) benchmark::DoNotOptimize(kernels::meanDim(x, IntArrayRef(dim), true, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_MeanSpatial);

void BM_MaxDim(benchmark::State& state) {
  Tensor x = randomTensor({1024, 1000});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::maxDim(x, 1, false));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_MaxDim);

void BM_Softmax(benchmark::State& state) {
  Tensor x = randomTensor({64, 1000});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::softmax(x, 1, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_Softmax);

void BM_SoftmaxDim1Of4d(benchmark::State& state) {
  Tensor x = randomTensor({8, 21, 32, 32});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::softmax(x, 1, std::nullopt));
  state.SetBytesProcessed(state.iterations() * x.nbytes());
}
BENCHMARK(BM_SoftmaxDim1Of4d);

void BM_Mm512(benchmark::State& state) {
  Tensor a = randomTensor({512, 512}), b = randomTensor({512, 512});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::mm(a, b));
  state.counters["GFLOP/s"] =
      benchmark::Counter(2.0 * 512 * 512 * 512 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate,
                         benchmark::Counter::kIs1000);
}
BENCHMARK(BM_Mm512);

void BM_Linear(benchmark::State& state) {
  Tensor x = randomTensor({64, 512}), w = randomTensor({1000, 512}), b = randomTensor({1000});
  for (auto _ : state) benchmark::DoNotOptimize(kernels::linear(x, w, b));
}
BENCHMARK(BM_Linear);

}  // namespace
