// Python's pickle opcodes (pickle_opcodes.def) as an enum plus a 256-entry
// table of names and argument formats, shared by the pickler, the unpickler's
// VM and the disassembler.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace ember::serialization {

enum class PickleOp : uint8_t {
#define EMBER_PICKLE_OP(Name, byte, arg) Name = byte,
#include "ember/serialization/pickle_opcodes.def"
#undef EMBER_PICKLE_OP
};

// What follows an opcode byte.
enum class PickleArg : uint8_t {
  None,
  UInt1,
  UInt2,
  Int4,
  UInt4,
  UInt8,
  Float8,    // big-endian IEEE double
  Long1,     // uint8 byte count, then two's complement little-endian
  Long4,     // int32 byte count, then the same
  Bytes1,    // uint8 length, then bytes
  Bytes4,    // uint32 length (int32 for BINSTRING), then bytes
  Bytes8,    // uint64 length, then bytes
  Line,      // bytes up to '\n'
  TwoLines,  // two of them (module, name)
};

struct PickleOpInfo {
  std::string_view name;  // empty: not an opcode
  PickleArg arg = PickleArg::None;
};

inline constexpr std::array<PickleOpInfo, 256> kPickleOps = [] {
  std::array<PickleOpInfo, 256> t{};
#define EMBER_PICKLE_OP(Name, byte, argKind) t[byte] = PickleOpInfo{#Name, PickleArg::argKind};
#include "ember/serialization/pickle_opcodes.def"
#undef EMBER_PICKLE_OP
  return t;
}();

// The highest protocol ember reads (Python 3.8+ writes up to 5).
inline constexpr int kMaxPickleProtocol = 5;

}  // namespace ember::serialization
