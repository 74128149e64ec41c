#include "ember/serialization/zip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>

#include "ember/serialization/mapped_file.h"
#include "ember/serialization/zip_format.h"
#include "ember/support/error.h"

namespace ember::serialization {
namespace {

// Deflate cannot expand input by more than about 1032:1; a declared size
// beyond that is a bomb or a lie, refused before allocating for it.
constexpr uint64_t kMaxDeflateRatio = 1032;
// zlib counts in 32-bit uInt; feed it in slices.
constexpr uint64_t kZlibChunk = uint64_t(1) << 30;

// [offset, offset + length) lies within [0, limit), without overflow.
bool inRange(uint64_t offset, uint64_t length, uint64_t limit) {
  return offset <= limit && length <= limit - offset;
}

// Hostile names may hold control bytes or be 64 KiB long: keep messages readable.
std::string printable(std::string_view name) {
  constexpr size_t kMaxShown = 200;
  std::string out;
  for (size_t i = 0; i < name.size() && i < kMaxShown; ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7f || c == '\'') {
      out += fmt::format("\\x{:02x}", c);
      continue;
    }
    out += char(c);
  }
  if (name.size() > kMaxShown) out += "...";
  return out;
}

uint32_t crc32Of(std::span<const uint8_t> data) {
  return uint32_t(crc32_z(0, data.data(), data.size()));
}

struct InflateGuard {
  z_stream* stream;
  ~InflateGuard() { inflateEnd(stream); }
};

}  // namespace

struct ZipReader::EndRecord {
  uint64_t directoryLimit = 0;  // the directory ends before this: the (zip64) end record
  uint64_t entryCount = 0;
  uint64_t directorySize = 0;
  uint64_t directoryOffset = 0;
};

ZipReader::ZipReader(const std::string& path) : path_(path) {
  auto file = MappedFile::open(path);
  bytes_ = file->bytes();
  owner_ = std::move(file);
  parse();
}

ZipReader::ZipReader(std::shared_ptr<const std::vector<uint8_t>> buffer, std::string label)
    : path_(std::move(label)) {
  if (buffer) bytes_ = std::span<const uint8_t>(buffer->data(), buffer->size());
  owner_ = std::move(buffer);
  parse();
}

ZipReader::ZipReader(std::shared_ptr<const void> owner, std::span<const uint8_t> bytes,
                     std::string label)
    : owner_(std::move(owner)), bytes_(bytes), path_(std::move(label)) {
  parse();
}

void ZipReader::fail(std::string_view what, std::string_view entryName) const {
  if (entryName.empty()) throwError(ErrorKind::Format, fmt::format("zip: {} in '{}'", what, path_));
  throwError(ErrorKind::Format,
             fmt::format("zip: {} in '{}' (entry '{}')", what, path_, printable(entryName)));
}

// ====== Opening: end record, central directory, local headers ======

void ZipReader::parse() {
  EndRecord end = findEndRecord();
  parseCentralDirectory(end);
  for (ZipEntry& entry : entries_) resolveLocalHeader(entry, end.directoryOffset);
  checkNoOverlap();
  buildIndex();
}

// The end record sits in the last 22 + 65535 bytes (its comment is at most
// 64 KiB). Scan backwards from the end and take the first record whose
// comment fits in the file; the bounded window keeps this O(64 KiB).
ZipReader::EndRecord ZipReader::findEndRecord() const {
  const uint8_t* p = bytes_.data();
  const size_t size = bytes_.size();
  if (size < zip::kEndOfCentralDirSize) fail("not a zip archive (file too small)");

  const size_t last = size - zip::kEndOfCentralDirSize;
  const size_t stop = last > zip::kMaxCommentSize ? last - zip::kMaxCommentSize : 0;
  for (size_t pos = last;; --pos) {
    if (zip::load32(p + pos) == zip::kEndOfCentralDirSig &&
        zip::load16(p + pos + 20) <= size - pos - zip::kEndOfCentralDirSize) {
      EndRecord end;
      end.directoryLimit = pos;
      uint16_t disk = zip::load16(p + pos + 4);
      uint16_t directoryDisk = zip::load16(p + pos + 6);
      uint16_t entriesOnDisk = zip::load16(p + pos + 8);
      end.entryCount = zip::load16(p + pos + 10);
      end.directorySize = zip::load32(p + pos + 12);
      end.directoryOffset = zip::load32(p + pos + 16);
      if (disk != 0 || directoryDisk != 0 || entriesOnDisk != end.entryCount) {
        fail("multi-disk archives are not supported");
      }
      if (pos >= zip::kZip64LocatorSize &&
          zip::load32(p + pos - zip::kZip64LocatorSize) == zip::kZip64LocatorSig) {
        readZip64EndRecord(end, pos - zip::kZip64LocatorSize);
      }
      return end;
    }
    if (pos == stop) break;
  }
  fail("not a zip archive (no end of central directory record)");
}

