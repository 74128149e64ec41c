#include "ember/kernels/factory.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "ember/kernels/movement_util.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

void checkCpuDevice(const std::optional<Device>& device) {
  if (device && device->type != Device::Type::CPU)
    EMBER_FAIL("ember computes on the CPU only: cannot create a tensor on device '{}'", device->str());
}

void fillWith(const Tensor& self, const Scalar& value) {
  visitDType(self.dtype(), [&]<class T>() {
    const T v = checkedScalarTo<T>(value);
    if (self.isContiguous()) {
      T* p = static_cast<T*>(self.rawData());
      std::fill(p, p + self.numel(), v);
      return;
    }
    self.copyFrom(broadcastView(Tensor::scalar(value, self.dtype()), self.sizes()));
  });
}

namespace {

Tensor zeroFilled(IntArrayRef size, DType dtype) {
  Tensor t = Tensor::empty(size, dtype);
  // All-zero bits are zero in every dtype (0.0, false, half 0).
  std::memset(t.rawData(), 0, t.nbytes());
  return t;
}

DType fillDType(const Scalar& s) {
  if (s.isBool()) return DType::Bool;
  if (s.isFloating()) return kDefaultFloat;
  return DType::Long;
}

}  // namespace

Tensor empty(IntArrayRef size, std::optional<DType> dtype) {
  return Tensor::empty(size, dtype.value_or(kDefaultFloat));
}

Tensor emptyStrided(IntArrayRef size, IntArrayRef stride, std::optional<DType> dtype) {
  EMBER_CHECK(size.size() == stride.size(), "mismatch in length of strides and shape");
  return Tensor::emptyStrided(size, stride, dtype.value_or(kDefaultFloat));
}

Tensor zeros(IntArrayRef size, std::optional<DType> dtype) { return zeroFilled(size, dtype.value_or(kDefaultFloat)); }

Tensor ones(IntArrayRef size, std::optional<DType> dtype) {
  return full(size, Scalar(int64_t(1)), dtype.value_or(kDefaultFloat));
}

Tensor full(IntArrayRef size, const Scalar& fillValue, std::optional<DType> dtype) {
  Tensor t = Tensor::empty(size, dtype.value_or(fillDType(fillValue)));
  fillWith(t, fillValue);
  return t;
}

Tensor emptyLike(const Tensor& self, std::optional<DType> dtype) {
  return Tensor::empty(self.sizes(), dtype.value_or(self.dtype()));
}
Tensor zerosLike(const Tensor& self, std::optional<DType> dtype) {
  return zeroFilled(self.sizes(), dtype.value_or(self.dtype()));
}
Tensor onesLike(const Tensor& self, std::optional<DType> dtype) {
  return full(self.sizes(), Scalar(int64_t(1)), dtype.value_or(self.dtype()));
}
Tensor fullLike(const Tensor& self, const Scalar& fillValue, std::optional<DType> dtype) {
  return full(self.sizes(), fillValue, dtype.value_or(self.dtype()));
}

Tensor newEmpty(const Tensor& self, IntArrayRef size, std::optional<DType> dtype) {
  return Tensor::empty(size, dtype.value_or(self.dtype()));
}
Tensor newZeros(const Tensor& self, IntArrayRef size, std::optional<DType> dtype) {
  return zeroFilled(size, dtype.value_or(self.dtype()));
}
Tensor newOnes(const Tensor& self, IntArrayRef size, std::optional<DType> dtype) {
  return full(size, Scalar(int64_t(1)), dtype.value_or(self.dtype()));
}
Tensor newFull(const Tensor& self, IntArrayRef size, const Scalar& fillValue, std::optional<DType> dtype) {
  return full(size, fillValue, dtype.value_or(self.dtype()));
}

