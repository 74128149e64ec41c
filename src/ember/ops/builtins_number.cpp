// int, float and bool: arithmetic, comparisons, math functions and
// conversions, as TorchScript 1.13 registers them (register_prim_ops.cpp).
//
// Overload families and what they return:
//   name.int(int, int), name.float(float, float),
//   name.int_float / name.float_int     mixed operands, computed in double
//   name(Scalar a, Scalar b)            int op when both are ints, else double
//   name.Scalar(Scalar a)               unary; PyTorch casts the result to C++
//                                       float or int, so e.g. sqrt.Scalar(2)
//                                       is float32-rounded and floor.Scalar
//                                       truncates to 32 bits. Kept as is.
// Registration order follows PyTorch's: overload resolution tries schemas
// in that order (float(x) of an int picks Float.Scalar before Float.int).
#include <cerrno>
#include <cmath>
#include <complex>
#include <cstdlib>

#include "ember/ops/builtins_util.h"

namespace ember::ops {

using namespace builtins;

namespace {

// ---------------------------------------------------------------- helpers

// torch::jit::floordiv: Python's rounding toward negative infinity.
int64_t floordivInt(int64_t a, int64_t b) {
  EMBER_CHECK(b != 0, "division by 0");
  if (b == -1) return wrapNeg(a);  // INT64_MIN / -1 traps in C++
  if ((a > 0) == (b > 0)) return a / b;
  const int64_t q = a / b;
  return a % b ? q - 1 : q;
}

// Python's int %: the sign of the divisor. PyTorch computes (b + a % b) % b
// and crashes on b == 0; here that is a ZeroDivisionError message.
int64_t remainderInt(int64_t a, int64_t b) {
  EMBER_CHECK(b != 0, "ZeroDivisionError: integer division or modulo by zero");
  if (b == -1) return 0;
  return wrapAdd(b, a % b) % b;
}

template <class A, class B>
double remainderFloat(A a, B b) {
  return std::fmod(b + std::fmod(a, b), b);
}

template <class A, class B>
double powChecked(A a, B b) {
  EMBER_CHECK(!(a == 0.0 && b < 0.0), "0.0 cannot be raised to a negative power");
  return std::pow(static_cast<double>(a), static_cast<double>(b));
}

// torch::jit::checkDoubleInRange, used by floor() and ceil().
int64_t checkedToInt(double a) {
  EMBER_CHECK(!(std::isnan(a) || std::isinf(a) || a > 9223372036854775807.0 || a < -9223372036854775808.0),
              "Cannot convert float {} to integer", fixedDouble(a));
  return castToInt64(a);
}

// Python's round(): halfway cases to even.
double roundToEven(double a) { return a - std::floor(a) == 0.5 ? std::round(a * 0.5) * 2.0 : std::round(a); }

// c10::Scalar::toInt(): a checked conversion.
int64_t scalarToIntChecked(double d, std::string_view typeName) {
  EMBER_CHECK(!(std::isnan(d) || d < -9223372036854775808.0 || d > 9223372036854775808.0),
              "value cannot be converted to type {} without overflow", typeName);
  return castToInt64(d);
}

// The binary-splitting factorial TorchScript uses, wrapping on overflow the
// way its int64 arithmetic does.
int64_t partProduct(int n, int m) {
  if (m <= n + 1) return n;
  if (m == n + 2) return wrapMul(n, m);
  int k = n + (m - n) / 2;
  if ((k & 1) != 1) k = k - 1;
  return wrapMul(partProduct(n, k), partProduct(k + 2, m));
}

void factorialLoop(int n, int64_t& p, int64_t& r) {
  if (n <= 2) return;
  factorialLoop(n / 2, p, r);
  p = wrapMul(p, partProduct(n / 2 + 1 + ((n / 2) & 1), n - 1 + (n & 1)));
  r = wrapMul(r, p);
}

int64_t factorial(int64_t n64) {
  const int n = static_cast<int>(n64);  // the kernel takes a C++ int
  EMBER_CHECK(n >= 0, "factorial() not defined for negative values");
  int64_t p = 1, r = 1;
  factorialLoop(n, p, r);
  // n! = odd part << (n - popcount(n)); the shift count wraps as on x86.
  const int shift = n - __builtin_popcount(static_cast<unsigned>(n));
  return static_cast<int64_t>(static_cast<uint64_t>(r) << (shift & 63));
}

int64_t gcd(int64_t a, int64_t b) {
  while (b != 0) {
    const int64_t r = b == -1 ? 0 : a % b;
    a = b;
    b = r;
  }
  return a < 0 ? wrapNeg(a) : a;
}

// std::stoll / std::stod and TorchScript's check that the whole string was used.
int64_t parseInt(const std::string& s) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  EMBER_CHECK_KIND(Value, end != s.c_str(), "stoll");
  EMBER_CHECK_KIND(Index, errno != ERANGE, "stoll");
  EMBER_CHECK(static_cast<size_t>(end - s.c_str()) == s.size(), "invalid literal for int() with base 10: '{}'", s);
  return v;
}

double parseFloat(const std::string& s) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  EMBER_CHECK_KIND(Value, end != s.c_str(), "stod");
  EMBER_CHECK_KIND(Index, errno != ERANGE, "stod");
  EMBER_CHECK(static_cast<size_t>(end - s.c_str()) == s.size(), "could not convert string to float: '{}'", s);
  return v;
}