// A zip64 locator just before the end record points at the zip64 end record,
// whose 64-bit counts replace the classic record's (which then hold 0xffff...).
void ZipReader::readZip64EndRecord(EndRecord& end, size_t locatorPos) const {
  const uint8_t* p = bytes_.data();
  uint32_t recordDisk = zip::load32(p + locatorPos + 4);
  uint64_t recordOffset = zip::load64(p + locatorPos + 8);
  uint32_t diskCount = zip::load32(p + locatorPos + 16);
  if (recordDisk != 0 || diskCount > 1) fail("multi-disk archives are not supported");
  if (!inRange(recordOffset, zip::kZip64EndOfCentralDirSize, locatorPos)) {
    fail("zip64 end of central directory record out of bounds");
  }
  const uint8_t* r = p + recordOffset;
  if (zip::load32(r) != zip::kZip64EndOfCentralDirSig) {
    fail("bad zip64 end of central directory signature");
  }
  uint32_t disk = zip::load32(r + 16);
  uint32_t directoryDisk = zip::load32(r + 20);
  uint64_t entriesOnDisk = zip::load64(r + 24);
  end.entryCount = zip::load64(r + 32);
  end.directorySize = zip::load64(r + 40);
  end.directoryOffset = zip::load64(r + 48);
  end.directoryLimit = recordOffset;
  if (disk != 0 || directoryDisk != 0 || entriesOnDisk != end.entryCount) {
    fail("multi-disk archives are not supported");
  }
}

void ZipReader::parseCentralDirectory(const EndRecord& end) {
  if (!inRange(end.directoryOffset, end.directorySize, end.directoryLimit)) {
    fail("central directory out of bounds");
  }
  // Every header takes at least 46 bytes: a count beyond that is a lie, and
  // believing it would make reserve() allocate without limit.
  if (end.entryCount > end.directorySize / zip::kCentralHeaderSize) {
    fail("entry count exceeds central directory size");
  }
  entries_.reserve(size_t(end.entryCount));

  const uint8_t* p = bytes_.data();
  const uint64_t limit = end.directoryOffset + end.directorySize;
  uint64_t cursor = end.directoryOffset;
  for (uint64_t i = 0; i < end.entryCount; ++i) {
    if (!inRange(cursor, zip::kCentralHeaderSize, limit)) fail("truncated central directory");
    const uint8_t* h = p + cursor;
    if (zip::load32(h) != zip::kCentralHeaderSig) fail("bad central directory signature");
    uint16_t nameSize = zip::load16(h + 28);
    uint16_t extraSize = zip::load16(h + 30);
    uint16_t commentSize = zip::load16(h + 32);
    uint64_t variable = uint64_t(nameSize) + extraSize + commentSize;
    if (!inRange(cursor + zip::kCentralHeaderSize, variable, limit)) {
      fail("truncated central directory");
    }

    ZipEntry entry;
    entry.name.assign(reinterpret_cast<const char*>(h + zip::kCentralHeaderSize), nameSize);
    entry.flags = zip::load16(h + 8);
    entry.method = zip::load16(h + 10);
    entry.crc32 = zip::load32(h + 16);
    entry.compressedSize = zip::load32(h + 20);
    entry.uncompressedSize = zip::load32(h + 24);
    entry.headerOffset = zip::load32(h + 42);
    parseExtraField(entry, h + zip::kCentralHeaderSize + nameSize, extraSize);

    if (const char* reason = zip::unsafeNameReason(entry.name)) fail(reason, entry.name);
    if (entry.uncompressedSize > kMaxEntrySize) fail("entry too large", entry.name);
    if (entry.method == zip::kMethodStored && entry.compressedSize != entry.uncompressedSize) {
      fail("stored entry with differing sizes", entry.name);
    }
    entries_.push_back(std::move(entry));
    cursor += zip::kCentralHeaderSize + variable;
  }
}

