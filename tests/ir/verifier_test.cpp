#include "ember/ir/verifier.h"

#include <gtest/gtest.h>

#include "ember/ir/graph.h"
#include "ember/ir/ir_parser.h"

namespace ember::ir {
namespace {

// Whether some problem mentions `needle`.
::testing::AssertionResult reports(const Graph& g, std::string_view needle) {
  auto problems = verify(g);
  for (const auto& p : problems)
    if (p.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  std::string all;
  for (const auto& p : problems) all += "\n  " + p;
  return ::testing::AssertionFailure() << "no problem mentions '" << needle << "'; got:" << (all.empty() ? " none" : all);
}

Node* nth(const Block* b, size_t i) {
  auto it = b->nodes().begin();
  std::advance(it, static_cast<std::ptrdiff_t>(i));
  return *it;
}

const char* kIf = R"IR(
graph(%x : Tensor, %c : bool):
  %1 : Tensor = aten::neg(%x)
  %2 : Tensor = prim::If(%c)
    block0():
      %3 : Tensor = aten::relu(%1)
      -> (%3)
    block1():
      %4 : Tensor = aten::abs(%1)
      -> (%4)
  %5 : Tensor = aten::mul(%2, %2)
  return (%5))IR";

const char* kLoop = R"IR(
graph(%n : int, %x : Tensor):
  %1 : bool = prim::Constant[value=1]()
  %a : Tensor = prim::Loop(%n, %1, %x)
    block0(%i : int, %a.1 : Tensor):
      %3 : Tensor = aten::neg(%a.1)
      -> (%1, %3)
  return (%a))IR";

TEST(Verifier, AcceptsWellFormedGraphs) {
  EXPECT_TRUE(verify(*parseIR(R"IR(
graph(%x : int):
  %f : Function = prim::Constant[name="helper"]()
  %1 : int = prim::CallFunction(%f, %x)
  return (%1))IR")).empty());
  EXPECT_TRUE(verify(*parseIR(kIf)).empty());
  EXPECT_TRUE(verify(*parseIR(kLoop)).empty());
  EXPECT_NO_THROW(verifyOrThrow(*parseIR(kIf)));
}

TEST(Verifier, UseBeforeDefinitionInTheSameBlock) {
  auto g = parseIR(kIf);
  Node* mul = nth(g->block(), 2);
  mul->moveBefore(g->nodes().front());
  EXPECT_TRUE(reports(*g, "input 0 (%2) is not defined before this use"));
}

TEST(Verifier, UseOfAValueFromASiblingBlock) {
  auto g = parseIR(kIf);
  Node* ifNode = nth(g->block(), 1);
  Value* fromThen = ifNode->blocks()[0]->nodes().front()->output();
  ifNode->blocks()[1]->nodes().front()->replaceInput(0, fromThen);
  EXPECT_TRUE(reports(*g, "%4 : Tensor = aten::abs(%3): input 0 (%3) is not defined before this use"));
}

TEST(Verifier, UseOfAValueFromInsideABlockAfterIt) {
  auto g = parseIR(kIf);
  Node* ifNode = nth(g->block(), 1);
  nth(g->block(), 2)->replaceInput(1, ifNode->blocks()[0]->nodes().front()->output());
  EXPECT_TRUE(reports(*g, "input 1 (%3) is not defined before this use"));
}

TEST(Verifier, NodeUsingItsOwnOutputInsideItsBlock) {
  auto g = parseIR(kIf);
  Node* ifNode = nth(g->block(), 1);
  ifNode->blocks()[0]->nodes().front()->replaceInput(0, ifNode->output());
  EXPECT_TRUE(reports(*g, "input 0 (%2) is not defined before this use"));
}

TEST(Verifier, IfStructure) {
  {
    auto g = parseIR(kIf);
    Node* ifNode = nth(g->block(), 1);
    ifNode->blocks()[1]->registerOutput(g->inputs()[0]);
    EXPECT_TRUE(reports(*g, "prim::If block1 returns 2 values but the node has 1 outputs"));
  }
  {
    auto g = parseIR(kIf);
    Node* ifNode = nth(g->block(), 1);
    ifNode->blocks()[1]->returnNode()->replaceInput(0, g->inputs()[1]);
    EXPECT_TRUE(reports(*g, "prim::If block1 returns %c of type bool for output %2 of type Tensor"));
  }
  {
    auto g = parseIR(kIf);
    Node* ifNode = nth(g->block(), 1);
    ifNode->replaceInput(0, g->inputs()[0]);
    ifNode->blocks()[0]->addInput("p")->setType(types::intT());
    EXPECT_TRUE(reports(*g, "prim::If condition %x is Tensor, not bool"));
    EXPECT_TRUE(reports(*g, "prim::If block0 has 1 params, expected none"));
  }
  {
    auto g = parseIR(kIf);
    Node* ifNode = nth(g->block(), 1);
    ifNode->blocks()[1]->returnNode()->removeAllInputs();
    ifNode->blocks()[1]->nodes().front()->destroy();
    ifNode->eraseBlock(1);
    EXPECT_TRUE(reports(*g, "prim::If has 1 blocks, expected 2"));
  }
}

TEST(Verifier, LoopStructure) {
  {
    auto g = parseIR(kLoop);
    Node* loop = nth(g->block(), 1);
    loop->blocks()[0]->addInput("extra")->setType(types::intT());
    EXPECT_TRUE(reports(*g, "prim::Loop body has 3 params, expected 2 (iteration + 1 carried)"));
  }
  {
    auto g = parseIR(kLoop);
    Node* loop = nth(g->block(), 1);
    loop->blocks()[0]->eraseOutput(1);
    EXPECT_TRUE(reports(*g, "prim::Loop body returns 1 values, expected 2 (condition + 1 carried)"));
  }
  {
    auto g = parseIR(kLoop);
    Node* loop = nth(g->block(), 1);
    loop->addOutput()->setType(types::intT());
    EXPECT_TRUE(reports(*g, "prim::Loop has 2 outputs for 1 loop-carried inputs"));
  }
  {
    auto g = parseIR(kLoop);
    Node* loop = nth(g->block(), 1);
    loop->replaceInput(0, g->inputs()[1]);
    loop->replaceInput(2, g->inputs()[0]);
    loop->blocks()[0]->returnNode()->replaceInput(0, g->inputs()[0]);
    EXPECT_TRUE(reports(*g, "prim::Loop max_trip_count %x is Tensor, not int"));
    EXPECT_TRUE(reports(*g, "loop-carried input %n (int) is not a subtype of output %a (Tensor)"));
    EXPECT_TRUE(reports(*g, "prim::Loop body's condition %n is int, not bool"));
  }
  {
    auto g = parseIR(kLoop);
    Node* loop = nth(g->block(), 1);
    loop->blocks()[0]->inputs()[1]->setType(types::intT());
    EXPECT_TRUE(reports(*g, "loop body param %a.1 (int) and output %a (Tensor) differ in type"));
  }
}

TEST(Verifier, MissingTypesAndConstantValues) {
  auto g = parseIR(kLoop);
  g->nodes().front()->output()->setType(nullptr);
  g->nodes().front()->removeAttribute(attr::value);
  EXPECT_TRUE(reports(*g, "%1 has no type"));
  Node* c = g->insertNode(g->createConstant(IValue(int64_t(1))));
  c->removeAttribute(attr::value);
  EXPECT_TRUE(reports(*g, "prim::Constant of type int has no value"));
}

TEST(Verifier, DanglingNodes) {
  auto g = parseIR(kIf);
  g->create(Symbol::aten("orphan"), {g->inputs()[0]});
  EXPECT_TRUE(reports(*g, "aten::orphan(%x): node is not in any block"));
  // The orphan's use of %x points outside the graph's blocks.
  EXPECT_TRUE(reports(*g, "%x is used by a node that is not in the graph"));
}

TEST(Verifier, RemovedNodeStillUsed) {
  auto g = parseIR(kIf);
  Node* neg = g->nodes().front();
  neg->removeFromList();
  EXPECT_TRUE(reports(*g, "input 0 (%1) is not defined before this use"));
  EXPECT_TRUE(reports(*g, "aten::neg(%x): node is not in any block"));
}

TEST(Verifier, ThrowsWithEveryProblemAndTheGraph) {
  auto g = parseIR(kIf);
  g->create(Symbol::aten("orphan"), 0);
  nth(g->block(), 2)->moveBefore(g->nodes().front());
  try {
    verifyOrThrow(*g, "my pass");
    FAIL() << "expected a throw";
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("ill-formed graph after my pass (3 problems)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("graph(%x : Tensor"), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace ember::ir
