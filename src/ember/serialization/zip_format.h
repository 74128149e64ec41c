// The zip on-disk format as ember's reader and writer both see it: record
// signatures, fixed header sizes, limits and little-endian load/store.
// Offsets are from APPNOTE.TXT (PKWARE, 6.3.x), sections 4.3.7 - 4.3.16 and
// 4.5.3 (zip64 extended information).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ember::serialization::zip {

inline constexpr uint32_t kLocalHeaderSig = 0x04034b50;
inline constexpr uint32_t kCentralHeaderSig = 0x02014b50;
inline constexpr uint32_t kEndOfCentralDirSig = 0x06054b50;
inline constexpr uint32_t kZip64EndOfCentralDirSig = 0x06064b50;
inline constexpr uint32_t kZip64LocatorSig = 0x07064b50;

inline constexpr size_t kLocalHeaderSize = 30;
inline constexpr size_t kCentralHeaderSize = 46;
inline constexpr size_t kEndOfCentralDirSize = 22;
inline constexpr size_t kZip64EndOfCentralDirSize = 56;
inline constexpr size_t kZip64LocatorSize = 20;
inline constexpr size_t kMaxCommentSize = 0xffff;

// Extra field ids. 'FB' is PyTorch's padding field (caffe2 PyTorchStreamWriter):
// its payload is filler that pushes an entry's data to a 64-byte boundary.
inline constexpr uint16_t kZip64ExtraId = 0x0001;
inline constexpr uint16_t kPaddingExtraId = 'F' | ('B' << 8);

inline constexpr uint16_t kMethodStored = 0;
inline constexpr uint16_t kMethodDeflate = 8;

inline constexpr uint16_t kFlagEncrypted = 1 << 0;
inline constexpr uint16_t kFlagDataDescriptor = 1 << 3;
inline constexpr uint16_t kFlagStrongEncryption = 1 << 6;
inline constexpr uint16_t kFlagUtf8 = 1 << 11;

// A 32-bit (16-bit for counts) field holding all ones means "see the zip64 record".
inline constexpr uint32_t kZip64Marker32 = 0xffffffff;
inline constexpr uint16_t kZip64Marker16 = 0xffff;

inline constexpr uint16_t kVersionDefault = 20;  // 2.0: deflate, folders
inline constexpr uint16_t kVersionZip64 = 45;    // 4.5: zip64 records

// Stored tensor data starts on this boundary so it can be used in place from
// an mmap (PyTorch's kFieldAlignment).
inline constexpr uint64_t kDataAlignment = 64;

inline uint16_t load16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
inline uint32_t load32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
inline uint64_t load64(const uint8_t* p) {
  return uint64_t(load32(p)) | (uint64_t(load32(p + 4)) << 32);
}

inline void store16(uint8_t* p, uint16_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
}
inline void store32(uint8_t* p, uint32_t v) {
  store16(p, uint16_t(v));
  store16(p + 2, uint16_t(v >> 16));
}
inline void store64(uint8_t* p, uint64_t v) {
  store32(p, uint32_t(v));
  store32(p + 4, uint32_t(v >> 32));
}

// Why a name would be dangerous to extract or ambiguous to look up, or nullptr
// when it is fine. The reader refuses such names and the writer never emits
// them, so an archive ember wrote always reads back.
inline const char* unsafeNameReason(std::string_view name) {
  if (name.empty()) return "empty entry name";
  if (name.find('\0') != std::string_view::npos) return "nul byte in entry name";
  if (name.find('\\') != std::string_view::npos) return "backslash in entry name";
  if (name.front() == '/') return "absolute entry name";
  bool letter = ((name[0] | 0x20) >= 'a' && (name[0] | 0x20) <= 'z');
  if (name.size() >= 2 && letter && name[1] == ':') return "drive letter in entry name";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "'..' in entry name";
    start = end + 1;
  }
  return nullptr;
}

}  // namespace ember::serialization::zip
