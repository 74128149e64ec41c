// Graph -> linear register code. One pass over the graph in program order
// (an If's then-block, then its else-block; a Loop's body once), after a
// pre-pass that finds every value's last use so that the instruction reading
// it last can move it out of its register: tensors then die as early as they
// can, and a kernel that holds the only reference may reuse the buffer.
#include <iostream>
#include <unordered_map>

#include "ember/runtime/code.h"
#include "ember/value/class_type.h"

namespace ember::runtime {

namespace {

using ir::Block;
using ir::Node;
using ir::Value;
namespace prim = ir::prim;
namespace attr = ir::attr;

class CodeBuilder {
 public:
  CodeBuilder(std::string name, const FunctionResolver* resolver) : resolver_(resolver) {
    code_.functionName = std::move(name);
  }

  Code build(const ir::Graph& g) {
    findLastUses(g.block());
    for (Value* in : g.inputs()) registerFor(in);
    code_.numInputs = g.inputs().size();
    emitNodes(g.block());
    Instruction ret{OpCode::Return};
    setInputs(ret, g.returnNode());
    emit(ret, g.returnNode());
    code_.numRegisters = nextRegister_;
    return std::move(code_);
  }

 private:
  // ---------------------------------------------------------------- liveness

  void findLastUses(const Block* b) {
    for (const Node* n : b->nodes()) {
      for (size_t i = 0; i < n->inputs().size(); ++i) lastUse_[n->input(i)] = {n, i};
      for (const Block* sub : n->blocks()) findLastUses(sub);
    }
    const Node* ret = b->returnNode();
    for (size_t i = 0; i < ret->inputs().size(); ++i) lastUse_[ret->input(i)] = {ret, i};
  }

  // A value defined outside a loop body is read again by the next iteration.
  static bool loopBetween(const Node* user, const Value* v) {
    const Block* defBlock = v->node()->owningBlock();
    for (const Block* b = user->owningBlock(); b && b != defBlock;) {
      const Node* owner = b->owningNode();
      if (!owner) return false;
      if (owner->kind() == prim::Loop) return true;
      b = owner->owningBlock();
    }
    return false;
  }

  bool canMove(const Node* user, size_t offset) const {
    const Value* v = user->input(offset);
    auto it = lastUse_.find(v);
    if (it == lastUse_.end() || it->second.first != user || it->second.second != offset) return false;
    // A loop's iteration counter is read again by its Increment.
    const Node* def = v->node();
    if (def->kind() == prim::Param && def->owningBlock() && def->owningBlock()->owningNode() &&
        def->owningBlock()->owningNode()->kind() == prim::Loop && v->offset() == 0)
      return false;
    // Graph inputs belong to the caller's stack: moving is fine (the frame owns them).
    return !loopBetween(user, v);
  }

  // ---------------------------------------------------------------- operands

  uint32_t registerFor(const Value* v) {
    auto it = registers_.find(v);
    if (it != registers_.end()) return it->second;
    uint32_t r = nextRegister_++;
    registers_.emplace(v, r);
    return r;
  }

  uint32_t operandFor(const Node* user, size_t offset) {
    const Value* v = user->input(offset);
    if (v->node()->kind() == prim::Constant) return constantFor(v);
    auto it = registers_.find(v);
    EMBER_CHECK(it != registers_.end(), "internal error: %{} used before it is defined in {}", v->debugName(),
                code_.functionName);
    return it->second | (canMove(user, offset) ? kMoveBit : 0);
  }

  uint32_t constantFor(const Value* v) {
    auto it = constants_.find(v);
    if (it != constants_.end()) return it->second;
    auto value = ir::toIValue(v);
    EMBER_CHECK(value.has_value(), "internal error: constant %{} has no value", v->debugName());
    code_.constants.push_back(*value);
    uint32_t operand = static_cast<uint32_t>(code_.constants.size() - 1) | kConstBit;
    constants_.emplace(v, operand);
    return operand;
  }

  uint32_t constantOperand(IValue v) {
    code_.constants.push_back(std::move(v));
    return static_cast<uint32_t>(code_.constants.size() - 1) | kConstBit;
  }

