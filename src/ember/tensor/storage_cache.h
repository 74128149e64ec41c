// Owned storages of kLargeBlock bytes or more come from a cache of freed
// blocks (tensor/storage.cpp). glibc keeps freed blocks only while its
// heuristics allow (its mmap threshold rises to the largest block freed, up to
// 32 MiB, and the heap top is trimmed past twice that): in a real process a
// 4 MB result of an element-wise op was fresh pages from the kernel on every
// call, and faulting them in cost far more than the op (bench/ember_bench,
// one thread, CPU time: BM_AddContiguous 7.6-15 ms without the cache, 0.21 ms
// with it; BM_AddBroadcastRow 8.8-31 ms -> 0.12 ms; a 40 MB temporary in
// BM_StorageTemporary 177-278 ms -> 3.4 ms; 400 KB unchanged at 32 us).
// Sizes are rounded up to classes 1/8 apart; the cache holds at most
// kStorageCacheLimit bytes, dropping the largest other classes' blocks first.
// It is off under AddressSanitizer, whose use-after-free checks need blocks
// really freed.
#pragma once

#include <cstddef>

namespace ember::storage_cache {

inline constexpr size_t kLargeBlock = size_t(1) << 18;
inline constexpr size_t kStorageCacheLimit = size_t(1) << 28;

// Bytes held by the cache (not handed out).
size_t cachedBytes();
// Frees every cached block (tests; a caller that knows memory is short).
void release();

}  // namespace ember::storage_cache
