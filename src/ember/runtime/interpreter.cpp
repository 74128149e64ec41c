// The interpreter: one loop over linear register code (QuickJS style: the
// common cases inline, one exit for errors that records where they happened).
// See instruction.def for what each opcode does.
#include "ember/runtime/function.h"
#include "ember/runtime/script_error.h"
#include "ember/value/class_type.h"
#include "ember/value/containers.h"

namespace ember::runtime {

Function::Function(std::string qualifiedName, std::shared_ptr<ir::Graph> graph, ops::FunctionSchema schema,
                   const FunctionResolver* resolver)
    : name_(std::move(qualifiedName)), graph_(std::move(graph)), schema_(std::move(schema)), resolver_(resolver) {}

void Function::setGraph(std::shared_ptr<ir::Graph> graph) {
  std::lock_guard<std::mutex> lock(buildMutex_);
  graph_ = std::move(graph);
  std::atomic_store(&code_, std::shared_ptr<const Code>());
}

const Code& Function::code() const {
  if (auto c = std::atomic_load(&code_)) return *c;
  std::lock_guard<std::mutex> lock(buildMutex_);
  if (!code_) std::atomic_store(&code_, std::shared_ptr<const Code>(std::make_shared<Code>(buildCode(*graph_, name_, resolver_))));
  return *code_;
}

IValue Function::call(std::vector<IValue> args) const {
  Stack stack = std::move(args);
  run(stack);
  if (stack.size() == 1) return std::move(stack[0]);
  return makeTuple(std::move(stack));
}

namespace {

inline const IValue& peek(const Code& c, const std::vector<IValue>& R, uint32_t op) {
  if (op & kConstBit) return c.constants[op & ~kConstBit];
  return R[op & kOperandMask];
}

inline IValue take(const Code& c, std::vector<IValue>& R, uint32_t op) {
  if (op & kConstBit) return c.constants[op & ~kConstBit];
  if (op & kMoveBit) return std::move(R[op & kOperandMask]);
  return R[op & kOperandMask];
}

int64_t normalizeIndex(int64_t i, size_t size, const char* what) {
  int64_t n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) EMBER_FAIL_KIND(Index, "{} index out of range", what);
  return i;
}

bool isInstanceOf(const IValue& v, const std::vector<TypePtr>& types) {
  TypePtr t = v.type();
  for (const auto& candidate : types)
    if (t->isSubtypeOf(*candidate)) return true;
  return false;
}

void execute(const Code& c, std::vector<IValue>& R, Stack& stack, size_t& pc) {
  const Instruction* code = c.instructions.data();
  const uint32_t* operands = c.operands.data();
  Stack args;
  for (;;) {
    const Instruction& ins = code[pc];
    const uint32_t* in = operands + ins.in;
    const uint32_t* out = operands + ins.out;
    switch (ins.op) {
      case OpCode::CallOp: {
        args.clear();
        for (uint32_t i = 0; i < ins.nin; ++i) args.push_back(take(c, R, in[i]));
        c.ops[ins.a]->kernel(args);
        EMBER_CHECK(args.size() == ins.nout, "{} returned {} values, expected {}", c.ops[ins.a]->qualifiedName,
                    args.size(), ins.nout);
        for (uint32_t i = 0; i < ins.nout; ++i) R[out[i]] = std::move(args[i]);
        break;
      }
      case OpCode::Move:
        R[out[0]] = take(c, R, in[0]);
        break;
      case OpCode::Jump:
        pc = ins.a;
        continue;
      case OpCode::JumpIfFalse:
        if (!peek(c, R, in[0]).toBool()) {
          pc = ins.a;
          continue;
        }
        break;
      case OpCode::LoopTest:
        if (!(peek(c, R, in[0]).toInt() < peek(c, R, in[1]).toInt() && peek(c, R, in[2]).toBool())) {
          pc = ins.a;
          continue;
        }
        break;
      case OpCode::Increment:
        R[out[0]] = IValue(peek(c, R, in[0]).toInt() + 1);
        break;
      case OpCode::GetAttr:
        R[out[0]] = peek(c, R, in[0]).toObject().slots.at(ins.a);
        break;
      case OpCode::SetAttr:
        peek(c, R, in[0]).toObject().slots.at(ins.a) = take(c, R, in[1]);
        break;
      case OpCode::ListConstruct: {
        std::vector<IValue> elems;
        elems.reserve(ins.nin);
        for (uint32_t i = 0; i < ins.nin; ++i) elems.push_back(take(c, R, in[i]));
        R[out[0]] = makeList(c.types[ins.a], std::move(elems));
        break;
      }
      case OpCode::ListUnpack: {
        const auto& elems = peek(c, R, in[0]).toList().elements;
        if (elems.size() != ins.nout)
          EMBER_FAIL_KIND(Value, "Expected {} elements in a list but found {}", ins.nout, elems.size());
        for (uint32_t i = 0; i < ins.nout; ++i) R[out[i]] = elems[i];
        break;
      }
      case OpCode::TupleConstruct: {
        std::vector<IValue> elems;
        elems.reserve(ins.nin);
        for (uint32_t i = 0; i < ins.nin; ++i) elems.push_back(take(c, R, in[i]));
        R[out[0]] = IValue(makeIntrusive<TupleObj>(std::move(elems), ins.a == kNone ? nullptr : c.types[ins.a]));
        break;
      }
      case OpCode::TupleUnpack: {
        const auto& elems = peek(c, R, in[0]).toTuple().elements;
        EMBER_CHECK(elems.size() == ins.nout, "expected a tuple of {} elements but got {}", ins.nout, elems.size());
        for (uint32_t i = 0; i < ins.nout; ++i) R[out[i]] = elems[i];
        break;
      }
      case OpCode::TupleIndex: {
        const auto& elems = peek(c, R, in[0]).toTuple().elements;
        R[out[0]] = elems[static_cast<size_t>(normalizeIndex(peek(c, R, in[1]).toInt(), elems.size(), "tuple"))];
        break;
      }
      case OpCode::TupleSlice: {
        const auto& elems = peek(c, R, in[0]).toTuple().elements;
        size_t end = std::min<size_t>(ins.b, elems.size());
        std::vector<IValue> part(elems.begin() + std::min<size_t>(ins.a, end), elems.begin() + end);
        R[out[0]] = IValue(makeTuple(std::move(part)));
        break;
      }
      case OpCode::DictConstruct: {
        const TypePtr& t = c.types[ins.a];
        DictPtr d = makeDict(t->keyType(), t->valueType());
        for (uint32_t i = 0; i + 1 < ins.nin; i += 2) d->set(take(c, R, in[i]), take(c, R, in[i + 1]));
        R[out[0]] = IValue(std::move(d));
        break;
      }
      case OpCode::CreateObject: {
        const auto* cls = asClass(c.types[ins.a]);
        R[out[0]] = IValue(makeIntrusive<Object>(c.types[ins.a], cls ? cls->numAttributes() : 0));
        break;
      }
      case OpCode::CallFunction:
      case OpCode::CallMethod: {
        const Function* fn = nullptr;
        if (ins.op == OpCode::CallFunction) {
          fn = c.functions[ins.a];
        } else {
          const Object& self = peek(c, R, in[0]).toObject();
          const auto* cls = asClass(self.type);
          fn = cls ? cls->findMethod(c.names[ins.a]) : nullptr;
          EMBER_CHECK(fn, "object of type {} has no method '{}'", self.type ? self.type->str() : "?", c.names[ins.a]);
        }
        Stack callStack;
        callStack.reserve(ins.nin);
        for (uint32_t i = 0; i < ins.nin; ++i) callStack.push_back(take(c, R, in[i]));
        fn->run(callStack);
        EMBER_CHECK(callStack.size() == ins.nout || (ins.nout == 1 && callStack.size() != 1),
                    "{} returned {} values, expected {}", fn->name(), callStack.size(), ins.nout);
        if (ins.nout == 1 && callStack.size() != 1) {
          R[out[0]] = IValue(makeTuple(std::move(callStack)));
          break;
        }
        for (uint32_t i = 0; i < ins.nout; ++i) R[out[i]] = std::move(callStack[i]);
        break;
      }
      case OpCode::IsInstance:
        R[out[0]] = IValue(isInstanceOf(peek(c, R, in[0]), c.typeLists[ins.a]));
        break;
      case OpCode::Raise: {
        std::string msg = peek(c, R, in[0]).isString() ? peek(c, R, in[0]).toStringRef() : peek(c, R, in[0]).str();
        std::string cls;
        if (ins.nin > 1 && peek(c, R, in[1]).isString()) cls = peek(c, R, in[1]).toStringRef();
        throw ScriptError(cls.empty() ? ErrorKind::Runtime : errorKindForPythonClass(cls), std::move(msg), cls);
      }
      case OpCode::LoadNone:
        R[out[0]] = IValue();
        break;
      case OpCode::Return:
        stack.clear();
        for (uint32_t i = 0; i < ins.nin; ++i) stack.push_back(take(c, R, in[i]));
        return;
    }
    ++pc;
  }
}

}  // namespace

void Function::run(Stack& stack) const {
  const Code& c = code();
  EMBER_CHECK(stack.size() == c.numInputs, "{}() takes {} argument(s) but {} were given", name_, c.numInputs,
              stack.size());
  std::vector<IValue> registers(c.numRegisters);
  for (size_t i = 0; i < c.numInputs; ++i) registers[i] = std::move(stack[i]);
  size_t pc = 0;
  auto frame = [&] {
    TraceFrame f{name_, {}};
    if (pc < c.instructions.size() && c.instructions[pc].loc != kNone) f.loc = c.locs[c.instructions[pc].loc];
    return f;
  };
  try {
    execute(c, registers, stack, pc);
  } catch (ScriptError& e) {
    e.addFrame(frame());
    throw;
  } catch (const Error& e) {
    ScriptError wrapped(e.kind(), e.what());
    wrapped.addFrame(frame());
    throw wrapped;
  }
}

}  // namespace ember::runtime
