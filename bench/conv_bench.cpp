// Convolution throughput through ember's kernels (oneDNN path for float32):
// the shapes that dominate ResNet / MobileNet inference. Reports throughput
// (2 * multiply-adds) as FLOPS, e.g. "FLOPS=200G/s"; the argument is the thread count.
//   ./build/bench/ember_bench --benchmark_filter=Conv --benchmark_repetitions=5
// On a shared machine compare the "_min" rows: the other rows include time
// the process spent preempted.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "ember/kernels/conv.h"
#include "ember/kernels/dnnl_context.h"
#include "ember/kernels/pool.h"
#include "ember/support/thread_pool.h"

namespace {

using namespace ember;

Tensor filled(IntArrayRef sizes, float seed) {
  Tensor t = Tensor::empty(sizes, DType::Float);
  float* p = t.data<float>();
  for (int64_t i = 0; i < t.numel(); ++i)
    p[i] = static_cast<float>((i * 2654435761u + static_cast<uint32_t>(seed * 97)) % 1000) / 1000.0f - 0.5f;
  return t;
}

struct ConvShape {
  int64_t n, cin, h, w, cout, k, stride, pad, groups;
  bool channelsLast = false;
};

// The same values laid out channels-last (N, H, W, C in memory).
Tensor toChannelsLast(const Tensor& t) {
  const int64_t N = t.size(0), C = t.size(1), H = t.size(2), W = t.size(3);
  const int64_t strides[4] = {H * W * C, 1, W * C, C};
  Tensor out = Tensor::emptyStrided(t.sizes(), IntArrayRef(strides, 4), t.dtype());
  out.copyFrom(t);
  return out;
}

void runConv(benchmark::State& state, const ConvShape& s) {
  setNumThreads(static_cast<int>(state.range(0)));
  Tensor x = filled({s.n, s.cin, s.h, s.w}, 1);
  if (s.channelsLast) x = toChannelsLast(x);
  Tensor w = filled({s.cout, s.cin / s.groups, s.k, s.k}, 2);
  Tensor b = filled({s.cout}, 3);
  const int64_t stride[1] = {s.stride}, pad[1] = {s.pad}, dil[1] = {1};
  Tensor out = kernels::convNd(x, w, b, IntArrayRef(stride, 1), IntArrayRef(pad, 1), IntArrayRef(dil, 1), s.groups, 2);
  for (auto _ : state) {
    out = kernels::convNd(x, w, b, IntArrayRef(stride, 1), IntArrayRef(pad, 1), IntArrayRef(dil, 1), s.groups, 2);
    benchmark::DoNotOptimize(out.rawData());
  }
  const double macs = static_cast<double>(out.numel()) * static_cast<double>(s.cin / s.groups * s.k * s.k);
  state.counters["FLOPS"] = benchmark::Counter(2 * macs, benchmark::Counter::kIsIterationInvariantRate);
}

double minOf(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void ConvResNet3x3(benchmark::State& state) { runConv(state, {1, 64, 56, 56, 64, 3, 1, 1, 1}); }
// Channels-last activations: no layout reorders around the convolution.
void ConvResNet3x3ChannelsLast(benchmark::State& state) { runConv(state, {1, 64, 56, 56, 64, 3, 1, 1, 1, true}); }
void ConvDepthwise3x3(benchmark::State& state) { runConv(state, {1, 144, 56, 56, 144, 3, 1, 1, 144}); }
void Conv1x1(benchmark::State& state) { runConv(state, {1, 64, 56, 56, 256, 1, 1, 0, 1}); }
void ConvStem7x7(benchmark::State& state) { runConv(state, {1, 3, 224, 224, 64, 7, 2, 3, 1}); }

BENCHMARK(ConvResNet3x3)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)->UseRealTime()->ComputeStatistics("min", minOf);
BENCHMARK(ConvResNet3x3ChannelsLast)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->ComputeStatistics("min", minOf);
BENCHMARK(ConvDepthwise3x3)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->ComputeStatistics("min", minOf);
BENCHMARK(Conv1x1)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)->UseRealTime()->ComputeStatistics("min", minOf);
BENCHMARK(ConvStem7x7)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)->UseRealTime()->ComputeStatistics("min", minOf);

void MaxPool3x3s2(benchmark::State& state) {
  Tensor x = filled({1, 64, 112, 112}, 4);
  const int64_t k[1] = {3}, s[1] = {2}, p[1] = {1}, d[1] = {1};
  for (auto _ : state) {
    Tensor out =
        kernels::maxPool2d(x, IntArrayRef(k, 1), IntArrayRef(s, 1), IntArrayRef(p, 1), IntArrayRef(d, 1), false);
    benchmark::DoNotOptimize(out.rawData());
  }
}
BENCHMARK(MaxPool3x3s2)->Unit(benchmark::kMicrosecond)->ComputeStatistics("min", minOf);

}  // namespace
