// Compares an ember result with PyTorch's: same Python types and nesting,
// tensors with the same dtype and shape, ints/bools/strings exact, floats
// within |actual - expected| <= atol + rtol * |expected| (NaN matches NaN).
#pragma once

#include <string>

#include "ember/value/ivalue.h"

namespace ember::testing {

struct Tolerance {
  double rtol = 0;
  double atol = 0;
  bool checkValues = true;  // false: dtype and shape only
};

// Empty string when equal; otherwise what differs and where ("[1].values: ...").
std::string compareValues(const IValue& actual, const IValue& expected, const Tolerance& tol);

// The main() of a conformance runner: initializes GoogleTest, registers the
// cases of every CASES.pt argument through registerCases, runs them. Exit 2
// for a missing argument or an unreadable case file.
int conformanceMain(int argc, char** argv, const char* tool, int (*registerCases)(const std::string& path));

}  // namespace ember::testing
