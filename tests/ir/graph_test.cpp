#include "ember/ir/graph.h"

#include <gtest/gtest.h>

#include "ember/ir/ir_parser.h"
#include "ember/ir/verifier.h"
#include "ember/value/containers.h"

namespace ember::ir {
namespace {

std::vector<Use> usesOf(const Value* v) { return v->uses(); }

// The example of the brief, built through the API:
//   def forward(self, x, c: bool):
//       y = x + x            # file.py:5:11
//       return y if c else x
TEST(Graph, BuildsAndPrintsLikePyTorch) {
  Graph g;
  g.addInput("self")->setType(types::classType("__torch__.M"));
  Value* x = g.addInput("x.1")->setType(types::tensor());
  Value* c = g.addInput("c.1")->setType(types::boolT());
  Value* one = g.insertConstant(IValue(int64_t(1)));
  Value* sum = g.insert(Symbol::aten("add"), {x, x, one}, types::tensor(), SourceLoc("file.py", 5, 11));
  Node* ifNode = g.insertNode(g.create(prim::If, {c}));
  ifNode->output()->setType(types::tensor());
  ifNode->addBlock()->registerOutput(sum);
  ifNode->addBlock()->registerOutput(x);
  g.registerOutput(ifNode->output());

  EXPECT_EQ(g.str(), R"IR(graph(%self : __torch__.M,
      %x.1 : Tensor,
      %c.1 : bool):
  %3 : int = prim::Constant[value=1]()
  %4 : Tensor = aten::add(%x.1, %x.1, %3) # file.py:5:11
  %5 : Tensor = prim::If(%c.1)
    block0():
      -> (%4)
    block1():
      -> (%x.1)
  return (%5)
)IR");
  EXPECT_TRUE(verify(g).empty());
  EXPECT_EQ(g.str(/*printSourceLocations=*/false).find("file.py"), std::string::npos);
}

TEST(Graph, UseListsFollowInputEdits) {
  Graph g;
  Value* a = g.addInput("a")->setType(types::intT());
  Value* b = g.addInput("b")->setType(types::intT());
  Node* n = g.insertNode(g.create(Symbol::aten("add"), {a, a, b}));
  n->output()->setType(types::intT());
  EXPECT_EQ(usesOf(a), (std::vector<Use>{{n, 0}, {n, 1}}));
  EXPECT_EQ(usesOf(b), (std::vector<Use>{{n, 2}}));

  n->insertInput(0, b);  // (b, a, a, b)
  EXPECT_EQ(n->inputs().vec(), (std::vector<Value*>{b, a, a, b}));
  EXPECT_EQ(a->uses().size(), 2u);
  for (const Use& u : a->uses()) EXPECT_EQ(n->input(u.offset), a);
  for (const Use& u : b->uses()) EXPECT_EQ(n->input(u.offset), b);

  n->removeInput(1);  // (b, a, b)
  EXPECT_EQ(usesOf(a), (std::vector<Use>{{n, 1}}));
  EXPECT_EQ(b->uses().size(), 2u);
  for (const Use& u : b->uses()) EXPECT_EQ(n->input(u.offset), b);

  EXPECT_EQ(n->replaceInput(1, b), a);
  EXPECT_FALSE(a->hasUses());
  EXPECT_EQ(b->uses().size(), 3u);

  n->replaceInputWith(b, a);
  EXPECT_FALSE(b->hasUses());
  EXPECT_EQ(a->uses().size(), 3u);
  n->removeAllInputs();
  EXPECT_FALSE(a->hasUses());
  EXPECT_TRUE(verify(g).empty()) << verify(g).front();
}

TEST(Graph, ReplaceAllUsesWithReachesNestedBlocksAndReturns) {
  auto g = parseIR(R"IR(
graph(%x : Tensor, %c : bool):
  %1 : Tensor = aten::neg(%x)
  %2 : Tensor = prim::If(%c)
    block0():
      %3 : Tensor = aten::relu(%1)
      -> (%3)
    block1():
      -> (%1)
  return (%1, %2))IR");
  Node* neg = g->nodes().front();
  Value* x = g->inputs()[0];
  neg->output()->replaceAllUsesWith(x);
  EXPECT_FALSE(neg->hasUses());
  neg->destroy();
  EXPECT_TRUE(verify(*g).empty());
  EXPECT_EQ(g->str(), R"IR(graph(%x : Tensor,
      %c : bool):
  %2 : Tensor = prim::If(%c)
    block0():
      %3 : Tensor = aten::relu(%x)
      -> (%3)
    block1():
      -> (%x)
  return (%x, %2)
)IR");
}

