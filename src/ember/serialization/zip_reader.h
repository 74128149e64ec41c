// Reads zip archives: torch.jit.save / torch.save files and anything Python's
// zipfile writes. Parsing is eager and strict (every offset and size is checked
// against the file at open), so lookups and views afterwards are cheap and
// cannot walk outside the bytes. Hostile input yields Error(Format), never a
// crash, a hang or an unbounded allocation. Every method is const and keeps
// no state, so one reader may serve several threads.
//
// PyTorch pads each local header with an 'FB' extra field so that stored data
// starts on a 64-byte boundary; the reader needs nothing for that, but it is
// why view() of a tensor record from a torch file is suitably aligned in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ember::serialization {

class MappedFile;

struct ZipEntry {
  std::string name;
  uint16_t method = 0;  // zip::kMethodStored (0) or kMethodDeflate (8); others refused on read
  uint16_t flags = 0;   // general purpose bits from the central directory
  uint32_t crc32 = 0;
  uint64_t compressedSize = 0;
  uint64_t uncompressedSize = 0;
  uint64_t headerOffset = 0;  // of the local header
  uint64_t dataOffset = 0;    // first byte of the (possibly compressed) data

  bool isStored() const { return method == 0; }
  bool isDirectory() const { return !name.empty() && name.back() == '/'; }
};

// Bytes plus whatever keeps them alive: a slice of the archive's mapping for a
// stored entry (zero-copy), or an inflated buffer for a compressed one. Tensor
// storage holds this; the archive may be closed meanwhile.
struct SharedBytes {
  std::shared_ptr<const uint8_t> data;
  size_t size = 0;

  std::span<const uint8_t> span() const { return {data.get(), size}; }
  std::string_view str() const { return {reinterpret_cast<const char*>(data.get()), size}; }
};

class ZipReader {
 public:
  // Refused before any allocation: larger entries are not model files.
  static constexpr uint64_t kMaxEntrySize = uint64_t(16) << 30;

  // Maps the file (Error(Io) if it cannot) and parses it.
  explicit ZipReader(const std::string& path);
  // Reads an archive held in memory; `label` stands for the path in messages.
  explicit ZipReader(std::shared_ptr<const std::vector<uint8_t>> buffer,
                     std::string label = "<memory>");
  // Any bytes kept alive by `owner`. A null owner means the caller guarantees
  // the bytes outlive the reader and everything share() returned.
  ZipReader(std::shared_ptr<const void> owner, std::span<const uint8_t> bytes, std::string label);

  const std::string& path() const { return path_; }
  std::span<const uint8_t> bytes() const { return bytes_; }
  // Keeps the whole archive's bytes alive (the mapping, or the buffer).
  const std::shared_ptr<const void>& owner() const { return owner_; }

  // Entries in central directory order.
  const std::vector<ZipEntry>& entries() const { return entries_; }
  std::vector<std::string> names() const;
  bool has(std::string_view name) const { return find(name) != nullptr; }
  const ZipEntry* find(std::string_view name) const;
  // Throws Error(Format) "missing entry" when absent: a record the caller
  // needs is missing from the file.
  const ZipEntry& entry(std::string_view name) const;

  // Zero-copy bytes of a stored entry, in place in the archive. The CRC is not
  // checked (that would touch every page of every weight at load); call
  // verify() for that. Compressed entries are refused: use read() or share().
  std::span<const uint8_t> view(std::string_view name) const { return view(entry(name)); }
  std::span<const uint8_t> view(const ZipEntry& entry) const;
  std::string_view viewString(std::string_view name) const;

  // A copy of the uncompressed bytes, inflated if needed; sizes and CRC-32 checked.
  std::vector<uint8_t> read(std::string_view name) const { return read(entry(name)); }
  std::vector<uint8_t> read(const ZipEntry& entry) const;
  std::string readString(std::string_view name) const;

  // The entry's bytes with shared ownership: zero-copy for stored entries
  // (not CRC-checked, as view()), inflated and checked for compressed ones.
  SharedBytes share(std::string_view name) const { return share(entry(name)); }
  SharedBytes share(const ZipEntry& entry) const;

  // Checks the CRC-32 (and, for compressed entries, the stream) of an entry.
  void verify(std::string_view name) const { verify(entry(name)); }
  void verify(const ZipEntry& entry) const;

  // The folder every record of a torch archive lives in ("archive" for
  // torch.save, the file's stem for torch.jit.save; any name is allowed),
  // without the slash. Like PyTorch's reader it is the first entry's top-level
  // folder; throws Error(Format) if the archive is empty or that entry is not
  // in a folder.
  std::string archiveRoot() const;

 private:
  struct EndRecord;

  void parse();
  EndRecord findEndRecord() const;
  void readZip64EndRecord(EndRecord& end, size_t locatorPos) const;
  void parseCentralDirectory(const EndRecord& end);
  void parseExtraField(ZipEntry& entry, const uint8_t* extra, size_t size) const;
  void resolveLocalHeader(ZipEntry& entry, uint64_t dataLimit) const;
  void checkNoOverlap() const;
  void buildIndex();
  void checkReadable(const ZipEntry& entry) const;
  std::vector<uint8_t> inflate(const ZipEntry& entry) const;
  void checkCrc(const ZipEntry& entry, std::span<const uint8_t> data) const;
  [[noreturn]] void fail(std::string_view what, std::string_view entryName = {}) const;

  std::shared_ptr<const void> owner_;
  std::span<const uint8_t> bytes_;
  std::string path_;
  std::vector<ZipEntry> entries_;
  std::vector<size_t> byName_;  // indices into entries_, sorted by name
};

}  // namespace ember::serialization
