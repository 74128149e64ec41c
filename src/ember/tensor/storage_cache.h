// Owned storages of kLargeBlock bytes or more come from a cache of freed
// blocks (tensor/storage.cpp). Below that glibc already keeps freed blocks
// (its mmap threshold rises to the largest block freed), but it stops at
// 32 MiB: every larger block is fresh pages from the kernel, and faulting them
// in costs far more than the op that fills them (40 MB: ~10k faults, ~170 ms
// in a VM, against ~3.4 ms from the cache). Sizes are rounded up to classes
// 1/8 apart; the cache holds at most kStorageCacheLimit bytes, dropping the
// largest other classes' blocks first. It is off under AddressSanitizer,
// whose use-after-free checks need blocks really freed.
#pragma once

#include <cstddef>

namespace ember::storage_cache {

inline constexpr size_t kLargeBlock = size_t(32) << 20;  // glibc's DEFAULT_MMAP_THRESHOLD_MAX
inline constexpr size_t kStorageCacheLimit = size_t(1) << 28;

// Bytes held by the cache (not handed out).
size_t cachedBytes();
// Frees every cached block (tests; a caller that knows memory is short).
void release();

}  // namespace ember::storage_cache
