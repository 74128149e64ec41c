// IEEE binary16 and bfloat16 storage types. Arithmetic happens in float and is
// rounded back after every operation, which is what PyTorch's CPU kernels do
// for these types, so results match bit for bit.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace ember {

namespace detail {

inline uint16_t floatToHalfBits(float f) {
  uint32_t x = std::bit_cast<uint32_t>(f);
  uint32_t sign = (x >> 16) & 0x8000u;
  uint32_t absx = x & 0x7fffffffu;
  if (absx >= 0x7f800000u)  // inf or nan
    return static_cast<uint16_t>(sign | (absx > 0x7f800000u ? 0x7e00u : 0x7c00u));
  if (absx >= 0x477ff000u)  // rounds to >= 65520: overflow to inf
    return static_cast<uint16_t>(sign | 0x7c00u);
  if (absx < 0x38800000u) {  // subnormal half (or zero): add 0.5 to shift mantissa into place
    float r = std::bit_cast<float>(absx) + 0.5f;
    return static_cast<uint16_t>(sign | (std::bit_cast<uint32_t>(r) - 0x3f000000u));
  }
  uint32_t mant_odd = (absx >> 13) & 1u;
  absx += 0xc8000fffu + mant_odd;  // rebias exponent (-112 << 23) and round to nearest even
  return static_cast<uint16_t>(sign | (absx >> 13));
}

inline float halfBitsToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  if (exp == 0x1f) return std::bit_cast<float>(sign | 0x7f800000u | (mant << 13));
  if (exp == 0) {
    if (mant == 0) return std::bit_cast<float>(sign);
    float r = static_cast<float>(mant) * 0x1p-24f;
    return sign ? -r : r;
  }
  return std::bit_cast<float>(sign | ((exp + 112) << 23) | (mant << 13));
}

inline uint16_t floatToBFloat16Bits(float f) {
  uint32_t x = std::bit_cast<uint32_t>(f);
  if ((x & 0x7fffffffu) > 0x7f800000u) return 0x7fc0;  // nan
  uint32_t rounding_bias = 0x7fffu + ((x >> 16) & 1u);
  return static_cast<uint16_t>((x + rounding_bias) >> 16);
}

inline float bfloat16BitsToFloat(uint16_t b) { return std::bit_cast<float>(static_cast<uint32_t>(b) << 16); }

}  // namespace detail

#define EMBER_REDUCED_FLOAT(Name, TO_BITS, FROM_BITS)                                  \
  struct Name {                                                                       \
    uint16_t bits = 0;                                                                \
    Name() = default;                                                                 \
    Name(float f) : bits(detail::TO_BITS(f)) {}                                        \
    Name(double d) : Name(static_cast<float>(d)) {}                                   \
    template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>             \
    Name(I i) : Name(static_cast<float>(i)) {}                                        \
    static Name fromBits(uint16_t b) {                                                \
      Name h;                                                                         \
      h.bits = b;                                                                     \
      return h;                                                                       \
    }                                                                                 \
    operator float() const { return detail::FROM_BITS(bits); }                         \
    Name& operator+=(Name o) { return *this = Name(float(*this) + float(o)); }        \
    Name& operator-=(Name o) { return *this = Name(float(*this) - float(o)); }        \
    Name& operator*=(Name o) { return *this = Name(float(*this) * float(o)); }        \
    Name& operator/=(Name o) { return *this = Name(float(*this) / float(o)); }        \
    Name operator-() const { return Name(-float(*this)); }                            \
  };                                                                                  \
  inline Name operator+(Name a, Name b) { return Name(float(a) + float(b)); }         \
  inline Name operator-(Name a, Name b) { return Name(float(a) - float(b)); }         \
  inline Name operator*(Name a, Name b) { return Name(float(a) * float(b)); }         \
  inline Name operator/(Name a, Name b) { return Name(float(a) / float(b)); }         \
  inline bool operator==(Name a, Name b) { return float(a) == float(b); }             \
  inline bool operator!=(Name a, Name b) { return float(a) != float(b); }             \
  inline bool operator<(Name a, Name b) { return float(a) < float(b); }               \
  inline bool operator<=(Name a, Name b) { return float(a) <= float(b); }             \
  inline bool operator>(Name a, Name b) { return float(a) > float(b); }               \
  inline bool operator>=(Name a, Name b) { return float(a) >= float(b); }

EMBER_REDUCED_FLOAT(Half, floatToHalfBits, halfBitsToFloat)
EMBER_REDUCED_FLOAT(BFloat16, floatToBFloat16Bits, bfloat16BitsToFloat)
#undef EMBER_REDUCED_FLOAT

}  // namespace ember

namespace std {
template <>
class numeric_limits<ember::Half> {
 public:
  static constexpr bool is_specialized = true;
  static constexpr bool is_signed = true;
  static constexpr bool is_integer = false;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static ember::Half lowest() { return ember::Half::fromBits(0xfbff); }
  static ember::Half max() { return ember::Half::fromBits(0x7bff); }
  static ember::Half min() { return ember::Half::fromBits(0x0400); }
  static ember::Half epsilon() { return ember::Half::fromBits(0x1400); }
  static ember::Half infinity() { return ember::Half::fromBits(0x7c00); }
  static ember::Half quiet_NaN() { return ember::Half::fromBits(0x7e00); }
};
template <>
class numeric_limits<ember::BFloat16> {
 public:
  static constexpr bool is_specialized = true;
  static constexpr bool is_signed = true;
  static constexpr bool is_integer = false;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static ember::BFloat16 lowest() { return ember::BFloat16::fromBits(0xff7f); }
  static ember::BFloat16 max() { return ember::BFloat16::fromBits(0x7f7f); }
  static ember::BFloat16 min() { return ember::BFloat16::fromBits(0x0080); }
  static ember::BFloat16 epsilon() { return ember::BFloat16::fromBits(0x3c00); }
  static ember::BFloat16 infinity() { return ember::BFloat16::fromBits(0x7f80); }
  static ember::BFloat16 quiet_NaN() { return ember::BFloat16::fromBits(0x7fc0); }
};
}  // namespace std
