// The operator registry: the one piece of global state (house rule 7).
// Every op is declared by its PyTorch schema string and bound to a kernel.
// Kernels use a stack calling convention: the caller pushes every argument in
// schema order (defaults already filled), the kernel pops them and pushes the
// returns.
//
// Typed C++ functions are wrapped automatically:
//   r.def("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor", &kernels::add);
// where kernels::add is `Tensor add(const Tensor&, const Tensor&, const Scalar&)`.
// Schema types map to C++ parameter types as:
//   Tensor -> const Tensor&      Tensor? -> const std::optional<Tensor>&
//   int -> int64_t               float -> double        bool -> bool
//   Scalar -> const Scalar&      str -> std::string_view (or const std::string&)
//   int[] / int[N] / SymInt[] -> IntArrayRef            int[]? -> std::optional<IntArrayRef>
//   float[] -> ArrayRef<double>  Tensor[] -> const std::vector<Tensor>&
//   Tensor?[] -> const std::vector<std::optional<Tensor>>&
//   ScalarType -> DType          ScalarType? -> std::optional<DType>
//   Layout? / Device? / bool? / MemoryFormat? -> std::optional<Layout> / <Device> / <bool> / <MemoryFormat>
//   anything else -> const IValue&
// Returns: Tensor, std::tuple<Tensor, Tensor>, std::vector<Tensor>, int64_t, double, bool,
// Scalar, std::string, IValue, or void.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ember/ops/arg_traits.h"
#include "ember/ops/schema.h"

namespace ember::ops {

using Kernel = std::function<void(Stack&)>;

struct Operator {
  FunctionSchema schema;
  Kernel kernel;
  std::string qualifiedName;  // "aten::add.Tensor"
};

class Registry {
 public:
  // The process-wide registry, with every built-in op family registered on
  // first use (see builtin_ops.def).
  static Registry& global();

  const Operator& defBoxed(std::string_view schema, Kernel kernel);
  template <class F>
  const Operator& def(std::string_view schema, F&& fn) {
    return defTyped(schema, std::forward<F>(fn), &std::decay_t<F>::operator());
  }
  template <class R, class... Args>
  const Operator& def(std::string_view schema, R (*fn)(Args...)) {
    return defWrapped(schema, sizeof...(Args), wrapKernel(fn));
  }

  // "aten::add.Tensor"; nullptr if unknown.
  const Operator* find(std::string_view qualifiedName) const;
  // All overloads of "aten::add", in registration order.
  const std::vector<const Operator*>& overloads(std::string_view name) const;
  size_t size() const { return ops_.size(); }
  std::vector<const Operator*> all() const;

 private:
  template <class F, class C, class R, class... Args>
  const Operator& defTyped(std::string_view schema, F&& fn, R (C::*)(Args...) const) {
    return defWrapped(schema, sizeof...(Args), wrapKernel<R, Args...>(std::function<R(Args...)>(std::forward<F>(fn))));
  }
  const Operator& defWrapped(std::string_view schema, size_t cppArity, Kernel kernel);

  std::vector<std::unique_ptr<Operator>> ops_;
  std::unordered_map<std::string, const Operator*> byQualifiedName_;
  std::unordered_map<std::string, std::vector<const Operator*>> byName_;
};

// Builds the argument stack for a call by name: positional args, then kwargs
// by name, then defaults; int -> float and single int -> int[N] as PyTorch
// allows. Returns an error message instead when the call does not fit.
struct BoundCall {
  Stack stack;
  std::string error;  // empty on success
};
BoundCall bindArguments(const FunctionSchema& schema, const std::vector<IValue>& args,
                        const std::vector<std::pair<std::string, IValue>>& kwargs);

// Binds, runs and returns the result (a single value, or a tuple for several returns).
IValue callOp(const Operator& op, const std::vector<IValue>& args,
              const std::vector<std::pair<std::string, IValue>>& kwargs = {});

// Whether v can be passed where type t is expected (before conversions).
bool valueMatchesType(const IValue& v, const Type& t);

}  // namespace ember::ops
