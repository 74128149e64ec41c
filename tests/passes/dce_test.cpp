#include "ember/passes/dce.h"

#include <gtest/gtest.h>

#include "ember/ir/graph.h"
#include "ember/ir/ir_parser.h"
#include "ember/ir/verifier.h"

namespace ember::passes {
namespace {

// Given IR, run DCE, expect IR (and a well-formed graph).
void expectDCE(std::string_view given, std::string_view expected, bool changes = true) {
  auto g = ir::parseIR(given);
  EXPECT_EQ(eliminateDeadCode(*g), changes);
  ir::verifyOrThrow(*g, "dce");
  EXPECT_EQ(g->str(), ir::parseIR(expected)->str());
}

TEST(DCE, RemovesUnusedPureNodesKeepsEffects) {
  expectDCE(R"IR(
graph(%x : Tensor, %l : int[]):
  %1 : int = prim::Constant[value=1]()
  %2 : Tensor = aten::mul(%x, %x)
  %3 : Tensor = aten::relu(%2)
  %4 : int[] = aten::append(%l, %1)
  %5 : Tensor = aten::add_(%x, %x, %1)
  %6 : str = prim::Constant[value="boom"]()
   = prim::Print(%6)
  %7 : int = prim::Constant[value=7]()
  return (%x))IR",
            R"IR(
graph(%x : Tensor, %l : int[]):
  %1 : int = prim::Constant[value=1]()
  %4 : int[] = aten::append(%l, %1)
  %5 : Tensor = aten::add_(%x, %x, %1)
  %6 : str = prim::Constant[value="boom"]()
   = prim::Print(%6)
  return (%x))IR");
}

TEST(DCE, NothingToDo) {
  const char* text = R"IR(
graph(%x : Tensor):
  %1 : Tensor = aten::neg(%x)
  return (%1))IR";
  expectDCE(text, text, false);
}

TEST(DCE, KeepsSetAttrRaiseAndCalls) {
  const char* text = R"IR(
graph(%self : __torch__.M, %c : bool):
  %1 : int = prim::Constant[value=1]()
   = prim::SetAttr[name="k"](%self, %1)
  %2 : NoneType = prim::CallMethod[name="reset"](%self)
   = prim::If(%c)
    block0():
      %3 : str = prim::Constant[value="builtins.ValueError"]()
       = prim::RaiseException(%3)
      -> ()
    block1():
      -> ()
  return (%c))IR";
  expectDCE(text, text, false);
}

TEST(DCE, RemovesDeadIfOutputsAndEmptyIfs) {
  expectDCE(R"IR(
graph(%x : Tensor, %c : bool):
  %1 : Tensor, %2 : Tensor = prim::If(%c)
    block0():
      %3 : Tensor = aten::neg(%x)
      %4 : Tensor = aten::relu(%x)
      -> (%3, %4)
    block1():
      -> (%x, %x)
  %5 : Tensor = prim::If(%c)
    block0():
      %6 : Tensor = aten::abs(%x)
      -> (%6)
    block1():
      -> (%x)
  return (%2))IR",
            R"IR(
graph(%x : Tensor, %c : bool):
  %2 : Tensor = prim::If(%c)
    block0():
      %4 : Tensor = aten::relu(%x)
      -> (%4)
    block1():
      -> (%x)
  return (%2))IR");
}

TEST(DCE, RemovesDeadLoopCarriedValues) {
  // %b is carried but neither returned nor read by the live part of the body.
  expectDCE(R"IR(
graph(%n : int, %x : Tensor):
  %1 : bool = prim::Constant[value=1]()
  %2 : int = prim::Constant[value=0]()
  %a : int, %b : Tensor = prim::Loop(%n, %1, %2, %x)
    block0(%i : int, %a.1 : int, %b.1 : Tensor):
      %3 : Tensor = aten::neg(%b.1)
      %4 : int = aten::add(%a.1, %i)
      %5 : bool = aten::lt(%4, %n)
      -> (%5, %4, %3)
  return (%a))IR",
            R"IR(
graph(%n : int, %x : Tensor):
  %1 : bool = prim::Constant[value=1]()
  %2 : int = prim::Constant[value=0]()
  %a : int = prim::Loop(%n, %1, %2)
    block0(%i : int, %a.1 : int):
      %4 : int = aten::add(%a.1, %i)
      %5 : bool = aten::lt(%4, %n)
      -> (%5, %4)
  return (%a))IR");
}

