#include "ember/serialization/zip_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "ember/serialization/zip_format.h"
#include "ember/support/error.h"

namespace ember::serialization {
namespace {

constexpr uint64_t kChunk = uint64_t(1) << 30;  // zlib counts in 32-bit uInt
constexpr uint16_t kDosDate =
    (0 << 9) | (1 << 5) | 1;  // 1980-01-01: fixed, so output is reproducible
constexpr size_t kZip64LocalExtraSize = 4 + 16;
constexpr size_t kPaddingHeaderSize = 4;

bool needs64(uint64_t value) { return value >= zip::kZip64Marker32; }

uint32_t crc32Of(std::span<const uint8_t> data) {
  return uint32_t(crc32_z(0, data.data(), data.size()));
}

struct DeflateGuard {
  z_stream* stream;
  ~DeflateGuard() { deflateEnd(stream); }
};

// Raw deflate (no zlib header), as zip's method 8 requires.
std::vector<uint8_t> deflateRaw(std::span<const uint8_t> input) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throwError(ErrorKind::Runtime, "zip: cannot initialize zlib");
  }
  DeflateGuard guard{&zs};
  std::vector<uint8_t> out(deflateBound(&zs, uLong(std::min<uint64_t>(input.size(), kChunk))) + 64);
  size_t consumed = 0;
  size_t produced = 0;
  for (;;) {
    if (produced == out.size()) out.resize(out.size() * 2);
    uInt inChunk = uInt(std::min<uint64_t>(input.size() - consumed, kChunk));
    uInt outChunk = uInt(std::min<uint64_t>(out.size() - produced, kChunk));
    zs.next_in = const_cast<Bytef*>(input.data() + consumed);
    zs.avail_in = inChunk;
    zs.next_out = out.data() + produced;
    zs.avail_out = outChunk;
    bool last = consumed + inChunk == input.size();
    int rc = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
    consumed += inChunk - zs.avail_in;
    produced += outChunk - zs.avail_out;
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && rc != Z_BUF_ERROR) throwError(ErrorKind::Runtime, "zip: deflate failed");
  }
  out.resize(produced);
  return out;
}

}  // namespace

ZipWriter::ZipWriter(ZipWriterOptions options) : options_(options) {}

ZipWriter::ZipWriter(std::string path, ZipWriterOptions options)
    : options_(options), path_(std::move(path)), tmpPath_(path_ + ".tmp") {
  file_ = std::fopen(tmpPath_.c_str(), "wb");
  if (file_ == nullptr) failIo("cannot create", errno);
}

ZipWriter::~ZipWriter() {
  if (file_ != nullptr) std::fclose(file_);
  if (!finished_ && !tmpPath_.empty()) std::remove(tmpPath_.c_str());
}

void ZipWriter::failIo(std::string_view what, int err) {
  failed_ = true;
  closeFile();
  if (!tmpPath_.empty()) std::remove(tmpPath_.c_str());
  throwError(ErrorKind::Io,
             fmt::format("zip: {} '{}': {}", what, tmpPath_, std::generic_category().message(err)));
}

void ZipWriter::closeFile() {
  if (file_ == nullptr) return;
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0 && !failed_) failIo("cannot write", errno);
}

void ZipWriter::write(const void* data, size_t size) {
  if (size == 0) return;
  if (file_ == nullptr) {
    auto bytes = static_cast<const uint8_t*>(data);
    memory_.insert(memory_.end(), bytes, bytes + size);
  } else if (std::fwrite(data, 1, size, file_) != size) {
    failIo("cannot write", errno);
  }
  offset_ += size;
}

void ZipWriter::checkWritable() const {
  std::string_view where = path_.empty() ? std::string_view("<memory>") : std::string_view(path_);
  if (failed_)
    throwError(ErrorKind::Runtime, fmt::format("zip: writer for '{}' failed earlier", where));
  if (finished_)
    throwError(ErrorKind::Runtime, fmt::format("zip: '{}' is already finished", where));
}

void ZipWriter::checkName(std::string_view name) const {
  auto bad = [&](std::string_view what) {
    throwError(ErrorKind::Value, fmt::format("zip: {} (entry '{}')", what, name));
  };
  if (const char* reason = zip::unsafeNameReason(name)) bad(reason);
  if (name.size() > 0xffff) bad("entry name too long");
  if (names_.count(std::string(name)) != 0) bad("duplicate entry");
}