// ---------------------------------------------------------------- registration helpers

// name.int_float and name.float_int, both computed by the generic f.
template <class F>
void defMixed(Registry& r, std::string_view name, std::string_view result, F f) {
  r.defBoxed(fmt::format("{}.int_float(int a, float b) -> {}", name, result), binary<int64_t, double>(f));
  r.defBoxed(fmt::format("{}.float_int(float a, int b) -> {}", name, result), binary<double, int64_t>(f));
}

// name(Scalar a, Scalar b) (or name.overload(...)): fi on two ints, fd as
// soon as one operand is a float.
template <class FI, class FD>
Kernel scalarBinary(FI fi, FD fd) {
  return [fi, fd](Stack& s) {
    const IValue& x = s[s.size() - 2];
    const IValue& y = s.back();
    IValue out;
    if (x.isDouble()) {
      out = y.isDouble() ? IValue(fd(x.toDouble(), y.toDouble())) : IValue(fd(x.toDouble(), scalarInt(y)));
    } else {
      out = y.isDouble() ? IValue(fd(scalarInt(x), y.toDouble())) : IValue(fi(scalarInt(x), scalarInt(y)));
    }
    s.pop_back();
    s.back() = std::move(out);
  };
}

// The full DEFINE_BINARY_OP set: .int, .float, .int_float, .float_int and
// the Scalar overload (named `scalarOverload`, usually empty).
template <class FI, class FD>
void defBinary(Registry& r, std::string_view name, std::string_view intResult, std::string_view floatResult,
               std::string_view scalarOverload, std::string_view scalarResult, FI fi, FD fd) {
  r.defBoxed(fmt::format("{}.int(int a, int b) -> {}", name, intResult), binary<int64_t, int64_t>(fi));
  r.defBoxed(fmt::format("{}.float(float a, float b) -> {}", name, floatResult), binary<double, double>(fd));
  defMixed(r, name, floatResult, fd);
  r.defBoxed(fmt::format("{}{}(Scalar a, Scalar b) -> {}", name, scalarOverload, scalarResult), scalarBinary(fi, fd));
}

// DEFINE_UNARY_OP(name, op, float, float): .int and .float in double, the
// Scalar overload rounded through C++ float.
template <class F>
void defUnaryFloat(Registry& r, std::string_view name, F f) {
  r.defBoxed(fmt::format("aten::{}.int(int a) -> float", name),
             unary<int64_t>([f](int64_t a) { return f(static_cast<double>(a)); }));
  r.defBoxed(fmt::format("aten::{}.float(float a) -> float", name), unary<double>(f));
  r.defBoxed(fmt::format("aten::{}.Scalar(Scalar a) -> Scalar", name), [f](Stack& s) {
    const IValue& x = s.back();
    const double a = x.isDouble() ? x.toDouble() : static_cast<double>(scalarInt(x));
    s.back() = IValue(static_cast<double>(static_cast<float>(f(a))));
  });
}