TEST(Graph, ReplaceUsesAfterNode) {
  auto g = parseIR(R"IR(
graph(%x : Tensor, %y : Tensor):
  %1 : Tensor = aten::neg(%x)
  %2 : Tensor = aten::relu(%x)
  %3 : Tensor = aten::abs(%x)
  return (%x))IR");
  Node* relu = *std::next(g->nodes().begin());
  g->inputs()[0]->replaceAllUsesAfterNodeWith(relu, g->inputs()[1]);
  EXPECT_EQ(g->str(), R"IR(graph(%x : Tensor,
      %y : Tensor):
  %1 : Tensor = aten::neg(%x)
  %2 : Tensor = aten::relu(%x)
  %3 : Tensor = aten::abs(%y)
  return (%y)
)IR");
}

TEST(Graph, DebugNamesFollowPyTorchRules) {
  Graph g;
  Value* a = g.addInput("x");
  Value* b = g.addInput("x");  // the newcomer takes "x", the old one becomes x.1
  EXPECT_EQ(b->debugName(), "x");
  EXPECT_EQ(a->debugName(), "x.1");
  // PyTorch remembers the last suffix per base and skips past it (checked
  // against torch._C.Graph: x.1, x.3, x.5).
  Value* c = g.addInput("x");
  EXPECT_EQ(c->debugName(), "x");
  EXPECT_EQ(b->debugName(), "x.3");
  Value* d = g.addInput("x.3");
  EXPECT_EQ(d->debugName(), "x.3");
  EXPECT_EQ(b->debugName(), "x.5");
  EXPECT_EQ(d->debugNameBase(), "x");
  Value* y1 = g.addInput("y.2");
  Value* y2 = g.addInput("y.2");
  EXPECT_EQ(y1->debugName(), "y.3");
  EXPECT_EQ(y2->debugName(), "y.2");
  EXPECT_THROW(g.addInput("12"), Error);  // numbers are not names
  Value* e = g.addInput();
  EXPECT_FALSE(e->hasDebugName());
  EXPECT_EQ(e->debugName(), std::to_string(e->unique()));
  c->setDebugName("");
  EXPECT_EQ(c->debugName(), std::to_string(c->unique()));
  g.addInput("x");  // "x" is free again: nobody is renamed
  EXPECT_EQ(a->debugName(), "x.1");
}

TEST(Graph, InsertMoveAndIsBefore) {
  Graph g;
  Value* x = g.addInput("x")->setType(types::tensor());
  Node* a = g.insertNode(g.create(Symbol::aten("a"), {x}));
  Node* c = g.insertNode(g.create(Symbol::aten("c"), {x}));
  Node* b = g.create(Symbol::aten("b"), {x});
  EXPECT_FALSE(b->inBlockList());
  b->insertAfter(a);
  EXPECT_TRUE(a->isBefore(b));
  EXPECT_TRUE(b->isBefore(c));
  EXPECT_TRUE(c->isAfter(a));
  EXPECT_FALSE(a->isAfter(c));
  c->moveBefore(a);  // c a b
  std::vector<std::string> order;
  for (Node* n : g.nodes()) order.emplace_back(n->kind().toUnqualString());
  EXPECT_EQ(order, (std::vector<std::string>{"c", "a", "b"}));
  order.clear();
  for (Node* n : g.nodes().reverse()) order.emplace_back(n->kind().toUnqualString());
  EXPECT_EQ(order, (std::vector<std::string>{"b", "a", "c"}));

  // Nested blocks: a node inside an If is after what precedes the If.
  Node* ifNode = g.insertNode(g.create(prim::If, {x}, 0));
  Block* then = ifNode->addBlock();
  ifNode->addBlock();
  Node* inner = then->appendNode(g.create(Symbol::aten("inner"), {x}));
  EXPECT_TRUE(b->isBefore(inner));
  EXPECT_FALSE(ifNode->isBefore(inner));
  EXPECT_FALSE(inner->isBefore(ifNode));
  EXPECT_TRUE(ifNode->encloses(inner));
  a->moveAfter(inner);
  EXPECT_EQ(a->owningBlock(), then);
  EXPECT_THROW(ifNode->moveBefore(inner), Error);  // a node cannot go into its own block
  EXPECT_THROW(b->insertBefore(c), Error);         // already inserted
}

