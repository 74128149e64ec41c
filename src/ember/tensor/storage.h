// A contiguous block of bytes that tensors view. It either owns an aligned heap
// buffer or borrows memory kept alive by `owner` (an mmap'ed archive: loading
// a model copies no weights).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "ember/support/intrusive_ptr.h"

namespace ember {

// Data a kernel derives from a storage's bytes and keeps for as long as the
// storage lives (oneDNN's reordered convolution weights). Each kernel family
// subclasses it and finds its own with dynamic_cast.
struct StorageDerived {
  virtual ~StorageDerived() = default;
};

class StorageImpl : public RefCounted {
 public:
  // Zero-filled is not promised; kernels write every element they own.
  static constexpr size_t kAlignment = 64;

  explicit StorageImpl(size_t nbytes);
  // Borrowed memory; `owner` keeps it alive as long as this storage lives.
  StorageImpl(void* data, size_t nbytes, std::shared_ptr<const void> owner);
  ~StorageImpl() override;
  StorageImpl(const StorageImpl&) = delete;
  StorageImpl& operator=(const StorageImpl&) = delete;

  void* data() const { return data_; }
  size_t nbytes() const { return nbytes_; }
  bool isBorrowed() const { return owner_ != nullptr; }

  // Bumped by writes into the bytes (in-place ops); caches of derived data
  // compare it to know they are stale.
  uint64_t version() const { return version_.load(std::memory_order_relaxed); }
  void bumpVersion() { version_.fetch_add(1, std::memory_order_relaxed); }
  // Guarded by the kernel family that set it.
  std::unique_ptr<StorageDerived> derived;

 private:
  void* data_ = nullptr;
  size_t nbytes_ = 0;
  std::shared_ptr<const void> owner_;
  std::atomic<uint64_t> version_{0};
};

using Storage = IntrusivePtr<StorageImpl>;

}  // namespace ember