TEST(DCE, PureLoopWithoutUsedResultsGoesAway) {
  expectDCE(R"IR(
graph(%n : int, %x : Tensor):
  %1 : bool = prim::Constant[value=1]()
  %b : Tensor = prim::Loop(%n, %1, %x)
    block0(%i : int, %b.1 : Tensor):
      %3 : Tensor = aten::neg(%b.1)
      -> (%1, %3)
  return (%x))IR",
            R"IR(
graph(%n : int, %x : Tensor):
  return (%x))IR");
}

TEST(DCE, LoopWithEffectStaysButLosesDeadCarriedValues) {
  expectDCE(R"IR(
graph(%n : int, %x : Tensor, %l : int[]):
  %1 : bool = prim::Constant[value=1]()
  %b : Tensor = prim::Loop(%n, %1, %x)
    block0(%i : int, %b.1 : Tensor):
      %3 : Tensor = aten::neg(%b.1)
      %4 : int[] = aten::append(%l, %i)
      -> (%1, %3)
  return (%x))IR",
            R"IR(
graph(%n : int, %x : Tensor, %l : int[]):
  %1 : bool = prim::Constant[value=1]()
   = prim::Loop(%n, %1)
    block0(%i : int):
      %4 : int[] = aten::append(%l, %i)
      -> (%1)
  return (%x))IR");
}

TEST(DCE, CarriedValueReadByLiveBodyNodeStays) {
  // The loop output is unused, but the body prints the carried value.
  const char* text = R"IR(
graph(%n : int, %x : Tensor):
  %1 : bool = prim::Constant[value=1]()
  %b : Tensor = prim::Loop(%n, %1, %x)
    block0(%i : int, %b.1 : Tensor):
       = prim::Print(%b.1)
      %3 : Tensor = aten::neg(%b.1)
      -> (%1, %3)
  return (%x))IR";
  expectDCE(text, text, false);
}

TEST(DCE, NestedLoopsInsideIf) {
  expectDCE(R"IR(
graph(%n : int, %c : bool):
  %1 : bool = prim::Constant[value=1]()
  %2 : int = prim::If(%c)
    block0():
      %s : int, %t : int = prim::Loop(%n, %1, %n, %n)
        block0(%i : int, %s.1 : int, %t.1 : int):
          %5 : int = aten::add(%s.1, %i)
          %6 : int = aten::mul(%t.1, %i)
          -> (%1, %5, %6)
      -> (%s)
    block1():
      -> (%n)
  return (%2))IR",
            R"IR(
graph(%n : int, %c : bool):
  %1 : bool = prim::Constant[value=1]()
  %2 : int = prim::If(%c)
    block0():
      %s : int = prim::Loop(%n, %1, %n)
        block0(%i : int, %s.1 : int):
          %5 : int = aten::add(%s.1, %i)
          -> (%1, %5)
      -> (%s)
    block1():
      -> (%n)
  return (%2))IR");
}

TEST(DCE, OnABlock) {
  auto g = ir::parseIR(R"IR(
graph(%x : Tensor, %c : bool):
  %1 : Tensor = prim::If(%c)
    block0():
      %2 : Tensor = aten::neg(%x)
      %3 : Tensor = aten::relu(%x)
      -> (%3)
    block1():
      -> (%x)
  return (%1))IR");
  ir::Block* then = g->nodes().front()->blocks()[0];
  EXPECT_TRUE(eliminateDeadCode(then));
  EXPECT_EQ(then->nodes().front()->kind(), ir::Symbol::aten("relu"));
  ir::verifyOrThrow(*g);
}

}  // namespace
}  // namespace ember::passes
