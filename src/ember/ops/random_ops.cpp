// Registration of the random family (kernels/random.h). Generator arguments
// must be None: ember has no Generator objects.
#include "ember/kernels/factory.h"
#include "ember/kernels/random.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

namespace {

using OptDType = std::optional<DType>;
using OptLayout = std::optional<Layout>;
using OptDevice = std::optional<Device>;
using OptBool = std::optional<bool>;
using OptFormat = std::optional<MemoryFormat>;

void noGenerator(const IValue& g) { EMBER_CHECK(g.isNone(), "ember does not support torch.Generator arguments"); }

}  // namespace

void registerRandomOps(Registry& r) {
  r.def("aten::bernoulli_.float(Tensor(a!) self, float p=0.5, *, Generator? generator=None) -> Tensor(a!)",
        [](const Tensor& self, double p, const IValue& g) {
          noGenerator(g);
          return k::bernoulli_(self, p);
        });
  r.def("aten::bernoulli_.Tensor(Tensor(a!) self, Tensor p, *, Generator? generator=None) -> Tensor(a!)",
        [](const Tensor& self, const Tensor& p, const IValue& g) {
          noGenerator(g);
          return k::bernoulli_(self, p);
        });
  r.def("aten::bernoulli(Tensor self, *, Generator? generator=None) -> Tensor", [](const Tensor& self, const IValue& g) {
    noGenerator(g);
    return k::bernoulli(self);
  });
  r.def("aten::bernoulli.p(Tensor self, float p, *, Generator? generator=None) -> Tensor",
        [](const Tensor& self, double p, const IValue& g) {
          noGenerator(g);
          return k::bernoulli(self, p);
        });
  r.def("aten::bernoulli.Tensor(Tensor self, Tensor p, *, Generator? generator=None) -> Tensor",
        [](const Tensor& self, const Tensor& p, const IValue& g) {
          noGenerator(g);
          return k::bernoulli(self, p);
        });
  r.def("aten::uniform_(Tensor(a!) self, float from=0., float to=1., *, Generator? generator=None) -> Tensor(a!)",
        [](const Tensor& self, double from, double to, const IValue& g) {
          noGenerator(g);
          return k::uniform_(self, from, to);
        });
  r.def("aten::normal_(Tensor(a!) self, float mean=0., float std=1., *, Generator? generator=None) -> Tensor(a!)",
        [](const Tensor& self, double mean, double std, const IValue& g) {
          noGenerator(g);
          return k::normal_(self, mean, std);
        });
  r.def("aten::rand(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        [](IntArrayRef size, OptDType dtype, OptLayout, OptDevice device, OptBool) {
          k::checkCpuDevice(device);
          return k::rand(size, dtype);
        });
  r.def("aten::randn(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        [](IntArrayRef size, OptDType dtype, OptLayout, OptDevice device, OptBool) {
          k::checkCpuDevice(device);
          return k::randn(size, dtype);
        });
  r.def("aten::rand_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        [](const Tensor& self, OptDType dtype, OptLayout, OptDevice device, OptBool, OptFormat) {
          k::checkCpuDevice(device);
          return k::randLike(self, dtype);
        });
  r.def("aten::randn_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        [](const Tensor& self, OptDType dtype, OptLayout, OptDevice device, OptBool, OptFormat) {
          k::checkCpuDevice(device);
          return k::randnLike(self, dtype);
        });
  r.def("aten::randint(int high, int[] size, *, ScalarType? dtype=4, Layout? layout=None, Device? device=None, "
        "bool? pin_memory=None) -> Tensor",
        [](int64_t high, IntArrayRef size, OptDType dtype, OptLayout, OptDevice device, OptBool) {
          k::checkCpuDevice(device);
          return k::randint(0, high, size, dtype);
        });
  r.def("aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=4, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        [](int64_t low, int64_t high, IntArrayRef size, OptDType dtype, OptLayout, OptDevice device, OptBool) {
          k::checkCpuDevice(device);
          return k::randint(low, high, size, dtype);
        });
  r.def("aten::randint_like(Tensor self, int high, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        [](const Tensor& self, int64_t high, OptDType dtype, OptLayout, OptDevice device, OptBool, OptFormat) {
          k::checkCpuDevice(device);
          return k::randintLike(self, 0, high, dtype);
        });
  r.def("aten::randperm(int n, *, ScalarType? dtype=4, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        [](int64_t n, OptDType dtype, OptLayout, OptDevice device, OptBool) {
          k::checkCpuDevice(device);
          return k::randperm(n, dtype);
        });
}

}  // namespace ember::ops
