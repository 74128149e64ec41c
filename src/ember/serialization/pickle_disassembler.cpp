// disassemblePickle: a pickletools.dis-like listing for debugging archives.
// Linear in the input, no recursion, tolerant of anything (it is what one
// reaches for when a file is broken).
#include <cstring>
#include <ostream>
#include <string>

#include "ember/serialization/pickle_opcodes.h"
#include "ember/serialization/unpickler.h"

namespace ember::serialization {
namespace {

constexpr size_t kMaxShown = 80;

std::string quoted(const uint8_t* p, size_t n) {
  std::string out = "'";
  for (size_t i = 0; i < n && i < kMaxShown; ++i) {
    uint8_t c = p[i];
    if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  out += n > kMaxShown ? "'..." : "'";
  return out;
}

uint64_t littleEndian(const uint8_t* p, size_t n) {
  uint64_t v = 0;
  for (size_t k = n; k-- > 0;) v = (v << 8) | p[k];
  return v;
}

}  // namespace

void disassemblePickle(std::span<const uint8_t> bytes, std::ostream& os) {
  size_t pos = 0;
  int depth = 0;
  while (pos < bytes.size()) {
    size_t start = pos;
    uint8_t byte = bytes[pos++];
    const PickleOpInfo& info = kPickleOps[byte];
    if (info.name.empty()) {
      os << fmt::format("{:>6}: error: unknown opcode 0x{:02x}\n", start, byte);
      return;
    }
    auto op = static_cast<PickleOp>(byte);
    if (op == PickleOp::TUPLE || op == PickleOp::LIST || op == PickleOp::DICT || op == PickleOp::APPENDS ||
        op == PickleOp::SETITEMS || op == PickleOp::POP_MARK || op == PickleOp::FROZENSET ||
        op == PickleOp::ADDITEMS || op == PickleOp::OBJ || op == PickleOp::INST)
      depth = depth > 0 ? depth - 1 : 0;
    size_t left = bytes.size() - pos;
    const uint8_t* p = bytes.data() + pos;
    auto truncated = [&] { os << fmt::format("{:>6}: error: {} is truncated\n", start, info.name); };
    std::string arg;
    size_t fixed = 0;
    switch (info.arg) {
      case PickleArg::None: break;
      case PickleArg::UInt1: fixed = 1; break;
      case PickleArg::UInt2: fixed = 2; break;
      case PickleArg::Int4:
      case PickleArg::UInt4: fixed = 4; break;
      case PickleArg::UInt8:
      case PickleArg::Float8: fixed = 8; break;
      case PickleArg::Long1:
      case PickleArg::Bytes1: fixed = 1; break;
      case PickleArg::Long4:
      case PickleArg::Bytes4: fixed = 4; break;
      case PickleArg::Bytes8: fixed = 8; break;
      case PickleArg::Line:
      case PickleArg::TwoLines: break;
    }
    if (fixed > left) return truncated();
    uint64_t n = littleEndian(p, fixed);
    switch (info.arg) {
      case PickleArg::None: break;
      case PickleArg::UInt1:
      case PickleArg::UInt2:
      case PickleArg::UInt4:
      case PickleArg::UInt8: arg = std::to_string(n); pos += fixed; break;
      case PickleArg::Int4: arg = std::to_string(static_cast<int32_t>(n)); pos += fixed; break;
      case PickleArg::Float8: {
        uint64_t bits = 0;
        for (size_t k = 0; k < 8; ++k) bits = (bits << 8) | p[k];
        double d;
        std::memcpy(&d, &bits, sizeof d);
        arg = fmt::format("{}", d);
        pos += 8;
        break;
      }
      case PickleArg::Long1:
      case PickleArg::Long4:
      case PickleArg::Bytes1:
      case PickleArg::Bytes4:
      case PickleArg::Bytes8: {
        // Signed lengths: a negative one reads as huge, hence truncated.
        if (info.arg == PickleArg::Long4 || op == PickleOp::BINSTRING)
          n = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(n)));
        if (n > left - fixed) return truncated();
        const uint8_t* data = p + fixed;
        if (info.arg == PickleArg::Long1 || info.arg == PickleArg::Long4) {
          size_t len = static_cast<size_t>(n);
          if (len <= 8) {
            uint64_t u = littleEndian(data, len);
            if (len > 0 && len < 8 && (data[len - 1] & 0x80)) u |= ~uint64_t(0) << (8 * len);
            arg = std::to_string(static_cast<int64_t>(u));
          } else {  // beyond 64 bits: the bytes, most significant first
            arg = "0x";
            for (size_t k = 0; k < len && k < 16; ++k) arg += fmt::format("{:02x}", data[len - 1 - k]);
            if (len > 16) arg += "...";
          }
        } else {
          arg = quoted(data, static_cast<size_t>(n));
        }
        pos += fixed + static_cast<size_t>(n);
        break;
      }
      case PickleArg::Line:
      case PickleArg::TwoLines: {
        int lines = info.arg == PickleArg::Line ? 1 : 2;
        for (int k = 0; k < lines; ++k) {
          const void* nl = pos < bytes.size() ? std::memchr(bytes.data() + pos, '\n', bytes.size() - pos) : nullptr;
          if (!nl) return truncated();
          size_t len = static_cast<size_t>(static_cast<const uint8_t*>(nl) - (bytes.data() + pos));
          if (k) arg += ' ';
          arg += quoted(bytes.data() + pos, len);
          pos += len + 1;
        }
        break;
      }
    }
    os << fmt::format("{:>6}: {}{:<16} {}\n", start, std::string(static_cast<size_t>(depth) * 2, ' '), info.name, arg);
    if (op == PickleOp::MARK) ++depth;
    if (op == PickleOp::STOP) return;
  }
  os << fmt::format("{:>6}: error: no STOP opcode\n", pos);
}

}  // namespace ember::serialization
