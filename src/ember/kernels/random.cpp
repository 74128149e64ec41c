// Random sampling. Values are drawn into a contiguous buffer of the output's
// dtype and copied into strided outputs, so every kernel has one tight loop.
#include "ember/kernels/random.h"

#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "ember/kernels/dispatch.h"
#include "ember/kernels/elementwise_util.h"
#include "ember/kernels/shape.h"
#include "ember/support/error.h"
#include "ember/tensor/promotion.h"

namespace ember::kernels {

namespace {

// PyTorch's default CPU seed; threads get distinct streams.
constexpr uint64_t kDefaultSeed = 67280421310721ULL;

std::mt19937_64& engine() {
  static std::atomic<uint64_t> threads{0};
  thread_local std::mt19937_64 e(kDefaultSeed + 0x9E3779B97F4A7C15ULL * threads.fetch_add(1));
  return e;
}

// Uniform double in [0, 1) from 53 random bits.
inline double uniform01(std::mt19937_64& e) { return static_cast<double>(e() >> 11) * 0x1.0p-53; }

// Runs fill(T* out, n) on a contiguous tensor of self's shape and dtype, then
// writes it into self (which may be strided).
template <class T, class F>
void fillInto(const Tensor& self, F&& fill) {
  if (self.isContiguous()) {
    fill(self.data<T>(), self.numel());
    return;
  }
  Tensor tmp = Tensor::empty(self.sizes(), self.dtype());
  fill(tmp.data<T>(), tmp.numel());
  self.copyFrom(tmp);
}

void checkSizes(IntArrayRef size) {
  for (int64_t s : size) {
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension {}: {}", s, shapeString(size));
  }
}

template <class T>
T fromDouble(double v) {
  if constexpr (std::is_same_v<T, bool>) return v != 0;
  else return static_cast<T>(v);
}

}  // namespace

void manualSeed(uint64_t seed) { engine().seed(seed); }

Tensor bernoulli_(const Tensor& self, double p) {
  EMBER_CHECK(p >= 0 && p <= 1, "bernoulli_ expects p to be in [0, 1], but got p={}", p);
  dispatch<kAllTypes | kBool | kBFloat16>(self.dtype(), "bernoulli_scalar_cpu_", [&]<class T>() {
    fillInto<T>(self, [&](T* out, int64_t n) {
      auto& e = engine();
      for (int64_t i = 0; i < n; ++i) out[i] = fromDouble<T>(uniform01(e) < p ? 1.0 : 0.0);
    });
  });
  return self;
}

Tensor bernoulli_(const Tensor& self, const Tensor& p) {
  const Tensor pv = expand(p, self.sizes()).contiguous();
  dispatch<kFloatingTypes | kBFloat16 | kHalf>(pv.dtype(), "bernoulli_tensor_cpu_p_", [&]<class P>() {
    const P* pp = pv.data<P>();
    for (int64_t i = 0; i < pv.numel(); ++i) {
      const double v = static_cast<double>(pp[i]);
      if (!(v >= 0 && v <= 1)) {
        EMBER_FAIL("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be "
                   "improved?  If so, please report an enhancement request to PyTorch.)");
      }
    }
    dispatch<kAllTypes | kBool | kBFloat16 | kHalf>(self.dtype(), "bernoulli_tensor_cpu_self_", [&]<class T>() {
      fillInto<T>(self, [&](T* out, int64_t n) {
        auto& e = engine();
        for (int64_t i = 0; i < n; ++i) out[i] = fromDouble<T>(uniform01(e) < static_cast<double>(pp[i]) ? 1.0 : 0.0);
      });
    });
  });
  return self;
}

Tensor bernoulli(const Tensor& self) { return bernoulli_(Tensor::empty(self.sizes(), self.dtype()), self); }

Tensor bernoulli(const Tensor& self, double p) { return bernoulli_(Tensor::empty(self.sizes(), self.dtype()), p); }

Tensor bernoulli(const Tensor& self, const Tensor& p) {
  return bernoulli_(Tensor::empty(self.sizes(), self.dtype()), p);
}

Tensor uniform_(const Tensor& self, double from, double to) {
  dispatch<kFloatingTypes | kBFloat16 | kHalf>(self.dtype(), "check_uniform_bounds", [&]<class T>() {
    EMBER_CHECK(from <= to, "uniform_ expects to return a [from, to) range, but found from={} > to={}",
                from, to);
    fillInto<T>(self, [&](T* out, int64_t n) {
      auto& e = engine();
      for (int64_t i = 0; i < n; ++i) out[i] = static_cast<T>(from + (to - from) * uniform01(e));
    });
  });
  return self;
}

Tensor normal_(const Tensor& self, double mean, double std) {
  EMBER_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std {}", std);
  dispatch<kFloatingTypes | kBFloat16 | kHalf>(self.dtype(), "normal_kernel_cpu", [&]<class T>() {
    fillInto<T>(self, [&](T* out, int64_t n) {
      auto& e = engine();
      std::normal_distribution<double> d(0.0, 1.0);
      for (int64_t i = 0; i < n; ++i) out[i] = static_cast<T>(mean + std * d(e));
    });
  });
  return self;
}

Tensor rand(IntArrayRef size, std::optional<DType> dtype) {
  checkSizes(size);
  return uniform_(Tensor::empty(size, dtype.value_or(kDefaultFloat)), 0.0, 1.0);
}

Tensor randn(IntArrayRef size, std::optional<DType> dtype) {
  checkSizes(size);
  return normal_(Tensor::empty(size, dtype.value_or(kDefaultFloat)), 0.0, 1.0);
}

Tensor randLike(const Tensor& self, std::optional<DType> dtype) {
  return uniform_(Tensor::empty(self.sizes(), dtype.value_or(self.dtype())), 0.0, 1.0);
}

Tensor randnLike(const Tensor& self, std::optional<DType> dtype) {
  return normal_(Tensor::empty(self.sizes(), dtype.value_or(self.dtype())), 0.0, 1.0);
}

Tensor randintLike(const Tensor& self, int64_t low, int64_t high, std::optional<DType> dtype) {
  return randint(low, high, self.sizes(), dtype.value_or(self.dtype()));
}

Tensor randint(int64_t low, int64_t high, IntArrayRef size, std::optional<DType> dtype) {
  checkSizes(size);
  Tensor out = Tensor::empty(size, dtype.value_or(DType::Long));
  EMBER_CHECK(low < high, "random_ expects 'from' to be less than 'to', but got from={} >= to={}", low, high);
  if (out.dtype() == DType::Bool) {
    EMBER_CHECK(low >= 0 && low <= 1, "from is out of bounds for bool");
    EMBER_CHECK(high >= 0 && high <= 2, "to is out of bounds for bool");
  }
  const uint64_t range = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
  dispatch<kEveryType>(out.dtype(), "random_from_to", [&]<class T>() {
    T* p = out.data<T>();
    auto& e = engine();
    for (int64_t i = 0; i < out.numel(); ++i) {
      p[i] = fromDouble<T>(static_cast<double>(low + static_cast<int64_t>(e() % range)));
    }
  });
  return out;
}

Tensor randperm(int64_t n, std::optional<DType> dtype) {
  checkSizes({n});
  const DType dt = dtype.value_or(DType::Long);
  Tensor out = Tensor::empty({n}, dt);
  dispatch<kAllTypes | kHalf | kBFloat16>(dt, "randperm", [&]<class T>() {
    if constexpr (std::is_integral_v<T>) {
      if (n > 0 && n - 1 > static_cast<int64_t>(std::numeric_limits<T>::max())) failScalarOverflow(dt);
    }
    std::vector<int64_t> perm(static_cast<size_t>(n));
    std::iota(perm.begin(), perm.end(), int64_t{0});
    auto& e = engine();
    for (int64_t i = n - 1; i > 0; --i) {
      std::swap(perm[static_cast<size_t>(i)], perm[static_cast<size_t>(e() % static_cast<uint64_t>(i + 1))]);
    }
    T* p = out.data<T>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(perm[static_cast<size_t>(i)]);
  });
  return out;
}

}  // namespace ember::kernels
