// The intra-op thread pool behind parallelFor.
//
// Workers spin for a bounded time (~50 us) after a job, then sleep on a
// condition variable. libtorch's OpenMP workers spin far longer; on a shared
// 2-core machine they steal the core the caller needs, and 2-thread runs were
// measured 2-25x slower than 1 thread. Here the caller always takes part and
// claims chunks from the same counter as the workers, so a worker that is
// slow to wake (its core busy with another process) costs at most the chunk
// it has already claimed, never the whole job.
//
//   parallelFor(0, n, 32768, [&](int64_t begin, int64_t end) { ... });
//
// A parallelFor inside a chunk runs inline on the calling thread. An exception
// thrown by a chunk is rethrown to the caller once every chunk has finished.
#pragma once

#include <cstdint>
#include <type_traits>

namespace ember {

// Threads parallelFor may use, the caller included. Default: hardware cores.
int getNumThreads();
// n >= 1. Takes effect for the next parallelFor; the pool is rebuilt lazily.
void setNumThreads(int n);
// Whether the current thread is running a parallelFor chunk.
bool inParallelRegion();

namespace detail {

// Runs task(ctx, i) for every i in [0, numTasks) on the pool and the calling
// thread. A type-erased function pointer keeps the hot path free of
// std::function and allocation.
void runParallel(int64_t numTasks, void (*task)(void* ctx, int64_t i), void* ctx);
// How many chunks a range of `range` items may be cut into.
int64_t parallelChunks(int64_t range, int64_t grain);

}  // namespace detail

template <class F>
void parallelFor(int64_t begin, int64_t end, int64_t grain, F&& fn) {
  if (begin >= end) return;
  const int64_t range = end - begin;
  const int64_t chunks = detail::parallelChunks(range, grain < 1 ? 1 : grain);
  if (chunks <= 1) {
    fn(begin, end);
    return;
  }
  struct Ctx {
    std::remove_reference_t<F>* fn;
    int64_t begin, range, chunks;
  } ctx{&fn, begin, range, chunks};
  detail::runParallel(
      chunks,
      [](void* p, int64_t i) {
        auto* c = static_cast<Ctx*>(p);
        // Even split; the first (range % chunks) chunks get one more item.
        const int64_t base = c->range / c->chunks, extra = c->range % c->chunks;
        const int64_t lo = c->begin + i * base + (i < extra ? i : extra);
        const int64_t hi = lo + base + (i < extra ? 1 : 0);
        (*c->fn)(lo, hi);
      },
      &ctx);
}

}  // namespace ember
