// How TorchScript turns values into text: str(), print(), "{}".format() and
// the values quoted in error messages. This is c10::IValue's operator<<,
// which differs from Python's repr: 1.0 prints as "1.", 0.1 as
// "0.10000000000000001", strings inside containers are not quoted, and
// tensors use ATen's at::print layout.
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "ember/ops/builtins_util.h"

namespace ember::ops::builtins {

std::string streamDouble(double d) {
  std::ostringstream os;
  os << d;
  return os.str();
}

std::string fixedDouble(double d) { return std::to_string(d); }

namespace {

void printDouble(std::ostream& os, double d) {
  const int c = std::fpclassify(d);
  if (c == FP_NORMAL || c == FP_ZERO) {
    const int64_t i = castToInt64(d);
    if (static_cast<double>(i) == d) {
      os << i << '.';
      return;
    }
  }
  // setprecision(max_digits10) on a default-float stream is printf's %.17g.
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  os << buf;
}

template <class Range>
void printSequence(std::ostream& os, const Range& elems, const char* open, const char* close) {
  os << open;
  for (size_t i = 0; i < elems.size(); ++i) {
    if (i) os << ", ";
    printValue(os, elems[i]);
  }
  os << close;
}

// ---- ATen's tensor layout (at::print): columns sized from the magnitude
// of the values, a common scale factor when they differ a lot.

// Restores the stream's flags, precision and fill on scope exit.
struct FormatGuard {
  explicit FormatGuard(std::ostream& os) : os(os), saved(nullptr) { saved.copyfmt(os); }
  ~FormatGuard() { os.copyfmt(saved); }
  std::ostream& os;
  std::ios saved;
};

void defaultFloat(std::ostream& os) { os.unsetf(std::ios_base::floatfield); }

// Chooses the number format for the values; returns (scale, column width).
std::pair<double, int64_t> printFormat(std::ostream& os, const double* p, int64_t n) {
  if (n == 0) return {1., 0};
  bool intMode = true;
  for (int64_t i = 0; i < n; ++i) {
    if (std::isfinite(p[i]) && p[i] != std::ceil(p[i])) {
      intMode = false;
      break;
    }
  }
  int64_t offset = 0;
  while (!std::isfinite(p[offset])) {
    if (++offset == n) break;
  }
  double expMin = 1, expMax = 1;
  if (offset != n) {
    expMin = std::fabs(p[offset]);
    expMax = std::fabs(p[offset]);
    for (int64_t i = offset; i < n; ++i) {
      const double z = std::fabs(p[i]);
      if (!std::isfinite(z)) continue;
      if (z < expMin) expMin = z;
      // ATen compares the signed value here; kept for identical output.
      if (p[i] > expMax) expMax = z;
    }
    expMin = expMin != 0 ? std::floor(std::log10(expMin)) + 1 : 1;
    expMax = expMax != 0 ? std::floor(std::log10(expMax)) + 1 : 1;
  }
  double scale = 1;
  int64_t sz;
  if (intMode) {
    if (expMax > 9) {
      sz = 11;
      os << std::scientific << std::setprecision(4);
    } else {
      sz = static_cast<int64_t>(expMax) + 1;
      defaultFloat(os);
    }
    return {scale, sz};
  }
  if (expMax - expMin > 4) {
    sz = 11;
    if (std::fabs(expMax) > 99 || std::fabs(expMin) > 99) sz = sz + 1;
    os << std::scientific << std::setprecision(4);
    return {scale, sz};
  }
  if (expMax > 5 || expMax < 0) {
    sz = 7;
    scale = std::pow(10, expMax - 1);
  } else {
    sz = expMax == 0 ? 7 : static_cast<int64_t>(expMax) + 6;
  }
  os << std::fixed << std::setprecision(4);
  return {scale, sz};
}

void printIndent(std::ostream& os, int64_t indent) {
  for (int64_t i = 0; i < indent; ++i) os << ' ';
}

void printScale(std::ostream& os, double scale) {
  FormatGuard guard(os);
  defaultFloat(os);
  os << scale << " *" << '\n';
}

// rows x cols doubles, row-major.
void printMatrix(std::ostream& os, const double* p, int64_t rows, int64_t cols, int64_t linesize, int64_t indent) {
  auto [scale, sz] = printFormat(os, p, rows * cols);
  printIndent(os, indent);
  const int64_t perLine = (linesize - indent) / (sz + 1);
  int64_t first = 0;
  while (first < cols) {
    const int64_t last = first + perLine <= cols ? first + perLine - 1 : cols - 1;
    if (perLine < cols) {
      if (first != 0) os << '\n';
      os << "Columns " << first + 1 << " to " << last + 1;
      printIndent(os, indent);
    }
    if (scale != 1) {
      printScale(os, scale);
      printIndent(os, indent);
    }
    for (int64_t r = 0; r < rows; ++r) {
      const double* row = p + r * cols;
      for (int64_t c = first; c <= last; ++c) {
        os << std::setw(static_cast<int>(sz)) << row[c] / scale;
        if (c != last) {
          os << ' ';
          continue;
        }
        os << '\n';
        if (r != rows - 1) {
          printIndent(os, indent);
          if (scale != 1) os << ' ';
        }
      }
    }
    first = last + 1;
  }
}

// Tensors of 3+ dims: one "(i,j,.,.) = " matrix per leading index.
void printHigherDim(std::ostream& os, const double* p, IntArrayRef sizes, int64_t linesize) {
  const int64_t lead = static_cast<int64_t>(sizes.size()) - 2;
  const int64_t rows = sizes[lead], cols = sizes[lead + 1];
  std::vector<int64_t> counter(static_cast<size_t>(lead), 0);
  counter[0] = -1;
  bool start = true;
  while (true) {
    bool finished = false;
    for (int64_t i = 0; i < lead; ++i) {
      if (++counter[i] < sizes[i]) break;
      if (i == lead - 1) {
        finished = true;
        break;
      }
      counter[i] = 0;
    }
    if (finished) break;
    if (!start) os << '\n';
    start = false;
    os << '(';
    int64_t offset = 0;
    for (int64_t i = 0; i < lead; ++i) {
      offset = offset * sizes[i] + counter[i];
      os << counter[i] + 1 << ',';
    }
    os << ".,.) = " << '\n';
    printMatrix(os, p + offset * rows * cols, rows, cols, linesize, 1);
  }
}

}  // namespace

void printTensor(std::ostream& os, const Tensor& t) {
  FormatGuard guard(os);
  if (!t.defined()) {
    os << "[ Tensor (undefined) ]";
    return;
  }
  const Tensor d = t.to(DType::Double).contiguous();
  const double* p = d.data<double>();
  const std::string typeName = fmt::format("CPU{}Type", scalarTypeName(t.dtype()));
  constexpr int64_t kLineSize = 80;
  if (t.dim() == 0) {
    defaultFloat(os);
    os << p[0] << '\n' << "[ " << typeName << "{}";
  } else if (t.dim() == 1) {
    if (t.numel() > 0) {
      auto [scale, sz] = printFormat(os, p, t.numel());
      if (scale != 1) printScale(os, scale);
      for (int64_t i = 0; i < t.size(0); ++i) os << std::setw(static_cast<int>(sz)) << p[i] / scale << '\n';
    }
    os << "[ " << typeName << '{' << t.size(0) << '}';
  } else if (t.dim() == 2) {
    if (t.numel() > 0) printMatrix(os, p, t.size(0), t.size(1), kLineSize, 0);
    os << "[ " << typeName << '{' << t.size(0) << ',' << t.size(1) << '}';
  } else {
    if (t.numel() > 0) printHigherDim(os, p, t.sizes(), kLineSize);
    os << "[ " << typeName << '{' << t.size(0);
    for (int64_t i = 1; i < t.dim(); ++i) os << ',' << t.size(i);
    os << '}';
  }
  os << " ]";
}

void printValue(std::ostream& os, const IValue& v) {
  switch (v.tag()) {
    case IValue::Tag::None: os << "None"; return;
    case IValue::Tag::Bool: os << (v.toBool() ? "True" : "False"); return;
    case IValue::Tag::Int: os << v.toInt(); return;
    case IValue::Tag::Double: printDouble(os, v.toDouble()); return;
    case IValue::Tag::String: os << v.toStringRef(); return;
    case IValue::Tag::Tensor: printTensor(os, v.toTensor()); return;
    case IValue::Tag::Device: os << v.toDevice().str(); return;
    case IValue::Tag::List: printSequence(os, v.toList().elements, "[", "]"); return;
    case IValue::Tag::Tuple: {
      const auto& e = v.toTuple().elements;
      printSequence(os, e, "(", e.size() == 1 ? ",)" : ")");
      return;
    }
    case IValue::Tag::Dict: {
      os << '{';
      bool first = true;
      for (const auto& [key, value] : v.toDict().entries()) {
        if (!first) os << ", ";
        first = false;
        printValue(os, key);
        os << ": ";
        printValue(os, value);
      }
      os << '}';
      return;
    }
    case IValue::Tag::Object: {
      const auto& o = v.toObject();
      os << '<' << (o.type ? o.type->name() : std::string("object")) << " object at "
         << static_cast<const void*>(&o) << '>';
      return;
    }
    case IValue::Tag::Enum: v.print(os); return;  // Enum<Color.RED>
  }
}

std::string valueString(const IValue& v) {
  if (v.isString()) return v.toStringRef();
  std::ostringstream os;
  printValue(os, v);
  return os.str();
}

}  // namespace ember::ops::builtins