// Extra fields are (id, size, payload) triples. Only zip64's matters: it holds
// the 64-bit value of each 32-bit field that was set to 0xffffffff, in the
// order uncompressed size, compressed size, header offset.
void ZipReader::parseExtraField(ZipEntry& entry, const uint8_t* extra, size_t size) const {
  bool seenZip64 = false;
  size_t at = 0;
  while (size - at >= 4) {
    uint16_t id = zip::load16(extra + at);
    uint16_t fieldSize = zip::load16(extra + at + 2);
    at += 4;
    if (fieldSize > size - at) fail("truncated extra field", entry.name);
    const uint8_t* field = extra + at;
    at += fieldSize;
    if (id != zip::kZip64ExtraId || seenZip64) continue;
    seenZip64 = true;

    size_t used = 0;
    auto take = [&](uint64_t& value) {
      if (value != zip::kZip64Marker32) return;
      if (fieldSize - used < 8) fail("truncated zip64 extra field", entry.name);
      value = zip::load64(field + used);
      used += 8;
    };
    take(entry.uncompressedSize);
    take(entry.compressedSize);
    take(entry.headerOffset);
  }
}

// The local header repeats the name and has its own extra field (PyTorch's
// padding lives there), so only it tells where the data starts. Its sizes and
// CRC are ignored: with a data descriptor (bit 3, as PyTorch writes) they are 0.
void ZipReader::resolveLocalHeader(ZipEntry& entry, uint64_t dataLimit) const {
  if (!inRange(entry.headerOffset, zip::kLocalHeaderSize, dataLimit)) {
    fail("local header out of bounds", entry.name);
  }
  const uint8_t* h = bytes_.data() + entry.headerOffset;
  if (zip::load32(h) != zip::kLocalHeaderSig) fail("bad local header signature", entry.name);
  uint16_t nameSize = zip::load16(h + 26);
  uint16_t extraSize = zip::load16(h + 28);
  uint64_t variableStart = entry.headerOffset + zip::kLocalHeaderSize;
  if (!inRange(variableStart, uint64_t(nameSize) + extraSize, dataLimit)) {
    fail("truncated local header", entry.name);
  }
  // A reader trusting the local name would see a different archive than one
  // trusting the directory; refuse the ambiguity.
  std::string_view localName(reinterpret_cast<const char*>(h + zip::kLocalHeaderSize), nameSize);
  if (localName != entry.name) fail("local header name differs from central directory", entry.name);

  entry.dataOffset = variableStart + nameSize + extraSize;
  if (!inRange(entry.dataOffset, entry.compressedSize, dataLimit)) {
    fail("entry data out of bounds", entry.name);
  }
}

// Entries sharing bytes are how "overlapping" zip bombs reach 10^6 ratios;
// no honest writer produces them.
void ZipReader::checkNoOverlap() const {
  std::vector<const ZipEntry*> byOffset;
  byOffset.reserve(entries_.size());
  for (const ZipEntry& entry : entries_) byOffset.push_back(&entry);
  std::sort(byOffset.begin(), byOffset.end(),
            [](const ZipEntry* a, const ZipEntry* b) { return a->headerOffset < b->headerOffset; });
  for (size_t i = 1; i < byOffset.size(); ++i) {
    const ZipEntry& previous = *byOffset[i - 1];
    if (previous.dataOffset + previous.compressedSize > byOffset[i]->headerOffset) {
      fail("overlapping entries", byOffset[i]->name);
    }
  }
}

void ZipReader::buildIndex() {
  byName_.resize(entries_.size());
  for (size_t i = 0; i < byName_.size(); ++i) byName_[i] = i;
  std::sort(byName_.begin(), byName_.end(),
            [&](size_t a, size_t b) { return entries_[a].name < entries_[b].name; });
  for (size_t i = 1; i < byName_.size(); ++i) {
    const std::string& name = entries_[byName_[i]].name;
    if (entries_[byName_[i - 1]].name == name) fail("duplicate entry", name);
  }
}

// ====== Lookup ======

std::vector<std::string> ZipReader::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const ZipEntry& entry : entries_) out.push_back(entry.name);
  return out;
}

const ZipEntry* ZipReader::find(std::string_view name) const {
  auto it = std::lower_bound(byName_.begin(), byName_.end(), name,
                             [&](size_t i, std::string_view n) { return entries_[i].name < n; });
  if (it == byName_.end() || entries_[*it].name != name) return nullptr;
  return &entries_[*it];
}

const ZipEntry& ZipReader::entry(std::string_view name) const {
  const ZipEntry* found = find(name);
  if (found == nullptr) fail("missing entry", name);
  return *found;
}

std::string ZipReader::archiveRoot() const {
  if (entries_.empty()) fail("archive has no entries");
  const std::string& first = entries_.front().name;
  size_t slash = first.find('/');
  if (slash == std::string::npos || slash == 0) fail("first entry is not in a folder", first);
  return first.substr(0, slash);
}

// ====== Reading data ======

void ZipReader::checkReadable(const ZipEntry& entry) const {
  if (entry.flags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption)) {
    fail("encrypted entries are not supported", entry.name);
  }
  if (entry.method != zip::kMethodStored && entry.method != zip::kMethodDeflate) {
    fail(fmt::format("unsupported compression method {}", entry.method), entry.name);
  }
}

