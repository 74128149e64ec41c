// A contiguous block of bytes that tensors view. It either owns an aligned heap
// buffer or borrows memory kept alive by `owner` (an mmap'ed archive: loading
// a model copies no weights).
#pragma once

#include <cstddef>
#include <memory>

#include "ember/support/intrusive_ptr.h"

namespace ember {

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

 private:
  void* data_ = nullptr;
  size_t nbytes_ = 0;
  std::shared_ptr<const void> owner_;
};

using Storage = IntrusivePtr<StorageImpl>;

}  // namespace ember
