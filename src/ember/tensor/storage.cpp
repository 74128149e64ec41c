#include "ember/tensor/storage.h"

#include <cstdlib>
#include <new>

#include "ember/support/error.h"

namespace ember {

StorageImpl::StorageImpl(size_t nbytes) : nbytes_(nbytes) {
  // aligned_alloc needs a multiple of the alignment, and a non-zero size so
  // that empty tensors still get a unique, valid pointer.
  size_t rounded = (nbytes + kAlignment - 1) / kAlignment * kAlignment;
  if (rounded == 0) rounded = kAlignment;
  data_ = std::aligned_alloc(kAlignment, rounded);
  if (!data_) EMBER_FAIL("out of memory allocating {} bytes", nbytes);
}

StorageImpl::StorageImpl(void* data, size_t nbytes, std::shared_ptr<const void> owner)
    : data_(data), nbytes_(nbytes), owner_(std::move(owner)) {
  if (!owner_) owner_ = std::shared_ptr<const void>(data, [](const void*) {});
}

StorageImpl::~StorageImpl() {
  if (!owner_) std::free(data_);
}

}  // namespace ember