void ZipReader::checkCrc(const ZipEntry& entry, std::span<const uint8_t> data) const {
  if (crc32Of(data) != entry.crc32) fail("crc32 mismatch", entry.name);
}

std::span<const uint8_t> ZipReader::view(const ZipEntry& entry) const {
  checkReadable(entry);
  if (!entry.isStored()) fail("cannot view a compressed entry in place", entry.name);
  return bytes_.subspan(size_t(entry.dataOffset), size_t(entry.compressedSize));
}

std::string_view ZipReader::viewString(std::string_view name) const {
  auto bytes = view(name);
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::vector<uint8_t> ZipReader::read(const ZipEntry& entry) const {
  checkReadable(entry);
  if (!entry.isStored()) return inflate(entry);
  auto data = view(entry);
  checkCrc(entry, data);
  return {data.begin(), data.end()};
}

std::string ZipReader::readString(std::string_view name) const {
  const ZipEntry& found = entry(name);
  checkReadable(found);
  if (found.isStored()) {
    auto data = view(found);
    checkCrc(found, data);
    return {reinterpret_cast<const char*>(data.data()), data.size()};
  }
  std::vector<uint8_t> data = inflate(found);
  return {reinterpret_cast<const char*>(data.data()), data.size()};
}

SharedBytes ZipReader::share(const ZipEntry& entry) const {
  checkReadable(entry);
  if (entry.isStored()) {
    auto data = view(entry);
    // Aliasing constructor: points into the archive, owns the whole of it.
    return {std::shared_ptr<const uint8_t>(owner_, data.data()), data.size()};
  }
  auto inflated = std::make_shared<const std::vector<uint8_t>>(inflate(entry));
  return {std::shared_ptr<const uint8_t>(inflated, inflated->data()), inflated->size()};
}

void ZipReader::verify(const ZipEntry& entry) const {
  checkReadable(entry);
  if (entry.isStored()) return checkCrc(entry, view(entry));
  inflate(entry);
}

// Inflates up to exactly the declared size and stops there: a stream that
// wants to write more is a lie (or a bomb) and is refused, as is one that ends
// short or runs out of input. The buffer grows with the output instead of
// being allocated at the declared size, so a small file claiming gigabytes
// costs only what it really inflates to.
std::vector<uint8_t> ZipReader::inflate(const ZipEntry& entry) const {
  const uint64_t declared = entry.uncompressedSize;
  const uint64_t maxOut = entry.compressedSize > (UINT64_MAX - 1024) / kMaxDeflateRatio
                              ? UINT64_MAX
                              : entry.compressedSize * kMaxDeflateRatio + 1024;
  if (declared > maxOut) fail("implausible compression ratio", entry.name);

  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) fail("cannot initialize zlib", entry.name);
  InflateGuard guard{&zs};

  constexpr uint64_t kInitialSize = uint64_t(1) << 20;
  uint64_t initial = std::min(declared, std::max(kInitialSize, entry.compressedSize * 4));
  std::vector<uint8_t> out(static_cast<size_t>(initial));
  uint8_t emptyTarget = 0;  // zlib rejects a null next_out even with no room
  uint64_t produced = 0;
  uint64_t consumed = 0;
  for (;;) {
    if (produced == out.size() && out.size() < declared) {
      out.resize(size_t(std::min(declared, uint64_t(out.size()) * 2)));
    }
    uInt inChunk = uInt(std::min(entry.compressedSize - consumed, kZlibChunk));
    uInt outChunk = uInt(std::min(uint64_t(out.size()) - produced, kZlibChunk));
    zs.next_in = const_cast<Bytef*>(bytes_.data() + entry.dataOffset + consumed);
    zs.avail_in = inChunk;
    zs.next_out = outChunk == 0 ? &emptyTarget : out.data() + produced;
    zs.avail_out = outChunk;
    int rc = ::inflate(&zs, Z_NO_FLUSH);
    consumed += inChunk - zs.avail_in;
    produced += outChunk - zs.avail_out;
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR) {
      // No progress possible: either the output is full or the input is spent.
      if (produced == declared) fail("inflated data exceeds declared size", entry.name);
      if (consumed == entry.compressedSize) fail("truncated deflate stream", entry.name);
      fail("inflate made no progress", entry.name);
    }
    if (rc != Z_OK) {
      fail(fmt::format("corrupt deflate stream ({})", zs.msg ? zs.msg : "unknown error"),
           entry.name);
    }
  }
  if (produced != declared) fail("inflated data shorter than declared size", entry.name);
  checkCrc(entry, out);
  return out;
}

}  // namespace ember::serialization
