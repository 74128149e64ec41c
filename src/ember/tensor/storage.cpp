#include "ember/tensor/storage.h"
#include "ember/tensor/storage_cache.h"

#include <cstdlib>
#include <map>
#include <mutex>
#include <new>
#include <vector>

#include "ember/support/error.h"

#if defined(__SANITIZE_ADDRESS__)
#define EMBER_STORAGE_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EMBER_STORAGE_CACHE 0
#endif
#endif
#ifndef EMBER_STORAGE_CACHE
#define EMBER_STORAGE_CACHE 1
#endif

namespace ember {

namespace {

constexpr size_t kAlignment = StorageImpl::kAlignment;

// The bytes actually allocated for nbytes: a multiple of the alignment
// (aligned_alloc needs it) and non-zero (empty tensors still get a unique
// pointer); large blocks round up to a size class 1/8 apart, so a block freed
// by one op serves requests a little smaller than it too.
size_t blockSize(size_t nbytes) {
  if (nbytes > SIZE_MAX / 2) EMBER_FAIL("out of memory allocating {} bytes", nbytes);
  size_t rounded = (nbytes + kAlignment - 1) / kAlignment * kAlignment;
  if (rounded == 0) return kAlignment;
  if (rounded < storage_cache::kLargeBlock) return rounded;
  const size_t step = (size_t(1) << (63 - __builtin_clzll(rounded))) / 8;
  return (rounded + step - 1) / step * step;
}

void* systemAllocate(size_t size, size_t nbytes) {
  void* p = std::aligned_alloc(kAlignment, size);
  if (!p) EMBER_FAIL("out of memory allocating {} bytes", nbytes);
  return p;
}

#if EMBER_STORAGE_CACHE
class BlockCache {
 public:
  void* take(size_t size) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = free_.find(size);
    if (it == free_.end() || it->second.empty()) return nullptr;
    void* p = it->second.back();
    it->second.pop_back();
    cached_ -= size;
    return p;
  }
  // Keeps p unless it alone exceeds the limit; makes room by dropping the
  // largest other classes first (a shape that changed leaves those behind).
  void give(void* p, size_t size) {
    if (size > storage_cache::kStorageCacheLimit) {
      std::free(p);
      return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = free_.rbegin(); cached_ + size > storage_cache::kStorageCacheLimit && it != free_.rend(); ++it) {
      while (!it->second.empty() && cached_ + size > storage_cache::kStorageCacheLimit) {
        std::free(it->second.back());
        it->second.pop_back();
        cached_ -= it->first;
      }
    }
    free_[size].push_back(p);
    cached_ += size;
  }
  size_t cachedBytes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return cached_;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [size, blocks] : free_) {
      for (void* p : blocks) std::free(p);
    }
    free_.clear();
    cached_ = 0;
  }

 private:
  std::mutex mutex_;
  std::map<size_t, std::vector<void*>> free_;
  size_t cached_ = 0;
};

// Never destroyed: storages held by other statics are freed after main.
BlockCache& blockCache() {
  static BlockCache* cache = new BlockCache;
  return *cache;
}
#endif

void* allocate(size_t nbytes) {
  const size_t size = blockSize(nbytes);
#if EMBER_STORAGE_CACHE
  if (size >= storage_cache::kLargeBlock) {
    if (void* p = blockCache().take(size)) return p;
  }
#endif
  return systemAllocate(size, nbytes);
}

void deallocate(void* p, size_t nbytes) {
#if EMBER_STORAGE_CACHE
  const size_t size = blockSize(nbytes);
  if (size >= storage_cache::kLargeBlock) {
    blockCache().give(p, size);
    return;
  }
#else
  (void)nbytes;
#endif
  std::free(p);
}

}  // namespace

namespace storage_cache {
#if EMBER_STORAGE_CACHE
size_t cachedBytes() { return blockCache().cachedBytes(); }
void release() { blockCache().release(); }
#else
size_t cachedBytes() { return 0; }
void release() {}
#endif
}  // namespace storage_cache

StorageImpl::StorageImpl(size_t nbytes) : data_(allocate(nbytes)), nbytes_(nbytes) {}

StorageImpl::StorageImpl(void* data, size_t nbytes, std::shared_ptr<const void> owner)
    : data_(data), nbytes_(nbytes), owner_(std::move(owner)) {
  if (!owner_) owner_ = std::shared_ptr<const void>(data, [](const void*) {});
}

StorageImpl::~StorageImpl() {
  if (!owner_) deallocate(data_, nbytes_);
}

}  // namespace ember
