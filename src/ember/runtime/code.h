// Linear register code for one graph (the interpreter's input), Lua/QuickJS
// style: If and Loop become jumps, each IR value gets a register, constants
// live in a table operands can address directly, and each instruction keeps
// the source location of the node it came from for tracebacks.
//
// Code is immutable once built, so any number of threads may run it at once;
// each call has its own registers.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "ember/ir/graph.h"
#include "ember/ir/source_loc.h"
#include "ember/ops/registry.h"
#include "ember/value/ivalue.h"

namespace ember::runtime {

class Function;

enum class OpCode : uint8_t {
#define EMBER_OPCODE(Name, doc) Name,
#include "ember/runtime/instruction.def"
#undef EMBER_OPCODE
};
std::string_view opCodeName(OpCode op);

constexpr uint32_t kConstBit = 1u << 31;
constexpr uint32_t kMoveBit = 1u << 30;
constexpr uint32_t kOperandMask = kMoveBit - 1;
constexpr uint32_t kNone = 0xffffffffu;

struct Instruction {
  OpCode op;
  uint32_t a = kNone;
  uint32_t b = kNone;
  uint32_t in = 0, nin = 0;    // operands[in .. in+nin)
  uint32_t out = 0, nout = 0;  // operands[out .. out+nout): plain register numbers
  uint32_t loc = kNone;        // index into locs
};

// Resolves prim::CallFunction targets by qualified name while building code.
class FunctionResolver {
 public:
  virtual ~FunctionResolver() = default;
  virtual Function* findFunction(const std::string& qualifiedName) const = 0;
};

struct Code {
  std::string functionName;
  std::vector<Instruction> instructions;
  std::vector<uint32_t> operands;
  std::vector<IValue> constants;
  std::vector<const ops::Operator*> ops;
  std::vector<TypePtr> types;
  std::vector<std::vector<TypePtr>> typeLists;
  std::vector<Function*> functions;
  std::vector<std::string> names;  // CallMethod method names
  std::vector<ir::SourceLoc> locs;
  size_t numRegisters = 0;
  size_t numInputs = 0;  // registers 0..numInputs-1 hold the arguments

  void print(std::ostream& os) const;
  void dump() const;
};

// Builds code for the graph. Nodes must have resolved operators (Node::op())
// unless they are one of the prim:: kinds listed in instruction.def; anything
// else is an error naming the node kind, reported at build time, not at run time.
Code buildCode(const ir::Graph& graph, std::string functionName, const FunctionResolver* resolver);

}  // namespace ember::runtime