  void setInputs(Instruction& ins, const Node* n, size_t first = 0) {
    ins.in = static_cast<uint32_t>(code_.operands.size());
    for (size_t i = first; i < n->inputs().size(); ++i) code_.operands.push_back(operandFor(n, i));
    ins.nin = static_cast<uint32_t>(n->inputs().size() - first);
  }

  void setOperands(Instruction& ins, std::initializer_list<uint32_t> ins_, std::initializer_list<uint32_t> outs) {
    ins.in = static_cast<uint32_t>(code_.operands.size());
    for (uint32_t o : ins_) code_.operands.push_back(o);
    ins.nin = static_cast<uint32_t>(ins_.size());
    ins.out = static_cast<uint32_t>(code_.operands.size());
    for (uint32_t o : outs) code_.operands.push_back(o);
    ins.nout = static_cast<uint32_t>(outs.size());
  }

  void setOutputs(Instruction& ins, const Node* n) {
    ins.out = static_cast<uint32_t>(code_.operands.size());
    for (const Value* v : n->outputs()) code_.operands.push_back(registerFor(v));
    ins.nout = static_cast<uint32_t>(n->outputs().size());
  }

  size_t emit(Instruction ins, const Node* n) {
    if (n && n->sourceLoc().known()) {
      code_.locs.push_back(n->sourceLoc());
      ins.loc = static_cast<uint32_t>(code_.locs.size() - 1);
    }
    code_.instructions.push_back(ins);
    return code_.instructions.size() - 1;
  }

  void emitMove(uint32_t from, uint32_t to, const Node* n) {
    Instruction ins{OpCode::Move};
    setOperands(ins, {from}, {to});
    emit(ins, n);
  }

  uint32_t here() const { return static_cast<uint32_t>(code_.instructions.size()); }

  uint32_t typeIndex(TypePtr t) {
    code_.types.push_back(std::move(t));
    return static_cast<uint32_t>(code_.types.size() - 1);
  }

  // ---------------------------------------------------------------- nodes

  void emitNodes(const Block* b) {
    for (const Node* n : b->nodes()) emitNode(n);
  }

  // Copies a block's returns into `targets` (the If's outputs, or the loop's
  // carried registers). Returns that read one of the targets are staged in
  // fresh registers first, so `a, b = b, a` in a loop works.
  void emitBlockExit(const Block* b, const std::vector<uint32_t>& targets) {
    const Node* ret = b->returnNode();
    std::vector<uint32_t> sources;
    bool conflict = false;
    for (size_t i = 0; i < ret->inputs().size(); ++i) {
      uint32_t op = operandFor(ret, i);
      sources.push_back(op);
      if (!(op & kConstBit))
        for (uint32_t t : targets) conflict = conflict || ((op & kOperandMask) == t);
    }
    if (conflict) {
      for (auto& s : sources) {
        uint32_t tmp = nextRegister_++;
        emitMove(s, tmp, ret);
        s = tmp | kMoveBit;
      }
    }
    for (size_t i = 0; i < sources.size(); ++i)
      if ((sources[i] & ~kMoveBit) != targets[i]) emitMove(sources[i], targets[i], ret);
  }

  std::vector<uint32_t> outputRegisters(const Node* n) {
    std::vector<uint32_t> regs;
    for (const Value* v : n->outputs()) regs.push_back(registerFor(v));
    return regs;
  }

  void emitIf(const Node* n) {
    Instruction test{OpCode::JumpIfFalse};
    setInputs(test, n);
    size_t jumpToElse = emit(test, n);
    std::vector<uint32_t> outs = outputRegisters(n);
    emitNodes(n->blocks()[0]);
    emitBlockExit(n->blocks()[0], outs);
    size_t jumpToEnd = emit(Instruction{OpCode::Jump}, n);
    code_.instructions[jumpToElse].a = here();
    emitNodes(n->blocks()[1]);
    emitBlockExit(n->blocks()[1], outs);
    code_.instructions[jumpToEnd].a = here();
  }

