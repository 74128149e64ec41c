// A Python number: what `Scalar` means in an operator schema. It remembers
// whether it was a bool, an int or a float, because type promotion treats
// `x + 1` and `x + 1.0` differently.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "ember/tensor/dtype.h"

namespace ember {

class Scalar {
 public:
  enum class Kind : uint8_t { Bool, Int, Double };

  Scalar() : Scalar(int64_t(0)) {}
  Scalar(bool b) : kind_(Kind::Bool) { v_.i = b; }
  Scalar(int64_t i) : kind_(Kind::Int) { v_.i = i; }
  Scalar(int i) : Scalar(static_cast<int64_t>(i)) {}
  Scalar(double d) : kind_(Kind::Double) { v_.d = d; }
  Scalar(float f) : Scalar(static_cast<double>(f)) {}

  Kind kind() const { return kind_; }
  bool isBool() const { return kind_ == Kind::Bool; }
  bool isInt() const { return kind_ == Kind::Int; }
  bool isIntegral(bool includeBool) const { return isInt() || (includeBool && isBool()); }
  bool isFloating() const { return kind_ == Kind::Double; }

  int64_t toInt() const { return kind_ == Kind::Double ? static_cast<int64_t>(v_.d) : v_.i; }
  double toDouble() const { return kind_ == Kind::Double ? v_.d : static_cast<double>(v_.i); }
  bool toBool() const { return kind_ == Kind::Double ? v_.d != 0 : v_.i != 0; }

  template <class T>
  T to() const {
    if constexpr (std::is_same_v<T, bool>) return toBool();
    else if constexpr (std::is_integral_v<T>) return static_cast<T>(toInt());
    else return T(toDouble());
  }

  // The dtype a Python number of this kind becomes as a wrapped 0-dim tensor:
  // bool, int64, or float64 (which promotion then treats as "a float").
  DType dtype() const {
    switch (kind_) {
      case Kind::Bool: return DType::Bool;
      case Kind::Int: return DType::Long;
      case Kind::Double: return DType::Double;
    }
    return DType::Double;
  }

  Scalar operator-() const;
  bool equals(const Scalar& o) const;
  void print(std::ostream& os) const;
  void dump() const;

 private:
  Kind kind_;
  union {
    int64_t i;
    double d;
  } v_;
};

std::ostream& operator<<(std::ostream& os, const Scalar& s);

}  // namespace ember