void ZipWriter::add(std::string_view name, std::string_view bytes, bool compress) {
  add(name, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
      compress);
}

// Local header, name, extra fields ([zip64 sizes] + 'FB' padding), data.
// The padding is computed so that the data lands on a 64-byte boundary.
void ZipWriter::add(std::string_view name, std::span<const uint8_t> bytes, bool compress) {
  checkWritable();
  checkName(name);

  std::vector<uint8_t> deflated;
  if (compress) deflated = deflateRaw(bytes);
  std::span<const uint8_t> payload = compress ? std::span<const uint8_t>(deflated) : bytes;

  bool utf8 = std::any_of(name.begin(), name.end(), [](char c) { return (c & 0x80) != 0; });
  Record record{std::string(name),
                compress ? zip::kMethodDeflate : zip::kMethodStored,
                utf8 ? zip::kFlagUtf8 : uint16_t(0),
                crc32Of(bytes),
                payload.size(),
                bytes.size(),
                offset_};

  // Unlike the central directory, a local zip64 field must hold both sizes.
  bool zip64 =
      options_.forceZip64 || needs64(record.uncompressedSize) || needs64(record.compressedSize);
  size_t zip64Size = zip64 ? kZip64LocalExtraSize : 0;
  uint64_t unpadded =
      offset_ + zip::kLocalHeaderSize + name.size() + zip64Size + kPaddingHeaderSize;
  size_t padding =
      size_t((zip::kDataAlignment - unpadded % zip::kDataAlignment) % zip::kDataAlignment);
  size_t extraSize = zip64Size + kPaddingHeaderSize + padding;

  std::vector<uint8_t> header(zip::kLocalHeaderSize + name.size() + extraSize, 'Z');
  uint8_t* h = header.data();
  zip::store32(h, zip::kLocalHeaderSig);
  zip::store16(h + 4, zip64 ? zip::kVersionZip64 : zip::kVersionDefault);
  zip::store16(h + 6, record.flags);
  zip::store16(h + 8, record.method);
  zip::store16(h + 10, 0);  // time
  zip::store16(h + 12, kDosDate);
  zip::store32(h + 14, record.crc32);
  zip::store32(h + 18, zip64 ? zip::kZip64Marker32 : uint32_t(record.compressedSize));
  zip::store32(h + 22, zip64 ? zip::kZip64Marker32 : uint32_t(record.uncompressedSize));
  zip::store16(h + 26, uint16_t(name.size()));
  zip::store16(h + 28, uint16_t(extraSize));
  std::copy(name.begin(), name.end(), h + zip::kLocalHeaderSize);
  uint8_t* extra = h + zip::kLocalHeaderSize + name.size();
  if (zip64) {
    zip::store16(extra, zip::kZip64ExtraId);
    zip::store16(extra + 2, 16);
    zip::store64(extra + 4, record.uncompressedSize);
    zip::store64(extra + 12, record.compressedSize);
    extra += kZip64LocalExtraSize;
  }
  zip::store16(extra, zip::kPaddingExtraId);
  zip::store16(extra + 2, uint16_t(padding));  // the payload is already 'Z' filler

  write(header.data(), header.size());
  write(payload.data(), payload.size());
  names_.insert(record.name);
  records_.push_back(std::move(record));
}