TEST(Graph, WithInsertPointRestores) {
  Graph g;
  Value* x = g.addInput("x")->setType(types::intT());
  Node* last = g.insertNode(g.create(Symbol::aten("last"), {x}));
  {
    WithInsertPoint guard(last);
    g.insertConstant(IValue(int64_t(7)));
  }
  g.insertNode(g.create(Symbol::aten("end"), {x}));
  std::vector<std::string> order;
  for (Node* n : g.nodes()) order.emplace_back(n->kind().toQualString());
  EXPECT_EQ(order, (std::vector<std::string>{"prim::Constant", "aten::last", "aten::end"}));

  Node* ifNode = g.insertNode(g.create(prim::If, {x}, 0));
  Block* then = ifNode->addBlock();
  {
    WithInsertPoint guard(then);
    EXPECT_EQ(g.insertBlock(), then);
    g.insert(Symbol::aten("inside"), {x}, types::intT());
  }
  EXPECT_EQ(then->nodes().front()->kind(), Symbol::aten("inside"));
  EXPECT_EQ(g.insertPoint(), g.returnNode());
}

TEST(Graph, DestroyChecksUsesAndFreesBlocks) {
  auto g = parseIR(R"IR(
graph(%c : bool):
  %1 : int = prim::If(%c)
    block0():
      %2 : int = prim::Constant[value=1]()
      -> (%2)
    block1():
      %3 : int = prim::Constant[value=2]()
      -> (%3)
  %4 : int = aten::neg(%1)
  return (%4))IR");
  Node* ifNode = g->nodes().front();
  EXPECT_THROW(ifNode->destroy(), Error);  // %1 is used by aten::neg
  EXPECT_TRUE(verify(*g).empty());         // a refused destroy changes nothing
  size_t before = g->allNodes().size();
  g->returnNode()->replaceInput(0, g->inputs()[0]);
  ifNode->next()->destroy();
  ifNode->destroy();
  // Each block held a Param, a Return and one constant.
  EXPECT_EQ(g->allNodes().size(), before - 2 - 2 * 3);
  EXPECT_TRUE(verify(*g).empty());
}

TEST(Graph, OutputsAndBlockParamsCanBeEdited) {
  Graph g;
  Node* n = g.insertNode(g.create(Symbol::aten("f"), 3));
  Value* o0 = n->output(0);
  Value* o2 = n->output(2);
  n->eraseOutput(1);
  EXPECT_EQ(o2->offset(), 1u);
  Value* mid = n->insertOutput(1);
  EXPECT_EQ(mid->offset(), 1u);
  EXPECT_EQ(o2->offset(), 2u);
  g.registerOutput(o0);
  EXPECT_THROW(n->eraseOutput(0), Error);
  EXPECT_THROW(n->output(), Error);  // three outputs, not one
  Block* b = n->addBlock();
  Value* p0 = b->addInput("p");
  Value* p1 = b->insertInput(0, "q");
  EXPECT_EQ(p0->offset(), 1u);
  b->eraseInput(0);
  EXPECT_EQ(b->inputs().vec(), std::vector<Value*>{p0});
  (void)p1;
}

