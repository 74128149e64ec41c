#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "ember/ir/graph.h"
#include "ember/ir/ir_parser.h"
#include "ember/ir/printer.h"
#include "ember/ir/verifier.h"
#include "ember/passes/dce.h"

namespace ember::ir {
namespace {

std::string runCommand(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    *status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

// The script's output, kept in the build tree until the script changes:
// importing torch takes seconds.
std::string pytorchGraphsText() {
  namespace fs = std::filesystem;
  fs::path script = fs::path(EMBER_SOURCE_DIR) / "tests/ir/pytorch_graphs.py";
  fs::path cache = fs::path(EMBER_BINARY_DIR) / "tests/ir_pytorch_graphs.txt";
  std::error_code ec;
  if (fs::exists(cache, ec) && fs::last_write_time(cache, ec) >= fs::last_write_time(script, ec)) {
    std::ifstream in(cache);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  int status = 0;
  std::string out = runCommand(std::string(EMBER_PYTHON) + " " + script.string() + " 2>/dev/null", &status);
  if (status != 0) return "";
  fs::create_directories(cache.parent_path(), ec);
  std::ofstream(cache) << out;
  return out;
}

// name -> graph text, from tests/ir/pytorch_graphs.py run on PyTorch.
std::vector<std::pair<std::string, std::string>> pytorchGraphs() {
  std::vector<std::pair<std::string, std::string>> graphs;
  std::istringstream in(pytorchGraphsText());
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      graphs.emplace_back(line.substr(4), "");
      continue;
    }
    if (!graphs.empty()) graphs.back().second += line + "\n";
  }
  return graphs;
}

// PyTorch prints each graph; ember parses the text and must print it back
// byte for byte. The graphs must also verify, copy and survive DCE unchanged
// (PyTorch already removed their dead code).
TEST(Printer, RoundTripsPyTorchGraphs) {
  auto graphs = pytorchGraphs();
  if (graphs.empty()) GTEST_SKIP() << "no PyTorch at " << EMBER_PYTHON;
  EXPECT_EQ(graphs.size(), 9u);
  for (const auto& [name, text] : graphs) {
    SCOPED_TRACE(name);
    GraphPtr g;
    try {
      g = parseIR(text);
    } catch (const Error& e) {
      ADD_FAILURE() << e.what() << "\n" << text;
      continue;
    }
    EXPECT_EQ(g->str(), text);
    auto problems = verify(*g);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_EQ(g->copy()->str(), text);
    EXPECT_FALSE(passes::eliminateDeadCode(*g));
    EXPECT_EQ(g->str(), text);
  }
}

std::string withoutLocations(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find(" # ");
    out += (hash == std::string::npos ? line : line.substr(0, hash)) + "\n";
  }
  return out;
}

// Inner.forward of pytorch_graphs.py built through the API, in the order
// PyTorch's compiler creates the values (its %3 was created and deleted).
TEST(Printer, ApiBuiltGraphMatchesPyTorch) {
  auto graphs = pytorchGraphs();
  auto it = std::find_if(graphs.begin(), graphs.end(), [](const auto& p) { return p.first == "submodule_forward"; });
  if (it == graphs.end()) GTEST_SKIP() << "no PyTorch at " << EMBER_PYTHON;

  Graph g;
  Value* self = g.addInput("self")->setType(types::classType("__torch__.Inner"));
  Value* x = g.addInput("x.1")->setType(types::tensor());
  Value* lin = g.insertNode(g.createGetAttr(self, "lin", types::classType("__torch__.torch.nn.modules.linear.Linear")))
                   ->output()
                   ->setDebugName("lin");
  g.create(Symbol::prim("Placeholder"))->destroy();
  Node* call = g.insertNode(g.create(prim::CallMethod, {lin, x}));
  call->s_(attr::name, "forward")->output()->setType(types::tensor());
  Value* k = g.insertNode(g.createGetAttr(self, "k", types::intT()))->output()->setDebugName("k");
  Value* one = nullptr;
  {
    WithInsertPoint front(g.nodes().front());
    one = g.insertConstant(IValue(int64_t(1)));
  }
  Value* sum = g.insert(Symbol::aten("add"), {call->output(), k, one}, types::tensor());
  g.registerOutput(sum);
  EXPECT_TRUE(verify(g).empty());
  EXPECT_EQ(g.str(), withoutLocations(it->second));
}

TEST(Printer, TypesAsGraphDumpsSpellThem) {
  auto s = [](const TypePtr& t) { return irTypeStr(t); };
  EXPECT_EQ(s(types::list(types::intT())), "int[]");
  EXPECT_EQ(s(types::optional(types::tensor())), "Tensor?");
  EXPECT_EQ(s(types::list(types::optional(types::tensor()))), "Tensor?[]");
  EXPECT_EQ(s(types::optional(types::list(types::intT()))), "int[]?");
  EXPECT_EQ(s(types::tuple({types::intT(), types::floatT()})), "(int, float)");
  EXPECT_EQ(s(types::tuple({types::intT()})), "(int)");
  EXPECT_EQ(s(types::tuple({})), "()");
  EXPECT_EQ(s(types::dict(types::str(), types::tensor())), "Dict(str, Tensor)");
  EXPECT_EQ(s(types::unionOf({types::intT(), types::str()})), "Union(int, str)");
  EXPECT_EQ(s(types::namedTuple("__torch__.P", {"x", "y"}, {types::intT(), types::tensor()})),
            "NamedTuple(x : int, y : Tensor)");
  EXPECT_EQ(s(types::future(types::intT())), "Future[int]");
  EXPECT_EQ(s(types::rref(types::intT())), "RRef[int]");
  EXPECT_EQ(s(types::number()), "Scalar");
  EXPECT_EQ(s(types::none()), "NoneType");
  EXPECT_EQ(s(types::scalarType()), "int");
  EXPECT_EQ(s(types::classType("__torch__.M")), "__torch__.M");
  EXPECT_EQ(s(nullptr), "<null type>");
  // Every spelling reads back.
  for (const char* text : {"int[]", "Tensor?[]", "int[]?", "(int, (float, str))?", "Dict(str, int[])",
                           "Union(int, str)", "NamedTuple(x : int, y : Tensor)", "Future[int]", "()", "(int)",
                           "__torch__.torch.nn.modules.linear.Linear", "Any", "Device", "Scalar", "str[][]"})
    EXPECT_EQ(irTypeStr(parseIRType(text)), text);
}

TEST(Printer, FloatsAsIValueRepr) {
  auto s = [](double d) {
    std::ostringstream os;
    printIRDouble(os, d);
    return os.str();
  };
  EXPECT_EQ(s(2.0), "2.");
  EXPECT_EQ(s(-0.0), "-0.");
  EXPECT_EQ(s(0.0), "0.");
  EXPECT_EQ(s(1.5), "1.5");
  EXPECT_EQ(s(0.1), "0.10000000000000001");
  EXPECT_EQ(s(1e20), "1e+20");
  EXPECT_EQ(s(1e-7), "9.9999999999999995e-08");
  EXPECT_EQ(s(123456789.0), "123456789.");
  EXPECT_EQ(s(2.5e10), "25000000000");
  EXPECT_EQ(s(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(s(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(s(std::nan("")), "nan");
}

TEST(Printer, StringsAsPrintQuotedString) {
  auto s = [](std::string_view v) {
    std::ostringstream os;
    printQuotedString(os, v);
    return os.str();
  };
  EXPECT_EQ(s("a'b\\c\td\"e\n"), R"("a\'b\\c\td\"e\n")");
  EXPECT_EQ(s(std::string("\x01\x7f\r\a\b\f\v", 7)), R"("\001\177\r\a\b\f\v")");
  EXPECT_EQ(s("caf\xc3\xa9"), "\"caf\xc3\xa9\"");  // UTF-8 stays readable
  // And they read back.
  auto g = parseIR(R"IR(graph():
  %0 : str = prim::Constant[value="a\'b\\c\td\"e\n\001\177"]()
  return (%0))IR");
  EXPECT_EQ(g->nodes().front()->s(attr::value), std::string("a'b\\c\td\"e\n\x01\x7f"));
}

TEST(Printer, NeverCrashesOnBrokenIR) {
  Graph g;
  Value* x = g.addInput("x");  // no type
  Node* n = g.insertNode(g.create(Symbol::aten("f"), {x}));
  Node* ifNode = g.insertNode(g.create(prim::If, {n->output()}, 1));  // output without type
  ifNode->addBlock();
  std::string text = g.str();
  EXPECT_NE(text.find("%x : <null type>"), std::string::npos) << text;
  EXPECT_NE(text.find("block0():"), std::string::npos) << text;
  EXPECT_FALSE(verify(g).empty());

  // A node that was removed from its block but still feeds the return.
  Graph h;
  Value* y = h.addInput("y")->setType(types::intT());
  Node* a = h.insertNode(h.create(Symbol::aten("a"), {y}));
  a->output()->setType(types::intT());
  h.registerOutput(a->output());
  a->removeFromList();
  EXPECT_EQ(h.str(), "graph(%y : int):\n  return (%1)\n");
  EXPECT_FALSE(verify(h).empty());
}

TEST(Printer, NodeAndValueStrings) {
  auto g = parseIR(R"IR(graph(%x : Tensor, %c : bool):
  %1 : Tensor = prim::If(%c) # m.py:1:2
    block0():
      -> (%x)
    block1():
      -> (%x)
  return (%1))IR");
  Node* n = g->nodes().front();
  EXPECT_EQ(n->str(), R"IR(%1 : Tensor = prim::If(%c) # m.py:1:2
  block0():
    -> (%x)
  block1():
    -> (%x)
)IR");
  std::ostringstream os;
  os << *g->inputs()[0];
  EXPECT_EQ(os.str(), "%x");
  std::ostringstream sig;
  n->printSignature(sig, false);
  EXPECT_EQ(sig.str(), "%1 : Tensor = prim::If(%c)");
}

}  // namespace
}  // namespace ember::ir
