#include "ember/support/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace ember {
namespace {

class ThreadCount {
 public:
  explicit ThreadCount(int n) : saved_(getNumThreads()) { setNumThreads(n); }
  ~ThreadCount() { setNumThreads(saved_); }

 private:
  int saved_;
};

TEST(ThreadPool, CoversEveryIndexOnce) {
  for (int threads : {1, 2, 3}) {
    ThreadCount tc(threads);
    for (int64_t n : {0, 1, 7, 100, 1000, 100003}) {
      std::vector<std::atomic<int>> hits(static_cast<size_t>(n));
      parallelFor(0, n, 16, [&](int64_t b, int64_t e) {
        ASSERT_LE(0, b);
        ASSERT_LE(b, e);
        ASSERT_LE(e, n);
        for (int64_t i = b; i < e; ++i) hits[static_cast<size_t>(i)]++;
      });
      for (auto& h : hits) ASSERT_EQ(h.load(), 1);
    }
  }
}

TEST(ThreadPool, OffsetRange) {
  ThreadCount tc(2);
  std::atomic<int64_t> sum{0};
  parallelFor(10, 1010, 1, [&](int64_t b, int64_t e) {
    int64_t s = 0;
    for (int64_t i = b; i < e; ++i) s += i;
    sum += s;
  });
  EXPECT_EQ(sum.load(), (10 + 1009) * 1000 / 2);
}

TEST(ThreadPool, SmallRangeRunsInline) {
  ThreadCount tc(2);
  int calls = 0;  // not atomic: must run on this thread only
  parallelFor(0, 100, 1000, [&](int64_t b, int64_t e) {
    ++calls;
    EXPECT_EQ(b, 0);
    EXPECT_EQ(e, 100);
  });
  EXPECT_EQ(calls, 1);
}

TEST(ThreadPool, NestedRunsInline) {
  ThreadCount tc(2);
  std::atomic<int64_t> total{0};
  parallelFor(0, 64, 1, [&](int64_t b, int64_t e) {
    EXPECT_TRUE(inParallelRegion());
    for (int64_t i = b; i < e; ++i) {
      int innerChunks = 0;
      parallelFor(0, 1000, 1, [&](int64_t ib, int64_t ie) {
        ++innerChunks;
        total += ie - ib;
      });
      EXPECT_EQ(innerChunks, 1);
    }
  });
  EXPECT_EQ(total.load(), 64 * 1000);
  EXPECT_FALSE(inParallelRegion());
}

TEST(ThreadPool, ExceptionPropagates) {
  ThreadCount tc(2);
  for (int rep = 0; rep < 20; ++rep) {
    EXPECT_THROW(parallelFor(0, 1000, 1,
                             [&](int64_t b, int64_t e) {
                               if (b <= 500 && 500 < e) throw std::runtime_error("boom");
                             }),
                 std::runtime_error);
  }
  // The pool still works afterwards.
  std::atomic<int64_t> n{0};
  parallelFor(0, 1000, 1, [&](int64_t b, int64_t e) { n += e - b; });
  EXPECT_EQ(n.load(), 1000);
}

TEST(ThreadPool, ManySmallJobs) {
  ThreadCount tc(2);
  for (int rep = 0; rep < 2000; ++rep) {
    std::atomic<int64_t> n{0};
    parallelFor(0, 64, 1, [&](int64_t b, int64_t e) { n += e - b; });
    ASSERT_EQ(n.load(), 64);
  }
}

TEST(ThreadPool, SetNumThreads) {
  ThreadCount tc(3);
  EXPECT_EQ(getNumThreads(), 3);
  setNumThreads(0);
  EXPECT_EQ(getNumThreads(), 1);
}

}  // namespace
}  // namespace ember