// The zip64 extra field of a central header holds, in this order, exactly the
// values whose 32-bit fields are 0xffffffff.
void ZipWriter::writeCentralHeader(const Record& record) {
  bool force = options_.forceZip64;
  bool bigU = force || needs64(record.uncompressedSize);
  bool bigC = force || needs64(record.compressedSize);
  bool bigO = force || needs64(record.headerOffset);
  size_t zip64Payload = 8 * (size_t(bigU) + size_t(bigC) + size_t(bigO));
  size_t extraSize = zip64Payload == 0 ? 0 : 4 + zip64Payload;
  uint16_t version = zip64Payload == 0 ? zip::kVersionDefault : zip::kVersionZip64;

  std::vector<uint8_t> header(zip::kCentralHeaderSize + record.name.size() + extraSize, 0);
  uint8_t* h = header.data();
  zip::store32(h, zip::kCentralHeaderSig);
  zip::store16(h + 4, version);  // made by: MS-DOS host, like PyTorch (no unix modes)
  zip::store16(h + 6, version);
  zip::store16(h + 8, record.flags);
  zip::store16(h + 10, record.method);
  zip::store16(h + 12, 0);
  zip::store16(h + 14, kDosDate);
  zip::store32(h + 16, record.crc32);
  zip::store32(h + 20, bigC ? zip::kZip64Marker32 : uint32_t(record.compressedSize));
  zip::store32(h + 24, bigU ? zip::kZip64Marker32 : uint32_t(record.uncompressedSize));
  zip::store16(h + 28, uint16_t(record.name.size()));
  zip::store16(h + 30, uint16_t(extraSize));
  // comment size, disk, internal and external attributes stay 0
  zip::store32(h + 42, bigO ? zip::kZip64Marker32 : uint32_t(record.headerOffset));
  std::copy(record.name.begin(), record.name.end(), h + zip::kCentralHeaderSize);
  uint8_t* extra = h + zip::kCentralHeaderSize + record.name.size();
  if (extraSize != 0) {
    zip::store16(extra, zip::kZip64ExtraId);
    zip::store16(extra + 2, uint16_t(zip64Payload));
    extra += 4;
    for (auto [big, value] :
         {std::pair{bigU, record.uncompressedSize}, std::pair{bigC, record.compressedSize},
          std::pair{bigO, record.headerOffset}}) {
      if (!big) continue;
      zip::store64(extra, value);
      extra += 8;
    }
  }
  write(header.data(), header.size());
}

// Zip64 end record and locator when the count, size or offset overflow the
// classic end record, whose fields then hold the all-ones markers.
void ZipWriter::writeEndRecords(uint64_t directoryOffset, uint64_t directorySize) {
  bool force = options_.forceZip64;
  uint64_t count = records_.size();
  bool bigCount = force || count >= zip::kZip64Marker16;
  bool bigSize = force || needs64(directorySize);
  bool bigOffset = force || needs64(directoryOffset);

  if (bigCount || bigSize || bigOffset) {
    uint64_t recordOffset = offset_;
    uint8_t record[zip::kZip64EndOfCentralDirSize] = {};
    zip::store32(record, zip::kZip64EndOfCentralDirSig);
    zip::store64(record + 4, zip::kZip64EndOfCentralDirSize - 12);  // size of what follows
    zip::store16(record + 12, zip::kVersionZip64);
    zip::store16(record + 14, zip::kVersionZip64);
    zip::store64(record + 24, count);
    zip::store64(record + 32, count);
    zip::store64(record + 40, directorySize);
    zip::store64(record + 48, directoryOffset);
    write(record, sizeof record);

    uint8_t locator[zip::kZip64LocatorSize] = {};
    zip::store32(locator, zip::kZip64LocatorSig);
    zip::store64(locator + 8, recordOffset);
    zip::store32(locator + 16, 1);  // total disks
    write(locator, sizeof locator);
  }

  uint8_t end[zip::kEndOfCentralDirSize] = {};
  uint16_t count16 = bigCount ? zip::kZip64Marker16 : uint16_t(count);
  zip::store32(end, zip::kEndOfCentralDirSig);
  zip::store16(end + 8, count16);
  zip::store16(end + 10, count16);
  zip::store32(end + 12, bigSize ? zip::kZip64Marker32 : uint32_t(directorySize));
  zip::store32(end + 16, bigOffset ? zip::kZip64Marker32 : uint32_t(directoryOffset));
  write(end, sizeof end);
}

void ZipWriter::finish() {
  checkWritable();
  uint64_t directoryOffset = offset_;
  for (const Record& record : records_) writeCentralHeader(record);
  writeEndRecords(directoryOffset, offset_ - directoryOffset);
  if (tmpPath_.empty()) {
    finished_ = true;
    return;
  }
  if (std::fflush(file_) != 0) failIo("cannot write", errno);
  closeFile();
  if (std::rename(tmpPath_.c_str(), path_.c_str()) != 0) failIo("cannot rename into place", errno);
  finished_ = true;
}

}  // namespace ember::serialization
