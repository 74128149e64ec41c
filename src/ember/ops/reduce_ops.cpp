// Reductions, scans and softmax: schemas (PyTorch 1.13, verbatim) bound to
// kernels/reduce.h and kernels/softmax.h. The unbiased=bool overloads of
// std/var map to correction 1 or 0; the list overloads of sum/any/all are
// TorchScript's builtins on int[]/float[]/bool[]/str[].
// GCC 12 reports a false -Wmaybe-uninitialized inside std::optional<std::vector>
// when the int[]? argument holders of arg_traits.h are inlined here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include "ember/kernels/reduce.h"
#include "ember/kernels/softmax.h"
#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember::ops {

namespace {

namespace k = kernels;

std::optional<int64_t> correctionOf(bool unbiased) { return unbiased ? 1 : 0; }

template <class F>
bool anyElement(const IValue& list, F&& truthy) {
  for (const IValue& v : list.toList().elements)
    if (truthy(v)) return true;
  return false;
}


void registerVarianceOps(Registry& r) {
  r.def("aten::std(Tensor self, bool unbiased=True) -> Tensor",
        [](const Tensor& s, bool unbiased) { return k::stdDev(s, std::nullopt, correctionOf(unbiased), false); });
  r.def("aten::std.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor",
        [](const Tensor& s, std::optional<IntArrayRef> dim, bool unbiased, bool keepdim) {
          return k::stdDev(s, dim, correctionOf(unbiased), keepdim);
        });
  r.def("aten::std.correction(Tensor self, int[1]? dim, *, int? correction, bool keepdim=False) -> Tensor",
        &k::stdDev);
  r.def("aten::var(Tensor self, bool unbiased=True) -> Tensor",
        [](const Tensor& s, bool unbiased) { return k::variance(s, std::nullopt, correctionOf(unbiased), false); });
  r.def("aten::var.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> Tensor",
        [](const Tensor& s, std::optional<IntArrayRef> dim, bool unbiased, bool keepdim) {
          return k::variance(s, dim, correctionOf(unbiased), keepdim);
        });
  r.def("aten::var.correction(Tensor self, int[1]? dim, *, int? correction, bool keepdim=False) -> Tensor",
        &k::variance);
  r.def("aten::std_mean(Tensor self, bool unbiased=True) -> (Tensor, Tensor)",
        [](const Tensor& s, bool unbiased) { return k::stdMean(s, std::nullopt, correctionOf(unbiased), false); });
  r.def("aten::std_mean.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> (Tensor, Tensor)",
        [](const Tensor& s, std::optional<IntArrayRef> dim, bool unbiased, bool keepdim) {
          return k::stdMean(s, dim, correctionOf(unbiased), keepdim);
        });
  r.def(
      "aten::std_mean.correction(Tensor self, int[1]? dim, *, int? correction, bool keepdim=False) -> (Tensor, "
      "Tensor)",
      &k::stdMean);
  r.def("aten::var_mean(Tensor self, bool unbiased=True) -> (Tensor, Tensor)",
        [](const Tensor& s, bool unbiased) { return k::varMean(s, std::nullopt, correctionOf(unbiased), false); });
  r.def("aten::var_mean.dim(Tensor self, int[1]? dim, bool unbiased=True, bool keepdim=False) -> (Tensor, Tensor)",
        [](const Tensor& s, std::optional<IntArrayRef> dim, bool unbiased, bool keepdim) {
          return k::varMean(s, dim, correctionOf(unbiased), keepdim);
        });
  r.def(
      "aten::var_mean.correction(Tensor self, int[1]? dim, *, int? correction, bool keepdim=False) -> (Tensor, "
      "Tensor)",
      &k::varMean);
}

void registerNormOps(Registry& r) {
  r.def("aten::norm.Scalar(Tensor self, Scalar p=2) -> Tensor",
        [](const Tensor& s, const Scalar& p) { return k::norm(s, p, {}, false, std::nullopt); });
  r.def("aten::norm.ScalarOpt_dim(Tensor self, Scalar? p, int[1] dim, bool keepdim=False) -> Tensor",
        [](const Tensor& s, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim) {
          return k::norm(s, p, dim, keepdim, std::nullopt);
        });
  r.def(
      "aten::norm.ScalarOpt_dim_dtype(Tensor self, Scalar? p, int[1] dim, bool keepdim, *, ScalarType dtype) -> "
      "Tensor",
      [](const Tensor& s, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim, DType dtype) {
        return k::norm(s, p, dim, keepdim, dtype);
      });
  r.def("aten::norm.ScalarOpt_dtype(Tensor self, Scalar? p, *, ScalarType dtype) -> Tensor",
        [](const Tensor& s, const std::optional<Scalar>& p, DType dtype) { return k::norm(s, p, {}, false, dtype); });
  r.def(
      "aten::linalg_vector_norm(Tensor self, Scalar ord=2, int[1]? dim=None, bool keepdim=False, *, ScalarType? "
      "dtype=None) -> Tensor",
      &k::linalgVectorNorm);
  r.def("aten::frobenius_norm(Tensor self) -> Tensor",
        [](const Tensor& s) { return k::norm(s, Scalar(2.0), {}, false, std::nullopt); });
  r.def("aten::frobenius_norm.dim(Tensor self, int[1] dim, bool keepdim=False) -> Tensor", &k::frobeniusNorm);
}

}  // namespace

