// Runs tools/oracle/ops/nn.py's PyTorch cases through the op registry (via the
// text dump of tests/kernels/nn_oracle_dump.py). A stopgap until the
// conformance runner loads the torch.save fixtures; it skips when PyTorch is
// not installed. EMBER_NN_ORACLE_VERBOSE=1 also lists error-message mismatches.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember {
namespace {

class Reader {
 public:
  explicit Reader(std::string text) : in_(std::move(text)) {}
  std::string word() {
    std::string w;
    in_ >> w;
    return w;
  }
  int64_t integer() { return std::stoll(word()); }
  double real() { return std::strtod(word().c_str(), nullptr); }
  bool done() {
    in_ >> std::ws;
    return in_.eof();
  }

  // Values: see nn_oracle_dump.py.
  IValue value() {
    const std::string tag = word();
    if (tag == "N") return IValue();
    if (tag == "B") return IValue(integer() != 0);
    if (tag == "I") return IValue(integer());
    if (tag == "F") return IValue(real());
    if (tag == "D") return IValue(integer());
    if (tag == "S") {
      const int64_t n = integer();
      in_.get();  // the separating space
      std::string s(static_cast<size_t>(n), '\0');
      in_.read(s.data(), n);
      return IValue(s);
    }
    if (tag == "T") return IValue(tensor());
    if (tag == "L" || tag == "U") {
      const int64_t n = integer();
      std::vector<IValue> elems;
      for (int64_t i = 0; i < n; ++i) elems.push_back(value());
      return IValue(makeTuple(std::move(elems)));
    }
    throw std::runtime_error("bad tag " + tag);
  }

 private:
  Tensor tensor() {
    const DType dtype = dtypeFromId(integer());
    const int64_t nd = integer();
    std::vector<int64_t> sizes(static_cast<size_t>(nd)), strides(static_cast<size_t>(nd));
    for (auto& s : sizes) s = integer();
    for (auto& s : strides) s = integer();
    const int64_t offset = integer(), n = integer();
    Tensor storage = Tensor::empty({n}, dtype);
    visitDType(dtype, [&]<class T>() {
      T* p = storage.data<T>();
      for (int64_t i = 0; i < n; ++i) {
        if constexpr (std::is_integral_v<T>) p[i] = static_cast<T>(integer());
        else if constexpr (std::is_same_v<T, double>) p[i] = real();
        else p[i] = static_cast<T>(static_cast<float>(real()));
      }
    });
    return storage.asStrided(sizes, strides, offset);
  }

