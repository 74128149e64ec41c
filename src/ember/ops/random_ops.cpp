// Registration of the random family (kernels/random.h).
#include "ember/kernels/random.h"
#include "ember/ops/builtin_ops.h"
#include "ember/ops/factory_args.h"
#include "ember/ops/registry.h"

namespace ember::ops {

namespace k = ember::kernels;

using OptDType = std::optional<DType>;

void registerRandomOps(Registry& r) {
  // k::bernoulli_ and k::bernoulli are overloaded: the lambdas pick the overload.
  r.def("aten::bernoulli_.float(Tensor(a!) self, float p=0.5, *, Generator? generator=None) -> Tensor(a!)",
        withoutGenerator<const Tensor&, double>([](const Tensor& self, double p) { return k::bernoulli_(self, p); }));
  r.def("aten::bernoulli_.Tensor(Tensor(a!) self, Tensor p, *, Generator? generator=None) -> Tensor(a!)",
        withoutGenerator<const Tensor&, const Tensor&>(
            [](const Tensor& self, const Tensor& p) { return k::bernoulli_(self, p); }));
  r.def("aten::bernoulli(Tensor self, *, Generator? generator=None) -> Tensor",
        withoutGenerator<const Tensor&>([](const Tensor& self) { return k::bernoulli(self); }));
  r.def("aten::bernoulli.p(Tensor self, float p, *, Generator? generator=None) -> Tensor",
        withoutGenerator<const Tensor&, double>([](const Tensor& self, double p) { return k::bernoulli(self, p); }));
  r.def("aten::bernoulli.Tensor(Tensor self, Tensor p, *, Generator? generator=None) -> Tensor",
        withoutGenerator<const Tensor&, const Tensor&>(
            [](const Tensor& self, const Tensor& p) { return k::bernoulli(self, p); }));
  r.def("aten::uniform_(Tensor(a!) self, float from=0., float to=1., *, Generator? generator=None) -> Tensor(a!)",
        withoutGenerator<const Tensor&, double, double>(&k::uniform_));
  r.def("aten::normal_(Tensor(a!) self, float mean=0., float std=1., *, Generator? generator=None) -> Tensor(a!)",
        withoutGenerator<const Tensor&, double, double>(&k::normal_));
  r.def("aten::rand(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<IntArrayRef>(&k::rand));
  r.def("aten::randn(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<IntArrayRef>(&k::randn));
  r.def("aten::rand_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&>(&k::randLike));
  r.def("aten::randn_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&>(&k::randnLike));
  r.def("aten::randint(int high, int[] size, *, ScalarType? dtype=4, Layout? layout=None, Device? device=None, "
        "bool? pin_memory=None) -> Tensor",
        withOptions<int64_t, IntArrayRef>(
            [](int64_t high, IntArrayRef size, OptDType dtype) { return k::randint(0, high, size, dtype); }));
  r.def("aten::randint.low(int low, int high, int[] size, *, ScalarType? dtype=4, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None) -> Tensor",
        withOptions<int64_t, int64_t, IntArrayRef>(&k::randint));
  r.def("aten::randint_like(Tensor self, int high, *, ScalarType? dtype=None, Layout? layout=None, Device? "
        "device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
        withLikeOptions<const Tensor&, int64_t>(
            [](const Tensor& self, int64_t high, OptDType dtype) { return k::randintLike(self, 0, high, dtype); }));
  r.def("aten::randperm(int n, *, ScalarType? dtype=4, Layout? layout=None, Device? device=None, bool? "
        "pin_memory=None) -> Tensor",
        withOptions<int64_t>(&k::randperm));
}

}  // namespace ember::ops