void registerReduceOps(Registry& r) {
  r.def("aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor", &k::sum);
  r.def("aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
        &k::sumDim);
  r.def("aten::nansum(Tensor self, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
        &k::nansum);
  r.def("aten::mean(Tensor self, *, ScalarType? dtype=None) -> Tensor", &k::mean);
  r.def("aten::mean.dim(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
        &k::meanDim);
  r.def("aten::nanmean(Tensor self, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
        &k::nanmean);
  r.def("aten::prod(Tensor self, *, ScalarType? dtype=None) -> Tensor", &k::prod);
  r.def("aten::prod.dim_int(Tensor self, int dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
        &k::prodDim);
  r.def("aten::count_nonzero(Tensor self, int? dim=None) -> Tensor", &k::countNonzero);
  r.def("aten::count_nonzero.dim_IntList(Tensor self, int[] dim) -> Tensor", &k::countNonzeroDims);
  r.def("aten::logsumexp(Tensor self, int[1] dim, bool keepdim=False) -> Tensor", &k::logsumexp);

  r.def("aten::amax(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor", &k::amax);
  r.def("aten::amin(Tensor self, int[1] dim=[], bool keepdim=False) -> Tensor", &k::amin);
  r.def("aten::max(Tensor self) -> Tensor", &k::max);
  r.def("aten::min(Tensor self) -> Tensor", &k::min);
  r.def("aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)", &k::maxDim);
  r.def("aten::min.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)", &k::minDim);
  r.def("aten::argmax(Tensor self, int? dim=None, bool keepdim=False) -> Tensor", &k::argmax);
  r.def("aten::argmin(Tensor self, int? dim=None, bool keepdim=False) -> Tensor", &k::argmin);
  r.def("aten::aminmax(Tensor self, *, int? dim=None, bool keepdim=False) -> (Tensor min, Tensor max)", &k::aminmax);
  r.def("aten::any(Tensor self) -> Tensor", &k::any);
  r.def("aten::any.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", &k::anyDim);
  r.def("aten::all(Tensor self) -> Tensor", &k::all);
  r.def("aten::all.dim(Tensor self, int dim, bool keepdim=False) -> Tensor", &k::allDim);
  // any/all/sum over lists of numbers are list builtins (builtins_list.cpp).

  registerVarianceOps(r);
  registerNormOps(r);

  r.def("aten::cumsum(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor", &k::cumsum);
  r.def("aten::cumsum_(Tensor(a!) self, int dim, *, ScalarType? dtype=None) -> Tensor(a!)", &k::cumsum_);
  r.def("aten::cumprod(Tensor self, int dim, *, ScalarType? dtype=None) -> Tensor", &k::cumprod);
  r.def("aten::cumprod_(Tensor(a!) self, int dim, *, ScalarType? dtype=None) -> Tensor(a!)", &k::cumprod_);

  r.def("aten::softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor", &k::softmax);
  r.def("aten::log_softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor", &k::logSoftmax);
  r.def("aten::_softmax(Tensor self, int dim, bool half_to_float) -> Tensor", &k::softmaxRaw);
  r.def("aten::_log_softmax(Tensor self, int dim, bool half_to_float) -> Tensor", &k::logSoftmaxRaw);
}

}  // namespace ember::ops