// ---------------------------------------------------------------- ranges

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<DType> dtype) {
  const DType dt =
      dtype.value_or(start.isFloating() || end.isFloating() || step.isFloating() ? kDefaultFloat : DType::Long);
  EMBER_CHECK(dt != DType::Bool, "\"arange_cpu\" not implemented for 'Bool'");
  return visitDType(dt, [&]<class T>() -> Tensor {
    // PyTorch's CPU accumulate type: double for float, float for the half types, int64 for ints.
    using Acc = std::conditional_t<isReducedFloat<T>, float,
                                   std::conditional_t<std::is_floating_point_v<T>, double, int64_t>>;
    const Acc xstart = checkedScalarTo<Acc>(start), xend = checkedScalarTo<Acc>(end),
              xstep = checkedScalarTo<Acc>(step);
    EMBER_CHECK(xstep > 0 || xstep < 0, "step must be nonzero");
    EMBER_CHECK(std::isfinite(static_cast<double>(xstart)) && std::isfinite(static_cast<double>(xend)),
                "unsupported range: {} -> {}", xstart, xend);
    EMBER_CHECK((xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart),
                "upper bound and larger bound inconsistent with step sign");
    double sizeD;
    if constexpr (std::is_same_v<T, int64_t>) {
      // int64 keeps the exact integer formula: doubles lose precision there.
      const int64_t sgn = (xstep > 0) - (xstep < 0);
      sizeD = std::ceil(static_cast<double>((xend - xstart + xstep - sgn) / xstep));
    } else {
      sizeD = std::ceil((end.toDouble() - start.toDouble()) / step.toDouble());
    }
    EMBER_CHECK(sizeD >= 0 && sizeD <= static_cast<double>(std::numeric_limits<int64_t>::max()),
                "invalid size, possible overflow?");
    const int64_t n = static_cast<int64_t>(sizeD);
    Tensor t = Tensor::empty({n}, dt);
    T* p = t.data<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(xstart + xstep * static_cast<Acc>(i));
    return t;
  });
}

Tensor arange(const Scalar& end, std::optional<DType> dtype) {
  return arange(Scalar(int64_t(0)), end, Scalar(int64_t(1)), dtype);
}

Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, std::optional<DType> dtype) {
  EMBER_CHECK(steps >= 0, "number of steps must be non-negative");
  const DType dt = dtype.value_or(kDefaultFloat);
  Tensor t = Tensor::empty({steps}, dt);
  if (steps == 0) return t;
  if (steps == 1) {
    fillWith(t, start);
    return t;
  }
  visitDType(dt, [&]<class T>() {
    const T s = checkedScalarTo<T>(start), e = checkedScalarTo<T>(end);
    T* p = t.data<T>();
    const int64_t halfway = steps / 2;
    // The two halves count from each end, so both endpoints are exact.
    if constexpr (std::is_integral_v<T>) {
      const double step = (static_cast<double>(e) - static_cast<double>(s)) / static_cast<double>(steps - 1);
      for (int64_t i = 0; i < steps; ++i)
        p[i] = static_cast<T>(i < halfway ? static_cast<double>(s) + step * static_cast<double>(i)
                                          : static_cast<double>(e) - step * static_cast<double>(steps - i - 1));
    } else {
      // In T's own arithmetic, rounding after each operation like c10::Half does.
      auto num = [](int64_t i) {
        if constexpr (std::is_same_v<T, double>) return static_cast<double>(i);
        else return T(static_cast<float>(i));
      };
      const T step = T((e - s) / num(steps - 1));
      for (int64_t i = 0; i < steps; ++i)
        p[i] = i < halfway ? T(s + T(step * num(i))) : T(e - T(step * num(steps - i - 1)));
    }
  });
  return t;
}

Tensor eye(int64_t n, int64_t m, std::optional<DType> dtype) {
  EMBER_CHECK(n >= 0, "n must be greater or equal to 0, got {}", n);
  EMBER_CHECK(m >= 0, "m must be greater or equal to 0, got {}", m);
  Tensor t = zeroFilled({n, m}, dtype.value_or(kDefaultFloat));
  visitDType(t.dtype(), [&]<class T>() {
    T* p = t.data<T>();
    for (int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = T(1);
  });
  return t;
}

Tensor eye(int64_t n, std::optional<DType> dtype) { return eye(n, n, dtype); }

// ---------------------------------------------------------------- scalars

Tensor scalarTensor(const Scalar& s, std::optional<DType> dtype) {
  Tensor t = Tensor::empty({}, dtype.value_or(kDefaultFloat));
  fillWith(t, s);
  return t;
}

Tensor tensorFromScalar(const Scalar& s, std::optional<DType> dtype) {
  Tensor t = Tensor::empty({}, fillDType(s));
  fillWith(t, s);
  if (dtype && *dtype != t.dtype()) return t.to(*dtype);
  return t;
}

}  // namespace ember::kernels