  // Loop(max_trip_count, cond, init...) with body params (i, carried...) and
  // body returns (cond, carried...).
  void emitLoop(const Node* n) {
    const Block* body = n->blocks()[0];
    uint32_t iter = registerFor(body->inputs()[0]);
    uint32_t cond = nextRegister_++;
    std::vector<uint32_t> carried;
    for (size_t k = 1; k < body->inputs().size(); ++k) carried.push_back(registerFor(body->inputs()[k]));
    emitMove(constantOperand(IValue(int64_t(0))), iter, n);
    emitMove(operandFor(n, 1) & ~kMoveBit, cond, n);
    for (size_t k = 0; k < carried.size(); ++k) emitMove(operandFor(n, k + 2), carried[k], n);

    uint32_t head = here();
    Instruction test{OpCode::LoopTest};
    setOperands(test, {iter, operandFor(n, 0) & ~kMoveBit, cond}, {});
    size_t exitJump = emit(test, n);
    emitNodes(body);
    std::vector<uint32_t> targets{cond};
    targets.insert(targets.end(), carried.begin(), carried.end());
    emitBlockExit(body, targets);
    Instruction inc{OpCode::Increment};
    setOperands(inc, {iter}, {iter});
    emit(inc, n);
    Instruction back{OpCode::Jump};
    back.a = head;
    emit(back, n);
    code_.instructions[exitJump].a = here();
    std::vector<uint32_t> outs = outputRegisters(n);
    for (size_t k = 0; k < outs.size(); ++k) emitMove(carried[k], outs[k], n);
  }

  uint32_t slotOf(const Node* n) {
    const ClassType* cls = asClass(n->input(0)->type());
    const std::string& field = n->s(attr::name);
    EMBER_CHECK(cls, "{}: %{} is of type {}, not a class", n->kind().toQualString(), n->input(0)->debugName(),
                n->input(0)->type()->str());
    auto slot = cls->findAttribute(field);
    EMBER_CHECK(slot.has_value(), "class {} has no attribute '{}'", cls->name(), field);
    return static_cast<uint32_t>(*slot);
  }

  void emitSimple(OpCode op, const Node* n, uint32_t a = kNone, uint32_t b = kNone) {
    Instruction ins{op};
    ins.a = a;
    ins.b = b;
    setInputs(ins, n);
    setOutputs(ins, n);
    emit(ins, n);
  }

  void emitNode(const Node* n) {
    const ir::Symbol k = n->kind();
    if (k == prim::Constant) return;  // read straight from the constant table
    if (k == prim::If) return emitIf(n);
    if (k == prim::Loop) return emitLoop(n);
    if (k == prim::GetAttr) return emitSimple(OpCode::GetAttr, n, slotOf(n));
    if (k == prim::SetAttr) return emitSimple(OpCode::SetAttr, n, slotOf(n));
    if (k == prim::ListConstruct) return emitSimple(OpCode::ListConstruct, n, typeIndex(n->output()->type()->elementType()));
    if (k == prim::ListUnpack) return emitSimple(OpCode::ListUnpack, n);
    if (k == prim::TupleConstruct) {
      const TypePtr& t = n->output()->type();
      return emitSimple(OpCode::TupleConstruct, n, t->isNamedTuple() ? typeIndex(t) : kNone);
    }
    if (k == prim::TupleUnpack) return emitSimple(OpCode::TupleUnpack, n);
    if (k == prim::TupleIndex) return emitSimple(OpCode::TupleIndex, n);
    if (k == prim::TupleSlice)
      return emitSimple(OpCode::TupleSlice, n, static_cast<uint32_t>(n->i(ir::Symbol::attr("beg"))),
                        static_cast<uint32_t>(n->i(ir::Symbol::attr("end"))));
    if (k == prim::DictConstruct) return emitSimple(OpCode::DictConstruct, n, typeIndex(n->output()->type()));
    if (k == prim::CreateObject) return emitSimple(OpCode::CreateObject, n, typeIndex(n->output()->type()));
    if (k == prim::Uninitialized) return emitSimple(OpCode::LoadNone, n);
    if (k == prim::unchecked_cast || k == prim::unchecked_unwrap_optional) return emitSimple(OpCode::Move, n);
    if (k == prim::RaiseException) return emitSimple(OpCode::Raise, n);
    if (k == prim::CallFunction) {
      const std::string& name = n->s(attr::name);
      Function* fn = resolver_ ? resolver_->findFunction(name) : nullptr;
      EMBER_CHECK(fn, "{}: call to unknown function '{}'", code_.functionName, name);
      code_.functions.push_back(fn);
      return emitSimple(OpCode::CallFunction, n, static_cast<uint32_t>(code_.functions.size() - 1));
    }
    if (k == prim::CallMethod) {
      code_.names.push_back(n->s(attr::name));
      return emitSimple(OpCode::CallMethod, n, static_cast<uint32_t>(code_.names.size() - 1));
    }
    if (k == prim::isinstance) {
      std::vector<TypePtr> types;
      if (n->hasAttribute(attr::types) && n->attributeKind(attr::types) == ir::AttributeKind::Type)
        types.push_back(n->ty(attr::types));
      code_.typeLists.push_back(std::move(types));
      return emitSimple(OpCode::IsInstance, n, static_cast<uint32_t>(code_.typeLists.size() - 1));
    }
    const ops::Operator* op = n->op();
    if (!op) {
      // Nodes built without resolution (parsed IR, traced archives) name
      // their overload only by kind: take the single registered overload.
      const auto& overloads = ops::Registry::global().overloads(k.toQualString());
      EMBER_CHECK(overloads.size() == 1, "{}: no operator resolved for node {} ({} overloads registered)",
                  code_.functionName, k.toQualString(), overloads.size());
      op = overloads[0];
    }
    code_.ops.push_back(op);
    emitSimple(OpCode::CallOp, n, static_cast<uint32_t>(code_.ops.size() - 1));
  }