// ---------------------------------------------------------------- families

void registerArithmetic(Registry& r) {
  auto add = [](auto a, auto b) { return a + b; };
  auto sub = [](auto a, auto b) { return a - b; };
  auto mul = [](auto a, auto b) { return a * b; };
  defBinary(r, "aten::add", "int", "float", "", "Scalar", wrapAdd, add);
  defBinary(r, "aten::sub", "int", "float", "", "Scalar", wrapSub, sub);
  defBinary(r, "aten::mul", "int", "float", "", "Scalar", wrapMul, mul);

  // Python's true division: always a float, inf/nan on zero.
  auto trueDiv = [](auto a, auto b) { return static_cast<double>(a) / static_cast<double>(b); };
  r.defBoxed("aten::div.int(int a, int b) -> float", binary<int64_t, int64_t>(trueDiv));
  r.defBoxed("aten::div.float(float a, float b) -> float", binary<double, double>(trueDiv));
  r.defBoxed("aten::div(Scalar a, Scalar b) -> float", scalarBinary(trueDiv, trueDiv));

  auto floordivFloat = [](auto a, auto b) { return std::floor(static_cast<double>(a) / static_cast<double>(b)); };
  defBinary(r, "aten::floordiv", "int", "float", "", "Scalar", floordivInt, floordivFloat);

  auto remFloat = [](auto a, auto b) { return remainderFloat(a, b); };
  defBinary(r, "aten::remainder", "int", "float", "", "Scalar", remainderInt, remFloat);

  // int ** int is a float, because negative exponents make fractions.
  auto pow = [](auto a, auto b) { return powChecked(a, b); };
  r.defBoxed("aten::pow.int(int a, int b) -> float", binary<int64_t, int64_t>(pow));
  r.defBoxed("aten::pow.float(float a, float b) -> float", binary<double, double>(pow));
  defMixed(r, "aten::pow", "float", pow);
  auto powUnchecked = [](auto a, auto b) { return std::pow(static_cast<double>(a), static_cast<double>(b)); };
  r.defBoxed("aten::pow.Scalar_Scalar(Scalar a, Scalar b) -> float", scalarBinary(powUnchecked, powUnchecked));
  // The schema says int, but PyTorch's kernel pushes the double it computed.
  r.defBoxed("aten::pow.int_to_int(int a, int b) -> int", binary<int64_t, int64_t>(pow));

  // min and max live in prim:: because torch.min means something else.
  auto defMinMax = [&](std::string_view name, auto pick) {
    auto mixed = [pick](auto a, auto b) -> double { return pick(a, b) ? a : b; };
    auto same = [pick](auto a, auto b) { return pick(a, b) ? a : b; };
    r.defBoxed(fmt::format("{}.int(int a, int b) -> int", name), binary<int64_t, int64_t>(same));
    r.defBoxed(fmt::format("{}.float(float a, float b) -> float", name), binary<double, double>(same));
    defMixed(r, name, "float", mixed);
    r.defBoxed(fmt::format("{}(Scalar a, Scalar b) -> Scalar", name), scalarBinary(same, mixed));
  };
  defMinMax("prim::min", [](auto a, auto b) { return a < b; });
  defMinMax("prim::max", [](auto a, auto b) { return a > b; });

  r.defBoxed("aten::divmod.int(int x, int y) -> (int, int)", [](Stack& s) {
    const int64_t b = pop(s).toInt();
    const int64_t a = pop(s).toInt();
    EMBER_CHECK(b != 0, "ZeroDivisionError: integer division or modulo by zero");
    push(s, floordivInt(a, b));
    push(s, remainderInt(a, b));
  });
  r.defBoxed("aten::divmod.float(float x, float y) -> (float, float)", [](Stack& s) {
    const double b = pop(s).toDouble();
    const double a = pop(s).toDouble();
    EMBER_CHECK(b != 0, "ZeroDivisionError: float divmod()");
    double rem = std::fmod(a, b);
    if (rem != 0 && (a < 0) != (b < 0)) rem += b;
    push(s, (a - rem) / b);
    push(s, rem);
  });
  auto divmodMixed = [](Stack& s) {
    const double b = pop(s).toDouble();
    const double a = pop(s).toDouble();
    EMBER_CHECK(b != 0, "ZeroDivisionError: float divmod()");
    const double quot = std::floor(a / b);
    push(s, quot);
    push(s, a - quot * b);
  };
  r.defBoxed("aten::divmod.int_float(int x, float y) -> (float, float)", divmodMixed);
  r.defBoxed("aten::divmod.float_int(float x, int y) -> (float, float)", divmodMixed);

  r.defBoxed("aten::neg.int(int a) -> int", unary<int64_t>(wrapNeg));
  r.defBoxed("aten::neg.float(float a) -> float", unary<double>([](double a) { return -a; }));
  r.defBoxed("aten::neg.Scalar(Scalar a) -> Scalar", [](Stack& s) {
    const IValue& x = s.back();
    s.back() = x.isDouble() ? IValue(static_cast<double>(static_cast<float>(-x.toDouble())))
                            : IValue(static_cast<int64_t>(static_cast<int32_t>(wrapNeg(scalarInt(x)))));
  });
  r.defBoxed("prim::abs.int(int a) -> int",
             unary<int64_t>([](int64_t a) { return a < 0 ? wrapNeg(a) : a; }));
  r.defBoxed("prim::abs.float(float a) -> float", unary<double>([](double a) { return std::abs(a); }));
  r.defBoxed("prim::abs.Scalar(Scalar a) -> Scalar", [](Stack& s) {
    const IValue& x = s.back();
    if (x.isDouble()) {
      s.back() = IValue(static_cast<double>(static_cast<float>(std::abs(x.toDouble()))));
      return;
    }
    const int64_t a = scalarInt(x);
    s.back() = IValue(static_cast<int64_t>(static_cast<int32_t>(a < 0 ? wrapNeg(a) : a)));
  });

  // Bitwise ops on ints. Shift counts wrap modulo 64 as x86 does them.
  r.defBoxed("aten::__and__.int(int a, int b) -> int", binary<int64_t, int64_t>([](int64_t a, int64_t b) { return a & b; }));
  r.defBoxed("aten::__or__.int(int a, int b) -> int", binary<int64_t, int64_t>([](int64_t a, int64_t b) { return a | b; }));
  r.defBoxed("aten::__xor__.int(int a, int b) -> int", binary<int64_t, int64_t>([](int64_t a, int64_t b) { return a ^ b; }));
  r.defBoxed("aten::__lshift__.int(int a, int b) -> int", binary<int64_t, int64_t>([](int64_t a, int64_t b) {
               return static_cast<int64_t>(static_cast<uint64_t>(a) << (b & 63));
             }));
  r.defBoxed("aten::__rshift__.int(int a, int b) -> int",
             binary<int64_t, int64_t>([](int64_t a, int64_t b) { return a >> (b & 63); }));
  // Only made by loop unrolling: C++ truncating division.
  r.defBoxed("aten::__round_to_zero_floordiv.int(int a, int b) -> int", binary<int64_t, int64_t>([](int64_t a, int64_t b) {
               EMBER_CHECK(b != 0, "ZeroDivisionError: integer division or modulo by zero");
               return b == -1 ? wrapNeg(a) : a / b;
             }));

  r.defBoxed("aten::__and__.bool(bool a, bool b) -> bool", binary<bool, bool>([](bool a, bool b) { return a && b; }));
  r.defBoxed("aten::__or__.bool(bool a, bool b) -> bool", binary<bool, bool>([](bool a, bool b) { return a || b; }));
  r.defBoxed("aten::__xor__.bool(bool a, bool b) -> bool", binary<bool, bool>([](bool a, bool b) { return a != b; }));
  r.defBoxed("aten::__not__(bool self) -> bool", unary<bool>([](bool a) { return !a; }));

  // range() support: the trip count and the value of the i-th iteration.
  r.defBoxed("aten::__range_length(int lo, int hi, int step) -> int", [](Stack& s) {
    const int64_t step = pop(s).toInt();
    const int64_t hi = pop(s).toInt();
    const int64_t lo = pop(s).toInt();
    EMBER_CHECK(step != 0, "range() arg 3 must not be zero");
    if (step > 0 && lo < hi) return push(s, 1 + wrapSub(wrapSub(hi, 1), lo) / step);
    if (step < 0 && lo > hi) return push(s, 1 + wrapSub(wrapSub(lo, 1), hi) / wrapNeg(step));
    push(s, int64_t(0));
  });
  r.defBoxed("aten::__derive_index(int index, int start, int step) -> int", [](Stack& s) {
    const int64_t step = pop(s).toInt();
    const int64_t start = pop(s).toInt();
    const int64_t index = pop(s).toInt();
    push(s, wrapAdd(start, wrapMul(index, step)));
  });
}

