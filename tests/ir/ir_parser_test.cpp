#include "ember/ir/ir_parser.h"

#include <gtest/gtest.h>

#include "ember/ir/printer.h"
#include "ember/ir/verifier.h"
#include "ember/value/containers.h"

namespace ember::ir {
namespace {

std::string parseError(std::string_view text) {
  try {
    parseIR(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(IRParser, KeepsNamesNumbersAndLocations) {
  const char* text = R"IR(graph(%x.1 : Tensor,
      %7 : int):
  %3 : int = prim::Constant[value=1]() # a.py:2:4
  %y.1 : Tensor = aten::add(%x.1, %x.1, %3) # a.py:3:8
  %5 : Tensor = aten::mul(%y.1, %7) # a.py:3:8
  return (%5)
)IR";
  auto g = parseIR(text);
  EXPECT_EQ(g->str(), text);
  EXPECT_EQ(g->inputs()[1]->unique(), 7u);
  EXPECT_FALSE(g->inputs()[1]->hasDebugName());
  Node* add = *std::next(g->nodes().begin());
  EXPECT_EQ(add->sourceLoc().line, 3);
  EXPECT_EQ(add->sourceLoc().col, 8);
  // One shared file name for the whole graph.
  EXPECT_EQ(add->sourceLoc().file.get(), g->nodes().front()->sourceLoc().file.get());
  // Values made later do not take a number the text used.
  Value* fresh = g->insertConstant(IValue(int64_t(2)));
  for (Node* n : g->nodes())
    for (Value* v : n->outputs())
      if (v != fresh) {
        EXPECT_NE(v->unique(), fresh->unique());
      }
  EXPECT_GT(fresh->unique(), 7u);
}

TEST(IRParser, AcceptsAnnotationSpellingsOfTypes) {
  auto g = parseIR(R"IR(
graph(%a : List[int], %b : Optional[Tensor], %c : Tuple[int, int], %d : Dict[str, Tensor],
      %e : Tuple[()], %f : Union[int, str], %g : Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu),
      %h : Optional[List[Tuple[int, str]]]):
  return ())IR");
  std::vector<std::string> printed;
  for (Value* v : g->inputs()) printed.push_back(irTypeStr(v->type()));
  EXPECT_EQ(printed, (std::vector<std::string>{"int[]", "Tensor?", "(int, int)", "Dict(str, Tensor)", "()",
                                               "Union(int, str)", "Tensor", "(int, str)[]?"}));
}

TEST(IRParser, Attributes) {
  auto g = parseIR(R"IR(graph(%x : Tensor):
  %1 : Tensor = aten::foo[a=1, b=2.5, c="x", d=[1, 2], e=[1.5, 2], f=["q"], g=int[], h=(1, "a"), i=[True], j=None, k=-inf, l={2}](%x)
  %2 : str[] = prim::Constant[value=[]]()
  %3 : float[] = prim::Constant[value=[]]()
  %4 : Tensor[] = prim::Constant[value=[]]()
  %5 : int = prim::Constant[value=-9223372036854775808]()
  return (%1))IR");
  Node* n = g->nodes().front();
  EXPECT_EQ(n->i(Symbol::attr("a")), 1);
  EXPECT_EQ(n->f(Symbol::attr("b")), 2.5);
  EXPECT_EQ(n->s(Symbol::attr("c")), "x");
  EXPECT_EQ(n->is(Symbol::attr("d")), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(n->fs(Symbol::attr("e")), (std::vector<double>{1.5, 2.0}));
  EXPECT_EQ(n->ss(Symbol::attr("f")), (std::vector<std::string>{"q"}));
  EXPECT_EQ(n->ty(Symbol::attr("g"))->str(), "List[int]");
  EXPECT_EQ(n->ival(Symbol::attr("h")).toTuple().elements.size(), 2u);
  EXPECT_TRUE(n->ival(Symbol::attr("i")).toList().elements[0].toBool());
  EXPECT_TRUE(n->ival(Symbol::attr("j")).isNone());
  EXPECT_EQ(n->f(Symbol::attr("k")), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(n->ival(Symbol::attr("l")).toTensor().item().toInt(), 2);
  auto it = std::next(g->nodes().begin());
  EXPECT_EQ((*it)->attributeKind(attr::value), AttributeKind::Strings);
  EXPECT_EQ((*++it)->attributeKind(attr::value), AttributeKind::Floats);
  EXPECT_EQ(toIValue((*++it)->output())->toList().elementType->kind(), TypeKind::Tensor);
  EXPECT_EQ((*++it)->i(attr::value), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(g->str().substr(g->str().find("%1")),
            R"IR(%1 : Tensor = aten::foo[a=1, b=2.5, c="x", d=[1, 2], e=[1.5, 2.], f=["q"], g=int[], h=(1, "a"), i=[True], j=None, k=-inf, l={2}](%x)
  %2 : str[] = prim::Constant[value=[]]()
  %3 : float[] = prim::Constant[value=[]]()
  %4 : Tensor[] = prim::Constant[value=[]]()
  %5 : int = prim::Constant[value=-9223372036854775808]()
  return (%1)
)IR");
}

TEST(IRParser, ConstantsReadBackByType) {
  auto g = parseIR(R"IR(graph():
  %0 : bool = prim::Constant[value=1]()
  %1 : bool[] = prim::Constant[value=[0, 1]]()
  %2 : Device = prim::Constant[value="cpu"]()
  %3 : float = prim::Constant[value=25000000000]()
  %4 : NoneType = prim::Constant()
  return (%0, %1, %2, %3, %4))IR");
  auto outs = g->outputs();
  EXPECT_TRUE(toIValue(outs[0])->isBool());
  EXPECT_EQ(toIValue(outs[1])->str(), "[False, True]");
  EXPECT_TRUE(toIValue(outs[2])->isDevice());
  EXPECT_TRUE(toIValue(outs[3])->isDouble());
  EXPECT_TRUE(toIValue(outs[4])->isNone());
}

TEST(IRParser, ReportsErrorsWithPosition) {
  EXPECT_NE(parseError("graph(%x : Tensor):\n  %1 : Tensor = aten::neg(%y)\n  return (%1)")
                .find("use of undefined value %y at line 2, column 27"),
            std::string::npos)
      << parseError("graph(%x : Tensor):\n  %1 : Tensor = aten::neg(%y)\n  return (%1)");
  EXPECT_NE(parseError("graph(%x : Tensor, %x : int):\n  return ()").find("%x is defined twice"), std::string::npos);
  EXPECT_NE(parseError("graph(%x : Tensr):\n  return ()").find("unknown type 'Tensr'"), std::string::npos);
  EXPECT_NE(parseError("graph():\n  %1 : str = prim::Constant[value=\"abc]()\n  return ()").find("unterminated string"),
            std::string::npos);
  EXPECT_NE(parseError("graph(%c : bool):\n   = prim::If(%c)\n    block0():\n  return ()").find("expected '->'"),
            std::string::npos);
  EXPECT_NE(parseError("graph():\n  %1 : int = add()\n  return ()").find("expected '::'"), std::string::npos);
  EXPECT_NE(parseError("graph():\n  return ()\n extra").find("unexpected text"), std::string::npos);
  EXPECT_NE(parseError("graph():\n  %1 : int = prim::Constant[value=99999999999999999999]()\n  return ()")
                .find("integer out of range"),
            std::string::npos);
  Graph g;
  g.addInput();
  EXPECT_THROW(parseIR("graph():\n  return ()", g), Error);
}

TEST(IRParser, NestedBlocksAndComments) {
  const char* text = R"IR(graph(%n.1 : int):
  %2 : bool = prim::Constant[value=1]()
  %total : int = prim::Loop(%n.1, %2, %n.1) # <string>:4:4
    block0(%i : int, %t.3 : int):
      %5 : bool = aten::gt(%i, %t.3)
      %t.5 : int = prim::If(%5)
        block0():
          -> (%i)
        block1():
          %7 : int = aten::add(%t.3, %i) # <string>:6:12
          -> (%7)
      -> (%2, %t.5)
  return (%total)
)IR";
  auto g = parseIR(text);
  EXPECT_EQ(g->str(), text);
  EXPECT_TRUE(verify(*g).empty());
  // Whole-line comments and odd spacing are fine.
  auto h = parseIR("# leading comment\ngraph( %a:int ) :\n  # a note\n  %b : int=aten::neg( %a )\n  return ( %b )");
  EXPECT_EQ(h->str(), "graph(%a : int):\n  %b : int = aten::neg(%a)\n  return (%b)\n");
}

}  // namespace
}  // namespace ember::ir
