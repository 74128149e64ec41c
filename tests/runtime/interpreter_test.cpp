#include <gtest/gtest.h>

#include "ember/ir/ir_parser.h"
#include "ember/ops/registry.h"
#include "ember/runtime/function.h"
#include "ember/runtime/script_error.h"
#include "ember/value/class_type.h"
#include "ember/value/containers.h"

namespace ember::runtime {
namespace {

// A private registry: these tests exercise the interpreter, not the built-in ops.
ops::Registry& testOps() {
  static ops::Registry* r = [] {
    auto* reg = new ops::Registry();
    reg->def("test::add(int a, int b) -> int", [](int64_t a, int64_t b) { return a + b; });
    reg->def("test::lt(int a, int b) -> bool", [](int64_t a, int64_t b) { return a < b; });
    reg->def("test::fail(int a) -> int", [](int64_t a) -> int64_t { EMBER_FAIL_KIND(Value, "bad value {}", a); });
    reg->def("test::refcount(Tensor t) -> int", [](const Tensor& t) { return int64_t(t.impl()->useCount()); });
    return reg;
  }();
  return *r;
}

std::shared_ptr<ir::Graph> parse(std::string_view text) {
  auto g = ir::parseIR(text);
  std::vector<ir::Block*> blocks{g->block()};
  while (!blocks.empty()) {
    ir::Block* b = blocks.back();
    blocks.pop_back();
    for (ir::Node* n : b->nodes()) {
      if (const ops::Operator* op = testOps().find(n->kind().toQualString())) n->setOp(op);
      for (ir::Block* sub : n->blocks()) blocks.push_back(sub);
    }
  }
  return g;
}

Function makeFunction(std::string_view ir) {
  return Function("f", parse(ir), ops::FunctionSchema{});
}

TEST(Interpreter, StraightLine) {
  Function f = makeFunction(R"IR(
graph(%a : int, %b : int):
  %c : int = test::add(%a, %b)
  %d : int = test::add(%c, %c)
  return (%d)
)IR");
  EXPECT_EQ(f.call({IValue(2), IValue(3)}).toInt(), 10);
}

TEST(Interpreter, IfSelectsBranch) {
  Function f = makeFunction(R"IR(
graph(%a : int, %b : int):
  %c : bool = test::lt(%a, %b)
  %r : int = prim::If(%c)
    block0():
      -> (%a)
    block1():
      %s : int = test::add(%a, %b)
      -> (%s)
  return (%r)
)IR");
  EXPECT_EQ(f.call({IValue(1), IValue(5)}).toInt(), 1);
  EXPECT_EQ(f.call({IValue(7), IValue(5)}).toInt(), 12);
}

TEST(Interpreter, LoopCarriesValuesAndSwaps) {
  // for i in range(n): a, b = b, a + b  (fibonacci): carried values that read each other.
  Function f = makeFunction(R"IR(
graph(%n : int):
  %true : bool = prim::Constant[value=1]()
  %zero : int = prim::Constant[value=0]()
  %one : int = prim::Constant[value=1]()
  %a : int, %b : int = prim::Loop(%n, %true, %zero, %one)
    block0(%i : int, %x : int, %y : int):
      %s : int = test::add(%x, %y)
      -> (%true, %y, %s)
  %t : (int, int) = prim::TupleConstruct(%a, %b)
  return (%t)
)IR");
  IValue r = f.call({IValue(10)});
  EXPECT_EQ(r.toTuple().elements[0].toInt(), 55);
  EXPECT_EQ(r.toTuple().elements[1].toInt(), 89);
  EXPECT_EQ(f.call({IValue(0)}).toTuple().elements[0].toInt(), 0);
}

TEST(Interpreter, LastUseMovesTheValue) {
  // At its last use the tensor is moved into the op: the op holds the only
  // reference besides the caller's copy.
  Function f = makeFunction(R"IR(
graph(%t : Tensor):
  %n : int = test::refcount(%t)
  return (%n)
)IR");
  Stack stack;
  stack.push_back(IValue(Tensor::empty({2}, DType::Float)));
  f.run(stack);
  EXPECT_EQ(stack[0].toInt(), 1);  // the register was moved into the op's argument
}

TEST(Interpreter, ErrorsCarryTheTraceback) {
  Function f = makeFunction(R"IR(
graph(%a : int):
  %c : int = test::fail(%a) # model.py:3:4
  return (%c)
)IR");
  try {
    f.call({IValue(4)});
    FAIL();
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Value);
    EXPECT_EQ(std::string(e.what()), "bad value 4");
    ASSERT_EQ(e.frames().size(), 1u);
    EXPECT_EQ(e.render(),
              "Traceback of TorchScript (most recent call last):\n"
              "  File \"model.py\", line 3, in f\n"
              "ValueError: bad value 4");
  }
}

TEST(Interpreter, RaiseUsesTheExceptionClass) {
  Function f = makeFunction(R"IR(
graph():
  %msg : str = prim::Constant[value="shape mismatch"]()
  %cls : str = prim::Constant[value="builtins.IndexError"]()
   = prim::RaiseException(%msg, %cls)
  %r : NoneType = prim::Constant()
  return (%r)
)IR");
  try {
    f.call({});
    FAIL();
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Index);
    EXPECT_EQ(e.className(), "IndexError");
  }
}

TEST(Interpreter, ObjectsAndAttributes) {
  auto cls = ClassType::create("__torch__.Counter", false);
  cls->addAttribute("count", types::intT());
  auto g = std::make_shared<ir::Graph>();
  ir::Value* self = g->addInput("self");
  self->setType(cls);
  ir::Node* get = g->createGetAttr(self, "count", types::intT());
  g->insertNode(get);
  ir::Value* one = g->insertConstant(IValue(1));
  ir::Node* add = g->create(ir::Symbol::fromQualString("test::add"), {get->output(), one});
  add->output()->setType(types::intT());
  add->setOp(testOps().find("test::add"));
  g->insertNode(add);
  ir::Node* set = g->create(ir::prim::SetAttr, {self, add->output()}, 0);
  set->s_(ir::attr::name, "count");
  g->insertNode(set);
  g->registerOutput(add->output());
  Function f("__torch__.Counter.bump", g, ops::FunctionSchema{});
  auto obj = makeIntrusive<Object>(cls, 1);
  obj->slots[0] = IValue(41);
  EXPECT_EQ(f.call({IValue(obj)}).toInt(), 42);
  EXPECT_EQ(obj->slots[0].toInt(), 42);
}

}  // namespace
}  // namespace ember::runtime
