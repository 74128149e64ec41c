// Operator schemas in PyTorch's signature language:
//   aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor
//   aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)
//   aten::format(str self, ...) -> str
// The parser accepts every line of shared/reference/schemas-pytorch-1.13.txt.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ember/types/type.h"
#include "ember/value/ivalue.h"

namespace ember::ops {

struct Argument {
  std::string name;
  TypePtr type;
  std::optional<IValue> defaultValue;
  std::optional<int64_t> fixedSize;  // int[2]: a single int broadcasts to this many
  bool kwargOnly = false;
  bool isWrite = false;  // Tensor(a!): written in place (out= and in-place ops)
  std::string aliasSet;  // "a" in Tensor(a) / Tensor(a!)
};

struct FunctionSchema {
  std::string name;      // "aten::add"
  std::string overload;  // "Tensor" (empty for the default overload)
  std::vector<Argument> arguments;
  std::vector<Argument> returns;
  bool varArgs = false;  // `...` in the arguments (aten::format)
  bool varRets = false;

  // "aten::add.Tensor"
  std::string qualifiedName() const { return overload.empty() ? name : name + "." + overload; }
  std::optional<size_t> argumentIndex(std::string_view argName) const;
  bool isInPlace() const;  // self is written (add_)
  void print(std::ostream& os) const;
  std::string str() const;
};

std::ostream& operator<<(std::ostream& os, const FunctionSchema& s);

// Throws ember::Error naming the column on malformed input.
FunctionSchema parseSchema(std::string_view text);
// A schema type alone: "int[]?", "Dict(str, Tensor)", "Tensor(a!)[]".
TypePtr parseSchemaType(std::string_view text);

}  // namespace ember::ops
