// A private memory map of a whole file. Archives are opened through it so
// that stored tensor data is used in place: loading copies no weights. Tensors
// that point into the map hold the shared_ptr, which keeps it mapped.
// The map is private (copy-on-write): writing through it never changes the
// file. The reader only reads it. As with any mmap, a file truncated by
// another process while mapped makes later reads fault (SIGBUS).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace ember::serialization {

class MappedFile {
 public:
  // Maps `path` (copy-on-write); throws Error(Io) naming the path and the system's
  // reason. An empty file maps to an empty span (mmap refuses length 0).
  static std::shared_ptr<const MappedFile> open(const std::string& path);

  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  const std::string& path() const { return path_; }

 private:
  MappedFile(std::string path, const uint8_t* data, size_t size)
      : path_(std::move(path)), data_(data), size_(size) {}

  std::string path_;
  const uint8_t* data_;
  size_t size_;
};

}  // namespace ember::serialization
