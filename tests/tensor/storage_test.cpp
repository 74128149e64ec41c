#include <gtest/gtest.h>

#include <cstring>
#include <thread>
#include <vector>

#include "ember/tensor/storage.h"
#include "ember/tensor/storage_cache.h"
#include "ember/tensor/tensor.h"

namespace ember {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCacheOn = false;
#else
constexpr bool kCacheOn = true;
#endif

TEST(StorageCache, ReusesAFreedLargeBlock) {
  storage_cache::release();
  const size_t n = size_t(8) << 20;  // a size class of its own: cachedBytes() is exact
  static_assert(n >= storage_cache::kLargeBlock);
  void* first = nullptr;
  {
    auto s = makeIntrusive<StorageImpl>(n);
    first = s->data();
    std::memset(s->data(), 1, n);
  }
  EXPECT_EQ(storage_cache::cachedBytes(), kCacheOn ? n : 0u);
  // A slightly smaller request falls in the same size class.
  auto again = makeIntrusive<StorageImpl>(n - 1000);
  if (kCacheOn) {
    EXPECT_EQ(again->data(), first);
  }
  EXPECT_EQ(again->nbytes(), n - 1000);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(again->data()) % StorageImpl::kAlignment, 0u);
  EXPECT_EQ(storage_cache::cachedBytes(), 0u);
}

TEST(StorageCache, SmallBlocksAndEmptyTensorsAreNotCached) {
  storage_cache::release();
  { auto s = makeIntrusive<StorageImpl>(1000); }
  { auto s = makeIntrusive<StorageImpl>(storage_cache::kLargeBlock / 2); }
  {
    auto a = makeIntrusive<StorageImpl>(0);
    auto b = makeIntrusive<StorageImpl>(0);
    EXPECT_NE(a->data(), nullptr);
    EXPECT_NE(a->data(), b->data());
  }
  EXPECT_EQ(storage_cache::cachedBytes(), 0u);
}

TEST(StorageCache, StaysWithinItsLimit) {
  storage_cache::release();
  // Blocks of a quarter of the limit each: freeing all of them keeps at most the limit.
  const size_t n = storage_cache::kStorageCacheLimit / 4;
  {
    std::vector<Storage> live;
    for (int i = 0; i < 6; ++i) live.push_back(makeIntrusive<StorageImpl>(n));
  }
  EXPECT_LE(storage_cache::cachedBytes(), storage_cache::kStorageCacheLimit);
  // A block larger than the limit is never kept.
  { auto big = makeIntrusive<StorageImpl>(storage_cache::kStorageCacheLimit + 1); }
  EXPECT_LE(storage_cache::cachedBytes(), storage_cache::kStorageCacheLimit);
  storage_cache::release();
  EXPECT_EQ(storage_cache::cachedBytes(), 0u);
}

TEST(StorageCache, ThreadsShareTheCache) {
  storage_cache::release();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 20; ++i) {
        Tensor x = Tensor::empty({int64_t(1) << 23, 1 + (i + t) % 3}, DType::Float);
        auto* p = static_cast<unsigned char*>(x.rawData());
        p[0] = p[x.nbytes() - 1] = static_cast<unsigned char>(t);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(storage_cache::cachedBytes(), storage_cache::kStorageCacheLimit);
  storage_cache::release();
}

TEST(StorageCache, AbsurdSizesFailCleanly) { EXPECT_THROW(makeIntrusive<StorageImpl>(SIZE_MAX - 10), Error); }

}  // namespace
}  // namespace ember