TEST(Graph, Attributes) {
  Graph g;
  Node* n = g.create(Symbol::prim("Fancy"), 0);
  n->i_(Symbol::attr("a"), 1)->f_(Symbol::attr("b"), 2.5)->s_(Symbol::attr("c"), "x");
  n->is_(Symbol::attr("d"), {1, 2})->fs_(Symbol::attr("e"), {1.5})->ss_(Symbol::attr("f"), {"q"});
  n->ty_(Symbol::attr("g"), types::list(types::intT()));
  n->ival_(Symbol::attr("h"), IValue(makeTuple({IValue(int64_t(1)), IValue("a")})));
  n->i_(Symbol::attr("a"), 3);  // replacing keeps the position
  EXPECT_EQ(n->i(Symbol::attr("a")), 3);
  EXPECT_EQ(n->attributeKind(Symbol::attr("e")), AttributeKind::Floats);
  EXPECT_THROW(n->f(Symbol::attr("a")), Error);
  EXPECT_THROW(n->i(Symbol::attr("zz")), Error);
  std::ostringstream os;
  n->printSignature(os);
  EXPECT_EQ(os.str(), R"( = prim::Fancy[a=3, b=2.5, c="x", d=[1, 2], e=[1.5], f=["q"], g=int[], h=(1, "a")]())");
  n->removeAttribute(Symbol::attr("b"));
  EXPECT_FALSE(n->hasAttribute(Symbol::attr("b")));
  n->destroy();
}

TEST(Graph, ConstantsRoundTripThroughAttributes) {
  Graph g;
  std::vector<IValue> values = {IValue(),
                                IValue(true),
                                IValue(int64_t(-3)),
                                IValue(0.25),
                                IValue("s"),
                                IValue(Device::parse("cpu")),
                                intList({1, 2}),
                                doubleList({1.5}),
                                IValue(makeList(types::boolT(), {IValue(true), IValue(false)})),
                                IValue(makeTuple({IValue(int64_t(1)), IValue("a")}))};
  for (const IValue& v : values) {
    Value* out = g.insertConstant(v);
    auto back = toIValue(out);
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(back->equals(v) || (v.isList() && back->str() == v.str()) || (v.isTuple() && back->str() == v.str()))
        << v.str();
    EXPECT_TRUE(out->type()->equals(*v.type())) << out->type()->str() << " vs " << v.type()->str();
  }
  EXPECT_EQ(g.str(), R"IR(graph():
  %0 : NoneType = prim::Constant()
  %1 : bool = prim::Constant[value=1]()
  %2 : int = prim::Constant[value=-3]()
  %3 : float = prim::Constant[value=0.25]()
  %4 : str = prim::Constant[value="s"]()
  %5 : Device = prim::Constant[value="cpu"]()
  %6 : int[] = prim::Constant[value=[1, 2]]()
  %7 : float[] = prim::Constant[value=[1.5]]()
  %8 : bool[] = prim::Constant[value=[True, False]]()
  %9 : (int, str) = prim::Constant[value=(1, "a")]()
  return ()
)IR");
  EXPECT_FALSE(toIValue(g.addInput()).has_value());
}

TEST(Graph, HelpersBuildTypedNodes) {
  Graph g;
  Value* a = g.addInput("a")->setType(types::intT());
  Value* t = g.addInput("t")->setType(types::tensor());
  Node* list = g.insertNode(g.createList(types::intT(), {a, a}));
  Node* tuple = g.insertNode(g.createTuple({a, t}));
  Node* unpack = g.insertNode(g.createTupleUnpack(tuple->output()));
  Node* uninit = g.insertNode(g.createUninitialized(types::str()));
  Value* self = g.addInput("self")->setType(types::classType("__torch__.M"));
  Node* get = g.insertNode(g.createGetAttr(self, "weight", types::tensor()));
  EXPECT_EQ(list->output()->type()->str(), "List[int]");
  EXPECT_EQ(unpack->outputs().size(), 2u);
  EXPECT_EQ(unpack->output(1)->type()->kind(), TypeKind::Tensor);
  EXPECT_EQ(uninit->kind(), prim::Uninitialized);
  EXPECT_EQ(get->s(attr::name), "weight");
  EXPECT_THROW(g.createTupleUnpack(a), Error);
}

