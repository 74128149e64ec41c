#include "ember/tensor/scalar.h"

#include <iostream>

namespace ember {

Scalar Scalar::operator-() const {
  switch (kind_) {
    case Kind::Bool: return Scalar(-v_.i);
    case Kind::Int: return Scalar(-v_.i);
    case Kind::Double: return Scalar(-v_.d);
  }
  return *this;
}

bool Scalar::equals(const Scalar& o) const {
  if (kind_ == Kind::Double || o.kind_ == Kind::Double) return toDouble() == o.toDouble();
  return v_.i == o.v_.i;
}

void Scalar::print(std::ostream& os) const {
  switch (kind_) {
    case Kind::Bool: os << (v_.i ? "True" : "False"); return;
    case Kind::Int: os << v_.i; return;
    case Kind::Double: os << v_.d; return;
  }
}

void Scalar::dump() const {
  print(std::cerr);
  std::cerr << '\n';
}

std::ostream& operator<<(std::ostream& os, const Scalar& s) {
  s.print(os);
  return os;
}

}  // namespace ember
