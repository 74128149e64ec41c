#include "compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "ember/value/containers.h"

namespace ember::testing {

namespace {

std::string compareTensors(const Tensor& a, const Tensor& e, const Tolerance& tol, const std::string& where) {
  if (a.dtype() != e.dtype())
    return fmt::format("{}: dtype {} != expected {}", where, dtypeName(a.dtype()), dtypeName(e.dtype()));
  if (!(a.sizes() == e.sizes()))
    return fmt::format("{}: shape {} != expected {}", where, shapeString(a.sizes()), shapeString(e.sizes()));
  if (!tol.checkValues) return {};
  if (isFloating(e.dtype())) {
    auto av = a.toVector<double>(), ev = e.toVector<double>();
    for (size_t i = 0; i < ev.size(); ++i) {
      double x = av[i], y = ev[i];
      if (std::isnan(y) && std::isnan(x)) continue;
      if (std::isinf(y) && x == y) continue;
      if (!(std::abs(x - y) <= tol.atol + tol.rtol * std::abs(y)))
        return fmt::format("{}: element {} is {} but expected {} (rtol {}, atol {})", where, i, x, y, tol.rtol,
                           tol.atol);
    }
    return {};
  }
  auto av = a.toVector<int64_t>(), ev = e.toVector<int64_t>();
  for (size_t i = 0; i < ev.size(); ++i)
    if (av[i] != ev[i]) return fmt::format("{}: element {} is {} but expected {}", where, i, av[i], ev[i]);
  return {};
}

std::string compareAt(const IValue& a, const IValue& e, const Tolerance& tol, const std::string& where) {
  if (a.tag() != e.tag())
    return fmt::format("{}: got {} ({}) but expected {} ({})", where, a.tagName(), a.reprStr(), e.tagName(),
                       e.reprStr());
  switch (e.tag()) {
    case IValue::Tag::Tensor: return compareTensors(a.toTensor(), e.toTensor(), tol, where);
    case IValue::Tag::Double: {
      double x = a.toDouble(), y = e.toDouble();
      if ((std::isnan(x) && std::isnan(y)) || x == y || std::abs(x - y) <= tol.atol + tol.rtol * std::abs(y)) return {};
      return fmt::format("{}: {} != expected {}", where, x, y);
    }
    case IValue::Tag::List:
    case IValue::Tag::Tuple: {
      const auto& ae = a.isList() ? a.toList().elements : a.toTuple().elements;
      const auto& ee = e.isList() ? e.toList().elements : e.toTuple().elements;
      if (ae.size() != ee.size())
        return fmt::format("{}: length {} != expected {}", where, ae.size(), ee.size());
      for (size_t i = 0; i < ee.size(); ++i) {
        std::string d = compareAt(ae[i], ee[i], tol, fmt::format("{}[{}]", where, i));
        if (!d.empty()) return d;
      }
      return {};
    }
    case IValue::Tag::Dict: {
      const auto& ad = a.toDict().entries();
      const auto& ed = e.toDict().entries();
      if (ad.size() != ed.size()) return fmt::format("{}: {} keys != expected {}", where, ad.size(), ed.size());
      for (size_t i = 0; i < ed.size(); ++i) {
        if (!ad[i].first.equals(ed[i].first))
          return fmt::format("{}: key {} is {} but expected {}", where, i, ad[i].first.reprStr(), ed[i].first.reprStr());
        std::string d = compareAt(ad[i].second, ed[i].second, tol, fmt::format("{}[{}]", where, ed[i].first.reprStr()));
        if (!d.empty()) return d;
      }
      return {};
    }
    default:
      if (a.equals(e)) return {};
      return fmt::format("{}: {} != expected {}", where, a.reprStr(), e.reprStr());
  }
}

}  // namespace

std::string compareValues(const IValue& actual, const IValue& expected, const Tolerance& tol) {
  return compareAt(actual, expected, tol, "result");
}

int conformanceMain(int argc, char** argv, const char* tool, int (*registerCases)(const std::string& path)) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc < 2) {
    std::cerr << "usage: " << tool << " CASES.pt...\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    try {
      registerCases(argv[i]);
    } catch (const std::exception& e) {
      std::cerr << argv[i] << ": " << e.what() << '\n';
      return 2;
    }
  }
  return RUN_ALL_TESTS();
}

}  // namespace ember::testing