TEST(Symbol, BuiltinsAndInterned) {
  EXPECT_EQ(prim::If.toQualString(), "prim::If");
  EXPECT_EQ(Symbol::fromQualString("prim::If"), prim::If);
  EXPECT_EQ(prim::If.builtin(), BuiltinSymbol::prim_If);
  Symbol add = Symbol::aten("add");
  EXPECT_EQ(add, Symbol::fromQualString("aten::add"));
  EXPECT_EQ(add.builtin(), BuiltinSymbol::NumBuiltins);
  EXPECT_EQ(add.ns(), "aten");
  EXPECT_EQ(add.toUnqualString(), "add");
  EXPECT_TRUE(add.isAten());
  EXPECT_EQ(attr::value.toQualString(), "attr::value");
  EXPECT_THROW(Symbol::fromQualString("add"), Error);
  EXPECT_FALSE(static_cast<bool>(Symbol()));
  EXPECT_TRUE(builtinHasSideEffects(prim::RaiseException));
  EXPECT_FALSE(builtinHasSideEffects(prim::If));
}

TEST(Graph, SideEffects) {
  auto g = parseIR(R"IR(
graph(%x : Tensor, %l : int[], %c : bool):
  %1 : int = prim::Constant[value=1]()
  %2 : Tensor = aten::add_(%x, %x, %1)
  %3 : int[] = aten::append(%l, %1)
  %4 : bool = aten::__and__(%c, %c)
  %5 : Tensor = aten::add(%x, %x, %1)
   = prim::If(%c)
    block0():
       = prim::RaiseException(%1)
      -> ()
    block1():
      -> ()
   = aten::warn(%1)
  return (%x))IR");
  std::vector<bool> effects;
  for (Node* n : g->nodes()) effects.push_back(n->hasSideEffects());
  EXPECT_EQ(effects, (std::vector<bool>{false, true, true, false, false, true, true}));
}

TEST(Graph, CopyIsDeepAndPrintsTheSame) {
  auto g = parseIR(R"IR(
graph(%x.1 : Tensor, %n : int):
  %2 : bool = prim::Constant[value=1]()
  %a : Tensor = prim::Loop(%n, %2, %x.1) # f.py:3:4
    block0(%i : int, %a.3 : Tensor):
      %7 : Tensor = aten::mul(%a.3, %a.3)
      -> (%2, %7)
  return (%a))IR");
  ValueMap map;
  GraphPtr c = g->copy(&map);
  EXPECT_EQ(c->str(), g->str());
  EXPECT_TRUE(verify(*c).empty());
  ASSERT_EQ(map.size(), 7u);  // 2 inputs, constant, loop output, 2 body params, mul
  for (auto [from, to] : map) {
    EXPECT_EQ(to->owningGraph(), c.get());
    EXPECT_EQ(from->debugName(), to->debugName());
  }
  // Editing the copy leaves the original alone.
  Node* loop = *std::next(c->nodes().begin());
  loop->output()->replaceAllUsesWith(c->inputs()[0]);
  loop->destroy();
  EXPECT_NE(c->str(), g->str());
  EXPECT_EQ(g->nodes().front()->output()->uses().size(), 2u);
  // New values in the copy do not collide with copied numbers.
  Value* fresh = c->insertConstant(IValue(int64_t(5)));
  for (Value* v : c->inputs()) EXPECT_NE(fresh->unique(), v->unique());
  for (Node* n : c->nodes())
    for (Value* v : n->outputs())
      if (v != fresh) {
        EXPECT_NE(fresh->unique(), v->unique());
      }
}

}  // namespace
}  // namespace ember::ir
