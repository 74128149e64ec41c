// ember convert FILE.py: the archive layout torch.jit.load needs, ember's own
// round trip, and refusals. That PyTorch loads the archives and computes what
// it computes for the source is tools/oracle/convert_lang_cases.py's job.
#include "ember/export/source_archive.h"

#include <gtest/gtest.h>

#include "ember/api/ember.h"
#include "ember/export/python_printer.h"
#include "ember/ir/node.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"

namespace ember::exporter {
namespace {

constexpr const char* kProgram = R"PY(
from typing import List, NamedTuple, Optional

class Pair(NamedTuple):
    a: int
    b: int

class Acc:
    def __init__(self, start: int):
        self.total = start

    def add(self, v: int) -> int:
        self.total += v
        return self.total

def helper(x: int, scale: int = 2) -> int:
    return x * scale

def f(n: int, extra: Optional[int] = None) -> int:
    acc = Acc(0)
    xs: List[int] = [helper(i) for i in range(n)]
    for x in xs:
        if x > 6:
            break
        acc.add(x)
    if extra is not None:
        acc.add(extra)
    return acc.total

def pair(n: int) -> Pair:
    return Pair(n, f(n))
)PY";

std::string codeOf(const ConvertedSource& c) {
  EXPECT_EQ(c.contents.code.size(), 1u);
  return c.contents.code.at(0).second;
}

TEST(SourceArchive, LaysOutARootModuleForwardingToEveryFunction) {
  ConvertedSource c = convertSource(kProgram, "dir/prog.py");
  EXPECT_EQ(c.rootClass, "__torch__.prog.Converted");
  EXPECT_EQ(c.contents.code[0].first, "__torch__/prog.py");
  std::string code = codeOf(c);
  EXPECT_NE(code.find("class Converted(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n"),
            std::string::npos)
      << code;
  EXPECT_NE(code.find("def f(self: __torch__.prog.Converted,"), std::string::npos) << code;
  EXPECT_NE(code.find("return __torch__.prog.f(n, extra)"), std::string::npos) << code;
  EXPECT_NE(code.find("class Acc:\n  total : int\n"), std::string::npos) << code;
  EXPECT_NE(code.find("class Pair(NamedTuple):\n  a : int\n  b : int\n"), std::string::npos) << code;
  EXPECT_NE(code.find("__torch__.prog.helper("), std::string::npos) << code;
  // PyTorch's importer has no imports and resolves no bare class names.
  EXPECT_EQ(code.find("import"), std::string::npos) << code;
  EXPECT_EQ(code.find(" Acc("), std::string::npos) << code;
  EXPECT_EQ(c.contents.version, 10);
}

TEST(SourceArchive, EmberLoadsWhatItWrote) {
  ConvertedSource c = convertSource(kProgram, "prog.py");
  auto bytes = std::make_shared<const std::vector<uint8_t>>(serialization::writeScriptArchiveBytes(c.contents, "prog"));
  Module m = ember::load(bytes);
  // helper doubles: xs = 0, 2, 4, 6, 8; the loop stops at 8: 0 + 2 + 4 + 6 = 12.
  EXPECT_EQ(m.run_method("f", {IValue(int64_t(5))}).toInt(), 12);
  EXPECT_EQ(m.run_method("f", {IValue(int64_t(5)), IValue(int64_t(30))}).toInt(), 42);
  EXPECT_EQ(m.run_method("helper", {IValue(int64_t(4))}).toInt(), 8);
  IValue p = m.run_method("pair", {IValue(int64_t(3))});
  ASSERT_TRUE(p.isTuple());
  EXPECT_EQ(p.toTuple().elements[0].toInt(), 3);
  EXPECT_EQ(p.toTuple().elements[1].toInt(), 6);  // 0 + 2 + 4
}

TEST(SourceArchive, RootNameAvoidsTheFilesOwnNames) {
  ConvertedSource c = convertSource("class Converted:\n    def __init__(self):\n        self.x = 1\n"
                                    "def forward(x: int) -> int:\n    return Converted().x + x\n",
                                    "m.py");
  EXPECT_EQ(c.rootClass, "__torch__.m.Converted1");
  auto bytes = std::make_shared<const std::vector<uint8_t>>(serialization::writeScriptArchiveBytes(c.contents, "m"));
  EXPECT_EQ(ember::load(bytes).forward({IValue(int64_t(2))}).toInt(), 3);
}

TEST(SourceArchive, RefusesANodeWithoutSerializedFormNamingItsLine) {
  ir::Graph g;
  ir::Value* x = g.addInput("x");
  x->setType(types::intT());
  ir::Node* n = g.create(ir::prim::PythonOp, {x}, 1);
  n->output()->setType(types::intT());
  n->setSourceLoc(ir::SourceLoc("prog.py", 7, 4));
  g.insertNode(n);
  g.registerOutput(n->output());
  ops::FunctionSchema s;
  s.name = "f";
  s.arguments.push_back(ops::Argument{"x", types::intT()});
  s.returns.push_back(ops::Argument{"", types::intT()});
  FileNames names("__torch__.prog");
  try {
    printFunction("f", s, g, names, 0);
    FAIL() << "printed a Python op";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotImplemented);
    EXPECT_NE(std::string(e.what()).find("prog.py:7: cannot convert a call into Python"), std::string::npos) << e.what();
  }
}

TEST(SourceArchive, CompileErrorsAreReportedNotConverted) {
  EXPECT_THROW(convertSource("def f(x: int) -> int:\n    return y\n", "bad.py"), Error);
}

}  // namespace
}  // namespace ember::exporter