void registerComparisons(Registry& r) {
  auto def = [&](std::string_view name, auto cmp) {
    r.defBoxed(fmt::format("aten::{}.int(int a, int b) -> bool", name), binary<int64_t, int64_t>(cmp));
    r.defBoxed(fmt::format("aten::{}.float(float a, float b) -> bool", name), binary<double, double>(cmp));
    defMixed(r, fmt::format("aten::{}", name), "bool", cmp);
    r.defBoxed(fmt::format("aten::{}(Scalar a, Scalar b) -> bool", name), scalarBinary(cmp, cmp));
  };
  r.defBoxed("aten::eq.bool(bool a, bool b) -> bool", binary<bool, bool>([](bool a, bool b) { return a == b; }));
  r.defBoxed("aten::ne.bool(bool a, bool b) -> bool", binary<bool, bool>([](bool a, bool b) { return a != b; }));
  def("eq", [](auto a, auto b) { return a == b; });
  def("ne", [](auto a, auto b) { return a != b; });
  def("lt", [](auto a, auto b) { return a < b; });
  def("gt", [](auto a, auto b) { return a > b; });
  def("le", [](auto a, auto b) { return a <= b; });
  def("ge", [](auto a, auto b) { return a >= b; });
}

void registerMath(Registry& r) {
  // Unary functions in the order register_prim_ops.cpp defines them.
  defUnaryFloat(r, "log", [](double a) { return std::log(a); });
  r.defBoxed("aten::round.int(int a) -> float",
             unary<int64_t>([](int64_t a) { return roundToEven(static_cast<double>(a)); }));
  r.defBoxed("aten::round.float(float a) -> float", unary<double>(roundToEven));
  r.defBoxed("aten::round.Scalar(Scalar a) -> Scalar", [](Stack& s) {
    const IValue& x = s.back();
    const double a = x.isDouble() ? x.toDouble() : static_cast<double>(scalarInt(x));
    s.back() = IValue(static_cast<double>(static_cast<float>(roundToEven(a))));
  });
  // floor and ceil return ints; the Scalar overload truncates to 32 bits.
  for (auto [name, f] : {std::pair{"floor", +[](double a) { return checkedToInt(std::floor(a)); }},
                         std::pair{"ceil", +[](double a) { return checkedToInt(std::ceil(a)); }}}) {
    r.defBoxed(fmt::format("aten::{}.int(int a) -> int", name),
               unary<int64_t>([f](int64_t a) { return f(static_cast<double>(a)); }));
    r.defBoxed(fmt::format("aten::{}.float(float a) -> int", name), unary<double>(f));
    r.defBoxed(fmt::format("aten::{}.Scalar(Scalar a) -> Scalar", name), [f](Stack& s) {
      const IValue& x = s.back();
      const double a = x.isDouble() ? x.toDouble() : static_cast<double>(scalarInt(x));
      s.back() = IValue(static_cast<int64_t>(static_cast<int32_t>(f(a))));
    });
  }
  defUnaryFloat(r, "exp", [](double a) { return std::exp(a); });

  // log(x, base), and the binary functions that always give floats.
  auto logBase = [](auto a, auto b) { return std::log(static_cast<double>(a)) / std::log(static_cast<double>(b)); };
  r.defBoxed("aten::log.int_int(int a, int b) -> float", binary<int64_t, int64_t>(logBase));
  r.defBoxed("aten::log.float_float(float a, float b) -> float", binary<double, double>(logBase));
  defMixed(r, "aten::log", "float", logBase);
  r.defBoxed("aten::log.Scalar_Scalar(Scalar a, Scalar b) -> float", scalarBinary(logBase, logBase));

  defUnaryFloat(r, "log1p", [](double a) { return std::log1p(a); });
  defUnaryFloat(r, "log10", [](double a) { return std::log10(a); });
  defUnaryFloat(r, "sqrt", [](double a) { return std::sqrt(a); });
  defUnaryFloat(r, "acos", [](double a) { return std::acos(a); });
  defUnaryFloat(r, "asin", [](double a) { return std::asin(a); });
  defUnaryFloat(r, "atan", [](double a) { return std::atan(a); });

  auto atan2 = [](auto a, auto b) { return std::atan2(static_cast<double>(a), static_cast<double>(b)); };
  r.defBoxed("aten::atan2.int(int a, int b) -> float", binary<int64_t, int64_t>(atan2));
  r.defBoxed("aten::atan2.float(float a, float b) -> float", binary<double, double>(atan2));
  defMixed(r, "aten::atan2", "float", atan2);
  r.defBoxed("aten::atan2.Scalar_Scalar(Scalar a, Scalar b) -> float", scalarBinary(atan2, atan2));

  defUnaryFloat(r, "cos", [](double a) { return std::cos(a); });
  defUnaryFloat(r, "sin", [](double a) { return std::sin(a); });
  defUnaryFloat(r, "tan", [](double a) { return std::tan(a); });
  defUnaryFloat(r, "asinh", [](double a) { return std::asinh(a); });
  defUnaryFloat(r, "atanh", [](double a) { return std::atanh(a); });
  defUnaryFloat(r, "acosh", [](double a) { return std::acosh(a); });
  defUnaryFloat(r, "sinh", [](double a) { return std::sinh(a); });
  defUnaryFloat(r, "cosh", [](double a) { return std::cosh(a); });
  defUnaryFloat(r, "tanh", [](double a) { return std::tanh(a); });
  defUnaryFloat(r, "angle", [](double a) { return std::arg(a); });
  static const double kRadToDeg = 180.0 / std::acos(-1.0);
  static const double kDegToRad = std::acos(-1.0) / 180.0;
  defUnaryFloat(r, "degrees", [](double a) { return a * kRadToDeg; });
  defUnaryFloat(r, "radians", [](double a) { return a * kDegToRad; });

  auto defFloatBinary = [&](std::string_view name, auto f) {
    r.defBoxed(fmt::format("aten::{}.int(int a, int b) -> float", name), binary<int64_t, int64_t>(f));
    r.defBoxed(fmt::format("aten::{}.float(float a, float b) -> float", name), binary<double, double>(f));
    defMixed(r, fmt::format("aten::{}", name), "float", f);
    r.defBoxed(fmt::format("aten::{}(Scalar a, Scalar b) -> float", name), scalarBinary(f, f));
  };
  defFloatBinary("fmod", [](auto a, auto b) { return std::fmod(static_cast<double>(a), static_cast<double>(b)); });
  r.defBoxed("aten::factorial.int(int a) -> int", unary<int64_t>(factorial));
  r.defBoxed("aten::isnan.float(float a) -> bool", unary<double>([](double a) { return std::isnan(a); }));
  r.defBoxed("aten::isfinite.float(float a) -> bool", unary<double>([](double a) { return std::isfinite(a); }));
  r.defBoxed("aten::isinf.float(float a) -> bool", unary<double>([](double a) { return std::isinf(a); }));
  defUnaryFloat(r, "gamma", [](double a) { return std::tgamma(a); });
  defUnaryFloat(r, "erf", [](double a) { return std::erf(a); });
  defUnaryFloat(r, "erfc", [](double a) { return std::erfc(a); });
  defUnaryFloat(r, "expm1", [](double a) { return std::expm1(a); });
  defUnaryFloat(r, "fabs", [](double a) { return std::fabs(a); });
  defUnaryFloat(r, "lgamma", [](double a) { return std::lgamma(a); });
  r.defBoxed("aten::gcd.int(int a, int b) -> int", binary<int64_t, int64_t>(gcd));
  defFloatBinary("copysign",
                 [](auto a, auto b) { return std::copysign(static_cast<double>(a), static_cast<double>(b)); });
  defFloatBinary("mathremainder",
                 [](auto a, auto b) { return std::remainder(static_cast<double>(a), static_cast<double>(b)); });

  r.defBoxed("aten::modf(float a) -> (float, float)", [](Stack& s) {
    const double a = pop(s).toDouble();
    double whole;
    const double frac = std::modf(a, &whole);
    push(s, frac);
    push(s, whole);
  });
  r.defBoxed("aten::frexp(float a) -> (float, int)", [](Stack& s) {
    const double a = pop(s).toDouble();
    int e = 0;
    const double m = std::frexp(a, &e);
    push(s, m);
    push(s, static_cast<int64_t>(e));
  });
  r.defBoxed("aten::ldexp(float x, int i) -> float", binary<double, int64_t>([](double a, int64_t b) {
               return std::ldexp(a, static_cast<int>(b));
             }));
}

