// A temporary's life in a model: a storage allocated, written once (as an
// element-wise op writes its result) and freed, at sizes below and above
// glibc's largest mmap threshold (32 MiB), above which every fresh block is
// fresh pages from the kernel. Measures the storage cache
// (tensor/storage_cache.h; BM_AddContiguous shows it in a real op).
#include <benchmark/benchmark.h>

#include <cstddef>

#include "ember/tensor/storage.h"

namespace ember {
namespace {

void BM_StorageTemporary(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    auto s = makeIntrusive<StorageImpl>(n);
    float* p = static_cast<float*>(s->data());
    for (size_t i = 0; i < n / sizeof(float); ++i) p[i] = static_cast<float>(i);
    benchmark::DoNotOptimize(p);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * n));
}

BENCHMARK(BM_StorageTemporary)->Arg(400'000)->Arg(4'000'000)->Arg(40'000'000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ember
