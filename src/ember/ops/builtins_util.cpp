#include "ember/ops/builtins_util.h"

#include <algorithm>

namespace ember::ops::builtins {

int64_t sliceIndicesAdjust(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  EMBER_CHECK(step != 0, "List slice should have non-zero step");
  EMBER_CHECK(step >= -INT64_MAX, "List slice step is out of bounds");
  if (*start == INT64_MAX) *start = step < 0 ? INT64_MAX : 0;
  if (*stop == INT64_MAX) *stop = step < 0 ? INT64_MIN : INT64_MAX;
  auto clamp = [&](int64_t* v) {
    if (*v < 0) {
      *v += length;
      if (*v < 0) *v = step < 0 ? -1 : 0;
    } else if (*v >= length) {
      *v = step < 0 ? length - 1 : length;
    }
  };
  clamp(start);
  clamp(stop);
  if (step < 0) return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
  return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

namespace {

// The single element of a comparison between a and b, after checking that
// their broadcast shape holds exactly one element (what bool(a == b) needs).
void checkOneElementComparison(const Tensor& a, const Tensor& b) {
  const int64_t na = a.dim(), nb = b.dim();
  const int64_t n = std::max(na, nb);
  int64_t numel = 1;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t da = i < n - na ? 1 : a.size(i - (n - na));
    const int64_t db = i < n - nb ? 1 : b.size(i - (n - nb));
    EMBER_CHECK(da == db || da == 1 || db == 1,
                "The size of tensor a ({}) must match the size of tensor b ({}) at non-singleton dimension {}", da, db,
                i);
    numel *= da == 1 ? db : da;
  }
  EMBER_CHECK(numel != 0, "Boolean value of Tensor with no values is ambiguous");
  EMBER_CHECK(numel == 1, "Boolean value of Tensor with more than one value is ambiguous");
}

template <class F>
bool compareOne(const Tensor& a, const Tensor& b, F cmp) {
  checkOneElementComparison(a, b);
  const Scalar x = a.item(), y = b.item();
  if (x.isFloating() || y.isFloating()) return cmp(x.toDouble(), y.toDouble());
  return cmp(x.toInt(), y.toInt());
}

}  // namespace

bool tensorEquals(const Tensor& a, const Tensor& b) {
  return compareOne(a, b, [](auto x, auto y) { return x == y; });
}

bool tensorLess(const Tensor& a, const Tensor& b) {
  return compareOne(a, b, [](auto x, auto y) { return x < y; });
}

bool tensorIsNonzero(const Tensor& t) {
  EMBER_CHECK(t.numel() != 0, "Boolean value of Tensor with no values is ambiguous");
  EMBER_CHECK(t.numel() == 1, "Boolean value of Tensor with more than one value is ambiguous");
  const Scalar s = t.item();
  if (s.isFloating()) return s.toDouble() != 0;
  return s.toInt() != 0;
}

void throwStringAtError(size_t pos, size_t size) {
  EMBER_FAIL_KIND(Index, "basic_string::at: __n (which is {}) >= this->size() (which is {})", pos, size);
}

}  // namespace ember::ops::builtins
