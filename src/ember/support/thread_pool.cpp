#include "ember/support/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ember {

namespace {

thread_local bool tInParallel = false;

// Long enough to catch the next op of a model (a few us apart), short enough
// that an idle worker gives its core back before anyone notices.
constexpr auto kSpinTime = std::chrono::microseconds(50);
// More chunks than threads, so that whoever is running claims the work of a
// thread that has not woken up yet.
constexpr int64_t kChunksPerThread = 4;

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

int defaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

std::atomic<int>& numThreadsSetting() {
  static std::atomic<int> n{defaultThreads()};
  return n;
}

// Restores the parallel-region flag on scope exit (exceptions included).
class ParallelRegion {
 public:
  ParallelRegion() : saved_(tInParallel) { tInParallel = true; }
  ~ParallelRegion() { tInParallel = saved_; }
  ParallelRegion(const ParallelRegion&) = delete;
  ParallelRegion& operator=(const ParallelRegion&) = delete;

 private:
  bool saved_;
};

// One job at a time. The job's fields are written only under m_ while no
// worker is inside a job (active_ == 0), and workers copy them under m_ when
// they join, so a worker waking late can never run a stale job's function.
class ThreadPool {
 public:
  explicit ThreadPool(int numWorkers) {
    threads_.reserve(static_cast<size_t>(numWorkers));
    for (int i = 0; i < numWorkers; ++i) threads_.emplace_back([this] { workerLoop(); });
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lk(m_);
      stop_ = true;
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int numWorkers() const { return static_cast<int>(threads_.size()); }

  // False when another thread is using the pool; the caller then runs inline.
  bool tryRun(int64_t numTasks, void (*task)(void*, int64_t), void* ctx) {
    std::unique_lock<std::mutex> submit(submitMutex_, std::try_to_lock);
    if (!submit.owns_lock()) return false;
    {
      std::unique_lock<std::mutex> lk(m_);
      while (active_.load(std::memory_order_acquire) != 0) {
        lk.unlock();
        cpuRelax();
        lk.lock();
      }
      task_ = task;
      ctx_ = ctx;
      numTasks_ = numTasks;
      next_.store(0, std::memory_order_relaxed);
      remaining_.store(numTasks, std::memory_order_relaxed);
      failed_.store(false, std::memory_order_relaxed);
      error_ = nullptr;
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    {
      ParallelRegion region;
      runTasks(task, ctx, numTasks);
    }
    waitDone();
    if (failed_.load(std::memory_order_acquire)) {
      std::exception_ptr e;
      {
        std::lock_guard<std::mutex> lk(errorMutex_);
        std::swap(e, error_);
      }
      if (e) std::rethrow_exception(e);
    }
    return true;
  }

 private:
  void workerLoop() {
    tInParallel = true;
    uint64_t seen = 0;
    for (;;) {
      uint64_t g = generation_.load(std::memory_order_acquire);
      const auto deadline = std::chrono::steady_clock::now() + kSpinTime;
      for (unsigned spins = 1; g == seen; ++spins) {
        if ((spins & 63) == 0 && std::chrono::steady_clock::now() > deadline) break;
        cpuRelax();
        g = generation_.load(std::memory_order_acquire);
      }
      std::unique_lock<std::mutex> lk(m_);
      wake_.wait(lk, [&] { return stop_ || generation_.load(std::memory_order_relaxed) != seen; });
      if (stop_) return;
      seen = generation_.load(std::memory_order_relaxed);
      active_.fetch_add(1, std::memory_order_relaxed);
      auto* task = task_;
      void* ctx = ctx_;
      const int64_t n = numTasks_;
      lk.unlock();
      runTasks(task, ctx, n);
      active_.fetch_sub(1, std::memory_order_release);
    }
  }

  void runTasks(void (*task)(void*, int64_t), void* ctx, int64_t n) {
    for (;;) {
      const int64_t i = next_.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return;
      if (!failed_.load(std::memory_order_relaxed)) {
        try {
          task(ctx, i);
        } catch (...) {
          std::lock_guard<std::mutex> lk(errorMutex_);
          if (!error_) error_ = std::current_exception();
          failed_.store(true, std::memory_order_release);
        }
      }
      if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> lk(doneMutex_);
        done_.notify_one();
      }
    }
  }

  void waitDone() {
    const auto deadline = std::chrono::steady_clock::now() + kSpinTime;
    for (unsigned spins = 1; remaining_.load(std::memory_order_acquire) != 0; ++spins) {
      if ((spins & 63) == 0 && std::chrono::steady_clock::now() > deadline) {
        std::unique_lock<std::mutex> lk(doneMutex_);
        done_.wait(lk, [&] { return remaining_.load(std::memory_order_acquire) == 0; });
        return;
      }
      cpuRelax();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex submitMutex_;

  std::mutex m_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::atomic<uint64_t> generation_{0};
  void (*task_)(void*, int64_t) = nullptr;
  void* ctx_ = nullptr;
  int64_t numTasks_ = 0;

  std::atomic<int64_t> next_{0};
  std::atomic<int64_t> remaining_{0};
  std::atomic<int> active_{0};

  std::atomic<bool> failed_{false};
  std::mutex errorMutex_;
  std::exception_ptr error_;

  std::mutex doneMutex_;
  std::condition_variable done_;
};

// The pool is rebuilt when the thread count changes; callers hold a
// reference for the duration of their job.
std::mutex gPoolMutex;
std::shared_ptr<ThreadPool>& poolSlot() {
  static auto* slot = new std::shared_ptr<ThreadPool>();  // never destroyed: no exit-time joins
  return *slot;
}

std::shared_ptr<ThreadPool> currentPool(int threads) {
  std::lock_guard<std::mutex> lk(gPoolMutex);
  auto& slot = poolSlot();
  if (!slot || slot->numWorkers() != threads - 1) {
    slot.reset();
    slot = std::make_shared<ThreadPool>(threads - 1);
  }
  return slot;
}

}  // namespace

int getNumThreads() { return numThreadsSetting().load(std::memory_order_relaxed); }

void setNumThreads(int n) { numThreadsSetting().store(std::max(1, n), std::memory_order_relaxed); }

bool inParallelRegion() { return tInParallel; }

namespace detail {

int64_t parallelChunks(int64_t range, int64_t grain) {
  const int threads = getNumThreads();
  if (threads <= 1 || tInParallel || range <= grain) return 1;
  const int64_t byGrain = range / grain + (range % grain != 0);
  return std::min<int64_t>(byGrain, threads * kChunksPerThread);
}

void runParallel(int64_t numTasks, void (*task)(void*, int64_t), void* ctx) {
  const int threads = getNumThreads();
  if (threads > 1 && !tInParallel) {
    auto pool = currentPool(threads);
    if (pool->tryRun(numTasks, task, ctx)) return;
  }
  ParallelRegion region;
  for (int64_t i = 0; i < numTasks; ++i) task(ctx, i);
}

}  // namespace detail

}  // namespace ember