  Code code_;
  const FunctionResolver* resolver_;
  std::unordered_map<const Value*, uint32_t> registers_;
  std::unordered_map<const Value*, uint32_t> constants_;
  std::unordered_map<const Value*, std::pair<const Node*, size_t>> lastUse_;
  uint32_t nextRegister_ = 0;
};

}  // namespace

Code buildCode(const ir::Graph& graph, std::string functionName, const FunctionResolver* resolver) {
  return CodeBuilder(std::move(functionName), resolver).build(graph);
}

std::string_view opCodeName(OpCode op) {
  switch (op) {
#define EMBER_OPCODE(Name, doc) \
  case OpCode::Name: return #Name;
#include "ember/runtime/instruction.def"
#undef EMBER_OPCODE
  }
  return "?";
}

void Code::print(std::ostream& os) const {
  os << "code for " << functionName << " (" << numRegisters << " registers, " << numInputs << " inputs)\n";
  auto operand = [&](uint32_t o) {
    if (o & kConstBit) {
      os << 'K' << (o & ~kConstBit) << '{' << constants[o & ~kConstBit].reprStr() << '}';
      return;
    }
    os << (o & kMoveBit ? "move R" : "R") << (o & kOperandMask);
  };
  for (size_t pc = 0; pc < instructions.size(); ++pc) {
    const Instruction& ins = instructions[pc];
    os << fmt::format("{:4}  {:<15}", pc, opCodeName(ins.op));
    if (ins.op == OpCode::CallOp) os << ops[ins.a]->qualifiedName << ' ';
    else if (ins.op == OpCode::CallMethod) os << names[ins.a] << ' ';
    else if (ins.a != kNone) os << "a=" << ins.a << ' ';
    os << '(';
    for (uint32_t i = 0; i < ins.nin; ++i) {
      if (i) os << ", ";
      operand(operands[ins.in + i]);
    }
    os << ')';
    if (ins.nout) {
      os << " -> ";
      for (uint32_t i = 0; i < ins.nout; ++i) os << (i ? ", R" : "R") << operands[ins.out + i];
    }
    if (ins.loc != kNone) os << "  # " << *locs[ins.loc].file << ':' << locs[ins.loc].line;
    os << '\n';
  }
}

void Code::dump() const { print(std::cerr); }

}  // namespace ember::runtime
