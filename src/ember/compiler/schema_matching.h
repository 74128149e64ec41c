// Matching a call's arguments against an operator schema, as TorchScript
// does: positional then keyword arguments, defaults, type variables (t, t1),
// packing trailing positional ints into an int[] argument (`x.view(2, 3)`),
// homogeneous tuples as lists, and -- only when allowConversions is set --
// the implicit conversions TorchScript allows (Tensor -> int/float/Scalar,
// Scalar/bool -> int/float, str -> Device).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ember/ir/graph.h"
#include "ember/ops/schema.h"
#include "ember/support/source.h"

namespace ember::compiler {

struct NamedValue {
  ir::Value* value = nullptr;
  SourceRange range;
  std::string name;  // set for keyword arguments
};

struct MatchedSchema {
  std::vector<ir::Value*> inputs;
  std::vector<TypePtr> returnTypes;
};

// On success inserts whatever conversions the match needs at the graph's
// insertion point; on failure inserts nothing and says why in *why.
std::optional<MatchedSchema> tryMatchSchema(const ops::FunctionSchema& schema, ir::Graph& graph,
                                            const std::vector<NamedValue>& args,
                                            const std::vector<NamedValue>& kwargs, bool allowConversions,
                                            std::string* why, const ir::SourceLoc& loc);

// TorchScript's subtyping for argument passing (bool is not a Scalar here).
bool isSubtypeForArg(const TypePtr& actual, const TypePtr& formal);

// Python-style signature of a schema for messages: "add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor".
std::string describeSchema(const ops::FunctionSchema& schema);

}  // namespace ember::compiler