void registerConversions(Registry& r) {
  r.defBoxed("aten::Bool.int(int a) -> bool", unary<int64_t>([](int64_t a) { return a != 0; }));
  r.defBoxed("aten::Bool.float(float a) -> bool", unary<double>([](double a) { return a != 0; }));
  r.defBoxed("aten::Int.bool(bool a) -> int", unary<bool>([](bool a) { return static_cast<int64_t>(a); }));
  r.defBoxed("aten::Int.float(float a) -> int", unary<double>(castToInt64));
  r.defBoxed("aten::Int.Scalar(Scalar a) -> int", [](Stack& s) {
    const IValue& x = s.back();
    if (x.isInt()) return;
    s.back() = IValue(x.isDouble() ? scalarToIntChecked(x.toDouble(), "int") : scalarInt(x));
  });
  r.defBoxed("aten::Int.str(str a) -> int", unary<const std::string&>(parseInt));
  r.defBoxed("aten::Float.Scalar(Scalar a) -> float", [](Stack& s) {
    const IValue& x = s.back();
    if (x.isDouble()) return;
    s.back() = IValue(static_cast<double>(scalarInt(x)));
  });
  // PyTorch converts through C++ float here (float(2**24 + 1) under
  // TorchScript resolves to Float.Scalar, which is exact).
  r.defBoxed("aten::Float.int(int a) -> float",
             unary<int64_t>([](int64_t a) { return static_cast<double>(static_cast<float>(a)); }));
  r.defBoxed("aten::Float.bool(bool a) -> float", unary<bool>([](bool a) { return a ? 1.0 : 0.0; }));
  r.defBoxed("aten::Float.str(str a) -> float", unary<const std::string&>(parseFloat));
}

}  // namespace

void registerNumberOps(Registry& r) {
  registerConversions(r);
  registerComparisons(r);
  registerArithmetic(r);
  registerMath(r);
}

}  // namespace ember::ops