  std::istringstream in_;
};

struct Case {
  std::string name, op;
  std::vector<IValue> args;
  std::vector<std::pair<std::string, IValue>> kwargs;
  bool isError = false;
  IValue expected;
  std::string error;
  double rtol = 0, atol = 0;
  bool checkValues = true;
};

std::string describe(const IValue& v) {
  if (v.isTensor()) {
    std::ostringstream os;
    v.toTensor().print(os);
    return os.str();
  }
  if (v.isTuple()) {
    std::string s = "(";
    for (const auto& e : v.toTuple().elements) s += describe(e) + ", ";
    return s + ")";
  }
  if (v.isDouble()) return std::to_string(v.toDouble());
  if (v.isInt()) return std::to_string(v.toInt());
  return "<value>";
}

// Empty string when equal, else what differs.
std::string compare(const IValue& got, const IValue& want, const Case& c) {
  if (want.isTuple()) {
    if (!got.isTuple() && !got.isList()) return "expected a tuple";
    const auto& g = got.isTuple() ? got.toTuple().elements : got.toList().elements;
    const auto& w = want.toTuple().elements;
    if (g.size() != w.size()) return "tuple sizes differ";
    for (size_t i = 0; i < w.size(); ++i) {
      std::string d = compare(g[i], w[i], c);
      if (!d.empty()) return "element " + std::to_string(i) + ": " + d;
    }
    return "";
  }
  if (want.isTensor()) {
    if (!got.isTensor()) return "expected a tensor";
    const Tensor& a = got.toTensor();
    const Tensor& b = want.toTensor();
    if (a.dtype() != b.dtype())
      return fmt::format("dtype {} vs expected {}", dtypeName(a.dtype()), dtypeName(b.dtype()));
    if (!std::equal(a.sizes().begin(), a.sizes().end(), b.sizes().begin(), b.sizes().end()))
      return fmt::format("shape {} vs expected {}", shapeString(a.sizes()), shapeString(b.sizes()));
    if (!c.checkValues) return "";
    std::vector<double> av = a.toVector<double>(), bv = b.toVector<double>();
    for (size_t i = 0; i < av.size(); ++i) {
      const double x = av[i], y = bv[i];
      if (std::isnan(x) && std::isnan(y)) continue;
      const bool ok = isFloating(b.dtype()) ? (x == y || std::abs(x - y) <= c.atol + c.rtol * std::abs(y)) : x == y;
      if (!ok) return fmt::format("element {}: {} vs expected {} (max index {})", i, x, y, av.size());
    }
    return "";
  }
  if (want.isDouble()) return got.isDouble() && std::abs(got.toDouble() - want.toDouble()) <= c.atol + c.rtol * std::abs(want.toDouble()) ? "" : "scalar differs";
  if (want.isInt()) return got.isInt() && got.toInt() == want.toInt() ? "" : "int differs";
  if (want.isBool()) return got.isBool() && got.toBool() == want.toBool() ? "" : "bool differs";
  return "";
}

std::vector<Case> loadCases(const std::string& path) {
  std::ifstream f(path);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(f, line)) {
    Reader r(line);
    Case c;
    if (r.word() != "CASE") continue;
    c.name = r.word();
    c.op = r.word();
    r.word();  // ARGS
    IValue args = r.value();
    c.args = args.toTuple().elements;
    r.word();  // KWARGS
    const int64_t nk = r.integer();
    for (int64_t i = 0; i < nk; ++i) {
      std::string k = r.word();
      c.kwargs.emplace_back(k, r.value());
    }
    const std::string kind = r.word();
    if (kind == "ERROR") {
      c.isError = true;
      c.error = r.value().toStringRef();
    } else {
      c.expected = r.value();
    }
    r.word();  // TOL
    c.rtol = r.real();
    c.atol = r.real();
    c.checkValues = r.integer() != 0;
    cases.push_back(std::move(c));
  }
  return cases;
}

TEST(NnOracle, MatchesPyTorch) {
  const std::string out = std::string(EMBER_BINARY_DIR) + "/nn_oracle_cases.txt";
  const std::string cmd = std::string(EMBER_PYTHON) + " " + EMBER_SOURCE_DIR + "/tests/kernels/nn_oracle_dump.py " +
                          out + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "PyTorch oracle not available";
  std::vector<Case> cases = loadCases(out);
  ASSERT_GT(cases.size(), 100u);
  const bool verbose = std::getenv("EMBER_NN_ORACLE_VERBOSE") != nullptr;
  int failures = 0, messageMismatches = 0;
  for (const Case& c : cases) {
    const ops::Operator* op = ops::Registry::global().find(c.op);
    if (!op) {
      ADD_FAILURE() << c.name << ": operator " << c.op << " not registered";
      ++failures;
      continue;
    }
    try {
      IValue got = ops::callOp(*op, c.args, c.kwargs);
      if (c.isError) {
        ADD_FAILURE() << c.name << ": PyTorch raised '" << c.error << "' but ember returned " << describe(got);
        ++failures;
        continue;
      }
      std::string diff = compare(got, c.expected, c);
      if (!diff.empty()) {
        ADD_FAILURE() << c.name << ": " << diff;
        ++failures;
      }
    } catch (const Error& e) {
      if (!c.isError) {
        ADD_FAILURE() << c.name << ": ember raised " << e.kindName() << ": " << e.what();
        ++failures;
        continue;
      }
      const std::string mine = std::string(e.kindName()) + ": " + e.what();
      if (mine.rfind(c.error, 0) != 0 && c.error.find(e.what()) == std::string::npos) {
        ++messageMismatches;
        if (verbose) std::printf("message %s:\n  pytorch: %s\n  ember:   %s\n", c.name.c_str(), c.error.c_str(), mine.c_str());
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << c.name << ": ember threw a non-ember exception: " << e.what();
      ++failures;
    }
  }
  std::printf("nn oracle: %zu cases, %d failures, %d error-message mismatches\n", cases.size(), failures,
              messageMismatches);
}

}  // namespace
}  // namespace ember
