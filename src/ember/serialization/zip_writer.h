// Writes zip archives the way PyTorch's PyTorchStreamWriter does, so that
// torch.load / torch.jit.load and Python's zipfile read them: every local
// header carries an 'FB' extra field padding the entry's data to a 64-byte
// boundary (stored tensors can then be used in place from an mmap), CRC-32 and
// sizes are in the local header, zip64 records appear when an offset, size or
// the entry count no longer fits the classic fields.
//
// A file is written to `path + ".tmp"` and renamed over `path` by finish(), so
// a failure (or a writer destroyed unfinished) never leaves a half archive.
#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ember::serialization {

struct ZipWriterOptions {
  // Use zip64 records for every entry and the end record even when small:
  // lets tests cover the > 4 GiB paths with a few bytes.
  bool forceZip64 = false;
};

class ZipWriter {
 public:
  // Writes to memory; take the bytes with buffer() / takeBuffer() after finish().
  explicit ZipWriter(ZipWriterOptions options = {});
  // Writes to `path` (through `path + ".tmp"`); Error(Io) if it cannot be created.
  explicit ZipWriter(std::string path, ZipWriterOptions options = {});
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Appends an entry. Names must be unique and relative without '..' (the
  // reader refuses anything else); Error(Value) otherwise.
  void add(std::string_view name, std::span<const uint8_t> bytes, bool compress = false);
  void add(std::string_view name, std::string_view bytes, bool compress = false);

  // Writes the central directory and end records; for a file, renames it into place.
  void finish();
  bool finished() const { return finished_; }

  const std::string& path() const { return path_; }
  const std::vector<uint8_t>& buffer() const { return memory_; }
  std::vector<uint8_t> takeBuffer() { return std::move(memory_); }

 private:
  struct Record {
    std::string name;
    uint16_t method;
    uint16_t flags;
    uint32_t crc32;
    uint64_t compressedSize;
    uint64_t uncompressedSize;
    uint64_t headerOffset;
  };

  void checkWritable() const;
  void checkName(std::string_view name) const;
  void write(const void* data, size_t size);
  void writeCentralHeader(const Record& record);
  void writeEndRecords(uint64_t directoryOffset, uint64_t directorySize);
  void closeFile();
  [[noreturn]] void failIo(std::string_view what, int err);

  ZipWriterOptions options_;
  std::string path_;  // empty in memory mode
  std::string tmpPath_;
  std::FILE* file_ = nullptr;
  std::vector<uint8_t> memory_;
  uint64_t offset_ = 0;
  std::vector<Record> records_;
  std::unordered_set<std::string> names_;
  bool finished_ = false;
  bool failed_ = false;  // a write failed: the output is unusable
};

}  // namespace ember::serialization
