#include "ember/frontend/parser.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace ember::frontend {
namespace {

using Errors = std::vector<std::string>;

struct Parsed {
  std::unique_ptr<Module> module;
  SourceFilePtr file;
  Errors errors;  // "line:col: message"
  std::string rendered;
};

Parsed parse(std::string_view src, std::string name = "t.py") {
  Parsed p;
  p.file = SourceFile::create(std::move(name), std::string(src));
  DiagnosticEngine diag;
  p.module = parseModule(p.file, diag);
  for (const Diagnostic& d : diag.diagnostics())
    if (d.severity == Severity::Error) p.errors.push_back(fmt::format("{}:{}: {}", d.range.line(), d.range.column(), d.message));
  p.rendered = diag.render();
  return p;
}

// The module dump of source that must parse cleanly.
std::string ast(std::string_view src) {
  Parsed p = parse(src);
  EXPECT_TRUE(p.errors.empty()) << src << "\n" << p.rendered;
  return p.module->str();
}

// The dump of one expression statement.
std::string expr(std::string_view src) {
  Parsed p = parse(src);
  EXPECT_TRUE(p.errors.empty()) << src << "\n" << p.rendered;
  // A lone string literal is the module's docstring.
  if (p.module->body.empty() && p.module->docstring) return p.module->docstring->str();
  if (p.module->body.size() != 1 || !isa<ExprStmt>(p.module->body[0].get())) return "<not one expression>";
  return static_cast<const ExprStmt&>(*p.module->body[0]).value->str();
}

Errors errors(std::string_view src) { return parse(src).errors; }

/*
** Expressions
*/

TEST(Parser, PowerBindsTighterThanUnaryMinusOnItsLeft) {
  EXPECT_EQ(expr("-2**2"), "(- (** 2 2))");
  EXPECT_EQ(expr("2**-1"), "(** 2 (- 1))");
  EXPECT_EQ(expr("2**3**2"), "(** 2 (** 3 2))");
  EXPECT_EQ(expr("-x**-y**z"), "(- (** x (- (** y z))))");
  EXPECT_EQ(expr("a.b**c[0]"), "(** (. a b) (subscript c 0))");
}

TEST(Parser, BinaryPrecedenceAndAssociativity) {
  EXPECT_EQ(expr("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(expr("a + b * c"), "(+ a (* b c))");
  EXPECT_EQ(expr("a | b ^ c & d << e + f * g"), "(| a (^ b (& c (<< d (+ e (* f g))))))");
  EXPECT_EQ(expr("a // b % c @ d / e"), "(/ (@ (% (// a b) c) d) e)");
  EXPECT_EQ(expr("a >> b << c"), "(<< (>> a b) c)");
  EXPECT_EQ(expr("~a + -b * +c"), "(+ (~ a) (* (- b) (+ c)))");
}

TEST(Parser, BooleansComparisonsAndConditionals) {
  EXPECT_EQ(expr("not a == b"), "(not (compare a == b))");
  EXPECT_EQ(expr("a and b or c and d"), "(or (and a b) (and c d))");
  EXPECT_EQ(expr("a or b or c"), "(or a b c)");
  EXPECT_EQ(expr("not not a"), "(not (not a))");
  EXPECT_EQ(expr("a < b <= c != d"), "(compare a < b <= c != d)");
  EXPECT_EQ(expr("a is not None and b not in c"), "(and (compare a is not None) (compare b not in c))");
  EXPECT_EQ(expr("not a in b"), "(not (compare a in b))");
  EXPECT_EQ(expr("a if b else c if d else e"), "(ifexp b a (ifexp d c e))");
  EXPECT_EQ(expr("a | b < c"), "(compare (| a b) < c)");
  EXPECT_EQ(expr("lambda x, y=1: x + y"), "(lambda (params (param x) (param y :default 1)) (+ x y))");
  EXPECT_EQ(expr("lambda: 0"), "(lambda (params) 0)");
  EXPECT_EQ(expr("lambda *a, k, **kw: a"), "(lambda (params (*param a) (param k) (**param kw)) a)");
}

TEST(Parser, Literals) {
  EXPECT_EQ(expr("1"), "1");
  EXPECT_EQ(expr("1.5"), "1.5");
  EXPECT_EQ(expr("1e3"), "1000.0");
  EXPECT_EQ(expr("1e-05"), "1e-05");
  EXPECT_EQ(expr("0x10"), "16");
  EXPECT_EQ(expr("None"), "None");
  EXPECT_EQ(expr("True"), "True");
  EXPECT_EQ(expr("..."), "...");
  EXPECT_EQ(expr("'a' \"b\" '''c'''"), "\"abc\"");
  EXPECT_EQ(expr("'tab\\there'"), "\"tab\\there\"");
  EXPECT_EQ(expr("'中文'"), "\"中文\"");
}

TEST(Parser, FStrings) {
  EXPECT_EQ(expr("f'a{x}b'"), "(fstring \"a\" (fvalue x) \"b\")");
  EXPECT_EQ(expr("f'{x!r:>{w}.2f}'"), "(fstring (fvalue x !r :spec (fstring \">\" (fvalue w) \".2f\")))");
  EXPECT_EQ(expr("f'{{literal}} {x + 1}'"), "(fstring \"{literal} \" (fvalue (+ x 1)))");
  EXPECT_EQ(expr("'pre ' f'{a}' ' post'"), "(fstring \"pre \" (fvalue a) \" post\")");
  EXPECT_EQ(expr("f'{x=}'"), "(fstring \"x=\" (fvalue x !r))");
  EXPECT_EQ(expr("f'{d[\"k\"]} {f(a, b)!s}'"), "(fstring (fvalue (subscript d \"k\")) \" \" (fvalue (call f a b) !s))");
  EXPECT_EQ(expr("f'{a!=b}'"), "(fstring (fvalue (compare a != b)))");
  EXPECT_EQ(expr("f'\\n{x}'"), "(fstring \"\\n\" (fvalue x))");
  EXPECT_EQ(expr("rf'\\n{x}'"), "(fstring \"\\\\n\" (fvalue x))");
  EXPECT_EQ(expr("f''"), "(fstring)");
  EXPECT_EQ(expr("f'''{\nx\n}'''"), "(fstring (fvalue x))");
}

TEST(Parser, FStringFieldsHaveExactRanges) {
  Parsed p = parse("s = f'ab{x + yy:>{w}}'\n");
  ASSERT_TRUE(p.errors.empty()) << p.rendered;
  auto& assign = static_cast<const Assign&>(*p.module->body[0]);
  auto& fs = static_cast<const FString&>(*assign.value);
  ASSERT_EQ(fs.parts.size(), 2u);
  EXPECT_EQ(fs.parts[0]->range().text(), "ab");
  auto& fv = static_cast<const FormattedValue&>(*fs.parts[1]);
  EXPECT_EQ(fv.range().text(), "{x + yy:>{w}}");
  EXPECT_EQ(fv.value->range().text(), "x + yy");
  EXPECT_EQ(static_cast<const BinOp&>(*fv.value).right->range().column(), 14u);
  auto& spec = static_cast<const FString&>(*fv.formatSpec);
  EXPECT_EQ(spec.parts[1]->range().text(), "{w}");
}

TEST(Parser, FStringErrors) {
  EXPECT_EQ(errors("f'{}'\n"), Errors{"1:3: f-string: empty expression not allowed"});
  EXPECT_EQ(errors("f'{x!z}'\n"), Errors{"1:5: f-string: invalid conversion character: expected 's', 'r', or 'a'"});
  EXPECT_EQ(errors("f'{x'\n"), Errors{"1:3: f-string: expecting '}'"});
  EXPECT_EQ(errors("f'a}b'\n"), Errors{"1:4: f-string: single '}' is not allowed"});
  EXPECT_EQ(errors("f'{a\\\\n}'\n"), Errors{"1:5: f-string expression part cannot include a backslash"});
  EXPECT_EQ(errors("f'{a +}'\n"), Errors{"1:7: expected expression, got end of file"});
}

TEST(Parser, SubscriptsAndSlices) {
  EXPECT_EQ(expr("x[1:2:3]"), "(subscript x (slice 1 2 3))");
  EXPECT_EQ(expr("x[::2]"), "(subscript x (slice _ _ 2))");
  EXPECT_EQ(expr("x[1:]"), "(subscript x (slice 1 _ _))");
  EXPECT_EQ(expr("x[:-1]"), "(subscript x (slice _ (- 1) _))");
  EXPECT_EQ(expr("x[:]"), "(subscript x (slice _ _ _))");
  EXPECT_EQ(expr("x[:, None, ..., 0]"), "(subscript x (tuple (slice _ _ _) None ... 0))");
  EXPECT_EQ(expr("x[a, b]"), "(subscript x (tuple a b))");
  EXPECT_EQ(expr("x[a,]"), "(subscript x (tuple a))");
  EXPECT_EQ(expr("x[()]"), "(subscript x (tuple))");
  EXPECT_EQ(expr("x[i][j].k"), "(. (subscript (subscript x i) j) k)");
  EXPECT_EQ(expr("Dict[str, List[Tuple[int, float]]]"), "(subscript Dict (tuple str (subscript List (subscript Tuple (tuple int float)))))");
}

TEST(Parser, Calls) {
  EXPECT_EQ(expr("f()"), "(call f)");
  EXPECT_EQ(expr("f(a, *b, c=1, **d)"), "(call f a (* b) (kw c 1) (** d))");
  EXPECT_EQ(expr("f(x=1, *a)"), "(call f (* a) (kw x 1))");
  EXPECT_EQ(expr("f(a,)"), "(call f a)");
  EXPECT_EQ(expr("f(x for x in y)"), "(call f (genexp x (for x y)))");
  EXPECT_EQ(expr("torch.jit.annotate(List[int], [])"), "(call (. (. torch jit) annotate) (subscript List int) (list))");
  EXPECT_EQ(expr("f(y := 2)"), "(call f (:= y 2))");
  EXPECT_EQ(expr("f(a)(b)[c](d)"), "(call (subscript (call (call f a) b) c) d)");
}

TEST(Parser, Displays) {
  EXPECT_EQ(expr("[]"), "(list)");
  EXPECT_EQ(expr("[1, *a, 2,]"), "(list 1 (* a) 2)");
  EXPECT_EQ(expr("()"), "(tuple)");
  EXPECT_EQ(expr("(1,)"), "(tuple 1)");
  EXPECT_EQ(expr("(1)"), "1");
  EXPECT_EQ(expr("1, 2"), "(tuple 1 2)");
  EXPECT_EQ(expr("{}"), "(dict)");
  EXPECT_EQ(expr("{'a': 1, **m, 'b': 2}"), "(dict (\"a\" 1) (** m) (\"b\" 2))");
  EXPECT_EQ(expr("{1, 2}"), "(set 1 2)");
  EXPECT_EQ(expr("{*a}"), "(set (* a))");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(expr("[x * y for x in a if x for y in b if y > 0 if y < 9]"),
            "(listcomp (* x y) (for x a (if x)) (for y b (if (compare y > 0)) (if (compare y < 9))))");
  EXPECT_EQ(expr("{k: v for k, v in d.items()}"), "(dictcomp k v (for (tuple k v) (call (. d items))))");
  EXPECT_EQ(expr("{x for x in s}"), "(setcomp x (for x s))");
  EXPECT_EQ(expr("(x for x in s)"), "(genexp x (for x s))");
  EXPECT_EQ(expr("[a for (a, b), c in z]"), "(listcomp a (for (tuple (tuple a b) c) z))");
  EXPECT_EQ(errors("[x for x in a if b else c]\n"), Errors{"1:20: expected ']' after list comprehension, got 'else'"});
  EXPECT_EQ(expr("[x if c else y for x in z]"), "(listcomp (ifexp c x y) (for x z))");
}

TEST(Parser, WalrusAndStarred) {
  EXPECT_EQ(ast("if (n := len(a)) > 10:\n    pass\n"), "(module\n  (if (compare (:= n (call len a)) > 10)\n    (pass)))");
  EXPECT_EQ(ast("while chunk := read():\n    pass\n"), "(module\n  (while (:= chunk (call read))\n    (pass)))");
  EXPECT_EQ(ast("a, *b = c\n"), "(module\n  (= (tuple a (* b)) c))");
  EXPECT_EQ(ast("print(*args)\n"), "(module\n  (expr (call print (* args))))");
  EXPECT_EQ(ast("return_value = *a, b\n"), "(module\n  (= return_value (tuple (* a) b)))");
}

/*
** Statements
*/

TEST(Parser, FunctionDefinitions) {
  EXPECT_EQ(ast("@torch.jit.script\n"
                "@staticmethod\n"
                "def f(a, b: int, c: float = 1.0, *args: int, d, e=2, **kwargs) -> Tuple[int, int]:\n"
                "    \"\"\"Docstring.\"\"\"\n"
                "    return a, b\n"),
            "(module\n"
            "  (def f (params (param a) (param b :type int) (param c :type float :default 1.0) (*param args :type int) "
            "(param d) (param e :default 2) (**param kwargs)) :returns (subscript Tuple (tuple int int)) "
            ":decorators ((. (. torch jit) script) staticmethod) :doc \"Docstring.\"\n"
            "    (return (tuple a b))))");
  EXPECT_EQ(ast("def f(a, /, b, *, c):\n  pass\n"), "(module\n  (def f (params (param a) / (param b) * (param c))\n    (pass)))");
  EXPECT_EQ(ast("async def f():\n  await g()\n"), "(module\n  (async-def f (params)\n    (expr (await (call g)))))");
  EXPECT_EQ(ast("def f(): return 1\n"), "(module\n  (def f (params)\n    (return 1)))");
}

TEST(Parser, TypeComments) {
  Parsed p = parse("def f(x, y):\n    # type: (int, List[float]) -> Optional[int]\n    return x\n");
  ASSERT_TRUE(p.errors.empty()) << p.rendered;
  EXPECT_EQ(p.module->str(),
            "(module\n  (def f (params (param x) (param y)) :type-comment ((int (subscript List float)) -> (subscript Optional int))\n"
            "    (return x)))");
  auto& def = static_cast<const FunctionDef&>(*p.module->body[0]);
  ASSERT_TRUE(def.typeComment.has_value());
  EXPECT_EQ(def.typeComment->argTypes[1]->range().text(), "List[float]");
  EXPECT_EQ(def.typeComment->argTypes[1]->range().location(), "t.py:2:19");
  // On the def line, ignored, after a docstring-less body, on assignments.
  EXPECT_EQ(ast("def g(a):  # type: (int) -> None\n  pass\n"),
            "(module\n  (def g (params (param a)) :type-comment ((int) -> None)\n    (pass)))");
  EXPECT_EQ(ast("def h(a):  # type: ignore\n  pass\n"), "(module\n  (def h (params (param a))\n    (pass)))");
  EXPECT_EQ(ast("x = []  # type: List[int]\n"), "(module\n  (= x (list) :type-comment ((subscript List int))))");
  EXPECT_EQ(errors("def f(x):\n    # type: (int -> int\n    pass\n"), Errors{"2:18: expected ',' or ')' in type comment, got '->'"});
}

TEST(Parser, Classes) {
  EXPECT_EQ(ast("class M(torch.nn.Module, metaclass=Meta):\n"
                "    '''A module.'''\n"
                "    __constants__ = ['n']\n"
                "    training : bool\n"
                "    weight : Tensor\n"
                "    def forward(self, x):\n"
                "        return x\n"),
            "(module\n"
            "  (class M :bases ((. (. torch nn) Module) (kw metaclass Meta)) :doc \"A module.\"\n"
            "    (= __constants__ (list \"n\"))\n"
            "    (ann training bool)\n"
            "    (ann weight Tensor)\n"
            "    (def forward (params (param self) (param x))\n"
            "      (return x))))");
  EXPECT_EQ(ast("@dataclass\nclass P: pass\n"), "(module\n  (class P :decorators (dataclass)\n    (pass)))");
}

TEST(Parser, ControlFlow) {
  EXPECT_EQ(ast("if a:\n  x\nelif b:\n  y\nelif c:\n  pass\nelse:\n  z\n"),
            "(module\n  (if a\n    (expr x)\n    (else\n      (if b\n        (expr y)\n        (else\n          (if c\n"
            "            (pass)\n            (else\n              (expr z))))))))");
  EXPECT_EQ(ast("while x:\n  break\nelse:\n  continue_ = 1\n"),
            "(module\n  (while x\n    (break)\n    (else\n      (= continue_ 1))))");
  EXPECT_EQ(ast("for i, (a, b) in enumerate(z):\n  continue\nelse:\n  pass\n"),
            "(module\n  (for (tuple i (tuple a b)) (call enumerate z)\n    (continue)\n    (else\n      (pass))))");
  EXPECT_EQ(ast("for x in 1, 2:\n  pass\n"), "(module\n  (for x (tuple 1 2)\n    (pass)))");
}

TEST(Parser, SimpleStatements) {
  EXPECT_EQ(ast("def f():\n"
                "  return\n"
                "  raise\n"
                "  raise ValueError(f'bad {x}') from e\n"
                "  assert x is not None, 'x must be set'\n"
                "  del a[0], b.c, (d, e)\n"
                "  global g\n"
                "  nonlocal n\n"
                "  pass; x = 1;\n"),
            "(module\n  (def f (params)\n"
            "    (return)\n"
            "    (raise)\n"
            "    (raise (call ValueError (fstring \"bad \" (fvalue x))) :from e)\n"
            "    (assert (compare x is not None) \"x must be set\")\n"
            "    (del (subscript a 0) (. b c) (tuple d e))\n"
            "    (global g)\n"
            "    (nonlocal n)\n"
            "    (pass)\n"
            "    (= x 1)))");
}

TEST(Parser, Assignments) {
  EXPECT_EQ(ast("a = b = c\n"), "(module\n  (= a b c))");
  EXPECT_EQ(ast("a, (b, [c, *d]) = t\n"), "(module\n  (= (tuple a (tuple b (list c (* d)))) t))");
  EXPECT_EQ(ast("x.y[0], self.z = 1, 2\n"), "(module\n  (= (tuple (subscript (. x y) 0) (. self z)) (tuple 1 2)))");
  EXPECT_EQ(ast("x0, sr0, = f(x)\n"), "(module\n  (= (tuple x0 sr0) (call f x)))");
  EXPECT_EQ(ast("a += 1\nb -= 1\nc *= 1\nd /= 1\ne //= 1\nf %= 1\ng **= 1\nh @= 1\ni &= 1\nj |= 1\nk ^= 1\n"
                "l <<= 1\nm >>= 1\n"),
            "(module\n  (+= a 1)\n  (-= b 1)\n  (*= c 1)\n  (/= d 1)\n  (//= e 1)\n  (%= f 1)\n  (**= g 1)\n"
            "  (@= h 1)\n  (&= i 1)\n  (|= j 1)\n  (^= k 1)\n  (<<= l 1)\n  (>>= m 1))");
  EXPECT_EQ(ast("x: int\ny: List[int] = []\nself.z: float = 1.0\n"),
            "(module\n  (ann x int)\n  (ann y (subscript List int) (list))\n  (ann (. self z) float 1.0))");
  EXPECT_EQ(ast("def f():\n  x = yield\n  y = yield from g()\n"),
            "(module\n  (def f (params)\n    (= x (yield))\n    (= y (yield-from (call g)))))");
}

TEST(Parser, WithAndTry) {
  EXPECT_EQ(ast("with torch.no_grad():\n  pass\n"), "(module\n  (with (item (call (. torch no_grad)))\n    (pass)))");
  EXPECT_EQ(ast("with open(a) as f, lock, g() as (x, y):\n  pass\n"),
            "(module\n  (with (item (call open a) :as f) (item lock) (item (call g) :as (tuple x y))\n    (pass)))");
  EXPECT_EQ(ast("with (a as b, c as d,):\n  pass\n"), "(module\n  (with (item a :as b) (item c :as d)\n    (pass)))");
  EXPECT_EQ(ast("with (a, b) as c:\n  pass\n"), "(module\n  (with (item (tuple a b) :as c)\n    (pass)))");
  EXPECT_EQ(ast("with (a).b() as c:\n  pass\n"), "(module\n  (with (item (call (. a b)) :as c)\n    (pass)))");
  EXPECT_EQ(ast("try:\n  x\nexcept ValueError as e:\n  pass\nexcept (A, B):\n  pass\nexcept:\n  raise\nelse:\n  y\nfinally:\n  z\n"),
            "(module\n  (try\n    (expr x)\n    (except ValueError :as e\n      (pass))\n    (except (tuple A B)\n      (pass))\n"
            "    (except\n      (raise))\n    (else\n      (expr y))\n    (finally\n      (expr z))))");
}

TEST(Parser, Imports) {
  EXPECT_EQ(ast("import torch\nimport torch.nn.functional as F, math\nfrom typing import List, Optional as Opt\n"
                "from . import sibling\nfrom ..pkg.mod import (a,\n  b as c,)\nfrom m import *\n"),
            "(module\n  (import torch)\n  (import (as torch.nn.functional F) math)\n  (from typing List (as Optional Opt))\n"
            "  (from . sibling)\n  (from ..pkg.mod a (as b c))\n  (from m *))");
}

TEST(Parser, Docstrings) {
  Parsed p = parse("'''Module doc.'''\nx = 1\n");
  ASSERT_TRUE(p.errors.empty());
  ASSERT_TRUE(p.module->docstring);
  EXPECT_EQ(p.module->docstring->value, "Module doc.");
  EXPECT_EQ(p.module->body.size(), 1u);
  EXPECT_EQ(ast("def f():\n  f'not a docstring'\n"), "(module\n  (def f (params)\n    (expr (fstring \"not a docstring\"))))");
}

TEST(Parser, ArchiveStyleCode) {
  // As torch.jit.save writes it: 2-space indent, qualified annotations,
  // trailing commas in targets and calls, ops.* calls.
  EXPECT_EQ(ast("class Foo(Module):\n"
                "  __parameters__ = [\"weight\", ]\n"
                "  __buffers__ = []\n"
                "  weight : Tensor\n"
                "  def forward(self: __torch__.Foo,\n"
                "    x: Tensor) -> Tuple[Tensor, int]:\n"
                "    _0 = uninitialized(Tensor)\n"
                "    a, b, = (self)._m(x, )\n"
                "    ops.prim.RaiseException(\"\", \"builtins.ValueError\")\n"
                "    return (torch.slice(a, 0, None, None, 2), CONSTANTS.c0)\n"),
            "(module\n"
            "  (class Foo :bases (Module)\n"
            "    (= __parameters__ (list \"weight\"))\n"
            "    (= __buffers__ (list))\n"
            "    (ann weight Tensor)\n"
            "    (def forward (params (param self :type (. __torch__ Foo)) (param x :type Tensor)) :returns (subscript Tuple (tuple Tensor int))\n"
            "      (= _0 (call uninitialized Tensor))\n"
            "      (= (tuple a b) (call (. self _m) x))\n"
            "      (expr (call (. (. ops prim) RaiseException) \"\" \"builtins.ValueError\"))\n"
            "      (return (tuple (call (. torch slice) a 0 None None 2) (. CONSTANTS c0))))))");
}

/*
** Source ranges
*/

TEST(Parser, NodesCarryExactRanges) {
  Parsed p = parse("def f(x):\n    y = foo(a, b)[1].c + (d)\n    return (x, y)\n");
  ASSERT_TRUE(p.errors.empty()) << p.rendered;
  auto& def = static_cast<const FunctionDef&>(*p.module->body[0]);
  EXPECT_EQ(def.range().text(), "def f(x):\n    y = foo(a, b)[1].c + (d)\n    return (x, y)");
  EXPECT_EQ(def.nameRange.text(), "f");
  EXPECT_EQ(def.params.params[0].range.text(), "x");
  auto& assign = static_cast<const Assign&>(*def.body[0]);
  EXPECT_EQ(assign.range().text(), "y = foo(a, b)[1].c + (d)");
  auto& add = static_cast<const BinOp&>(*assign.value);
  EXPECT_EQ(add.range().text(), "foo(a, b)[1].c + (d)");
  auto& attr = static_cast<const Attribute&>(*add.left);
  EXPECT_EQ(attr.range().text(), "foo(a, b)[1].c");
  EXPECT_EQ(attr.attrRange.text(), "c");
  EXPECT_EQ(static_cast<const Subscript&>(*attr.value).range().text(), "foo(a, b)[1]");
  EXPECT_EQ(add.right->range().text(), "d");  // parentheses are not part of a name's range
  auto& ret = static_cast<const Return&>(*def.body[1]);
  EXPECT_EQ(ret.value->range().text(), "(x, y)");  // a tuple's are
  EXPECT_EQ(ret.range().location(), "t.py:3:5");
}

TEST(Parser, RangesAfterUtf8CommentsAndStrings) {
  Parsed p = parse("# 中文注释 ünïcödé 🎉\ns = '日本語' + bad_name\n");
  auto& assign = static_cast<const Assign&>(*p.module->body[0]);
  auto& add = static_cast<const BinOp&>(*assign.value);
  EXPECT_EQ(add.right->range().location(), "t.py:2:13");
  EXPECT_EQ(add.right->range().excerpt(), "s = '日本語' + bad_name\n               ^~~~~~~~\n");
}

/*
** Errors
*/

TEST(Parser, ReportsEverySyntaxErrorInOnePass) {
  Parsed p = parse(
      "def f(x):\n"
      "    if x > 1\n"          // missing colon; the body still parses
      "        return f(x=1, 2)\n"
      "    y = foo(1, 2\n"      // never closed; the next line starts a statement
      "    z = 3 +\n"
      "    return z\n"
      "class A:\n"
      "    def g(self):\n"
      "        a = [1, 2, 3\n"
      "    def h(self) -> int\n"
      "        return (1 + )\n"
      "x = 1 = 2\n"
      "f() = 3\n"
      "break\n"
      "print 'hi'\n"
      "ok = True\n");
  EXPECT_EQ(p.errors, (Errors{
                          "2:13: expected ':' after 'if' condition",
                          "3:23: positional argument follows keyword argument",
                          "4:12: '(' was never closed",
                          "5:12: expected expression, got end of line",
                          "9:13: '[' was never closed",
                          "10:23: expected ':' after function signature",
                          "11:21: expected expression, got ')'",
                          "12:5: cannot assign to literal",
                          "13:1: cannot assign to function call",
                          "14:1: 'break' outside loop",
                          "15:7: expected end of statement, got a string literal",
                      }))
      << p.rendered;
  // What follows the errors is still there.
  EXPECT_TRUE(isa<Assign>(p.module->body.back().get()));
  EXPECT_NE(p.rendered.find("hint: missing parentheses in call to 'print': write print(...)"), std::string::npos);
}

TEST(Parser, CallArgumentRules) {
  EXPECT_EQ(errors("f(x=1, 2)\n"), Errors{"1:8: positional argument follows keyword argument"});
  EXPECT_EQ(errors("f(**k, x)\n"), Errors{"1:8: positional argument follows keyword argument unpacking"});
  EXPECT_EQ(errors("f(**k, *a)\n"), Errors{"1:8: iterable argument unpacking follows keyword argument unpacking"});
  EXPECT_EQ(errors("f(x=1, x=2)\n"), Errors{"1:8: keyword argument repeated: x"});
  EXPECT_EQ(errors("f(a for a in b, c)\n"), Errors{"1:3: generator expression must be parenthesized"});
  EXPECT_EQ(errors("f(a.b=1)\n")[0], "1:3: expression cannot contain assignment, perhaps you meant \"==\"?");
  EXPECT_EQ(errors("f(a b)\n"), Errors{"1:5: expected ',' or ')' after argument, got 'b'"});
}

TEST(Parser, ParameterRules) {
  EXPECT_EQ(errors("def f(a=1, b):\n  pass\n"), Errors{"1:12: non-default argument follows default argument"});
  EXPECT_EQ(errors("def f(a, a):\n  pass\n"), Errors{"1:10: duplicate argument 'a' in function definition"});
  EXPECT_EQ(errors("def f(*):\n  pass\n"), Errors{"1:7: named arguments must follow bare *"});
  EXPECT_EQ(errors("def f(**k, a):\n  pass\n"), Errors{"1:12: arguments cannot follow var-keyword argument"});
  EXPECT_EQ(errors("def f(*a=1):\n  pass\n"), Errors{"1:9: var-positional argument cannot have a default value"});
  EXPECT_EQ(errors("def f(/, a):\n  pass\n"), Errors{"1:7: at least one argument must precede /"});
}

TEST(Parser, TargetRules) {
  EXPECT_EQ(errors("1 = x\n"), Errors{"1:1: cannot assign to literal"});
  EXPECT_EQ(errors("a + 1 = x\n"), Errors{"1:1: cannot assign to expression"});
  EXPECT_EQ(errors("a, f() = x\n"), Errors{"1:4: cannot assign to function call"});
  EXPECT_EQ(errors("None = 1\n"), Errors{"1:1: cannot assign to None"});
  EXPECT_EQ(errors("del f()\n"), Errors{"1:5: cannot delete function call"});
  EXPECT_EQ(errors("(a, b) += 1\n"), Errors{"1:1: 'tuple' is an illegal expression for augmented assignment"});
  EXPECT_EQ(errors("a, b: int\n"), Errors{"1:1: only single target (not tuple) can be annotated"});
  EXPECT_EQ(errors("*a = b\n"), Errors{"1:1: starred assignment target must be in a list or tuple"});
  EXPECT_EQ(errors("a, *b, *c = d\n"), Errors{"1:8: multiple starred expressions in assignment"});
  EXPECT_EQ(errors("x = *a\n"), Errors{"1:5: can't use starred expression here"});
  EXPECT_EQ(errors("for f() in x:\n  pass\n"), Errors{"1:5: cannot assign to function call"});
  EXPECT_EQ(errors("[x for 1 in y]\n"), Errors{"1:8: cannot assign to literal"});
  EXPECT_EQ(errors("[*a for a in b]\n"), Errors{"1:2: iterable unpacking cannot be used in comprehension"});
  EXPECT_EQ(errors("with a as f():\n  pass\n"), Errors{"1:11: cannot assign to function call"});
  EXPECT_EQ(errors("x := 1\n")[0], "1:3: assignment expressions (:=) must be parenthesized here");
}

TEST(Parser, ContextRules) {
  EXPECT_EQ(errors("return 1\n"), Errors{"1:1: 'return' outside function"});
  EXPECT_EQ(errors("class C:\n  return 1\n"), Errors{"2:3: 'return' outside function"});
  EXPECT_EQ(errors("continue\n"), Errors{"1:1: 'continue' not properly in loop"});
  EXPECT_EQ(errors("while x:\n  def f():\n    break\n"), Errors{"3:5: 'break' outside loop"});
  EXPECT_EQ(errors("for x in y:\n  pass\nelse:\n  break\n"), Errors{"4:3: 'break' outside loop"});
  EXPECT_EQ(errors("nonlocal x\n"), Errors{"1:1: nonlocal declaration not allowed at module level"});
  EXPECT_EQ(errors("yield 1\n"), Errors{"1:1: 'yield' outside function"});
  EXPECT_EQ(errors("def f():\n  await g()\n"), Errors{"2:3: 'await' outside async function"});
  EXPECT_EQ(errors("else:\n  pass\n"), Errors{"1:1: 'else' without a matching 'if'"});
  EXPECT_EQ(errors("except E:\n  pass\n"), Errors{"1:1: 'except' without a matching 'try'"});
  EXPECT_EQ(errors("try:\n  pass\nx = 1\n"), Errors{"3:1: expected 'except' or 'finally' block"});
  EXPECT_EQ(errors("def f():\n  from m import *\n"), Errors{"2:17: import * only allowed at module level"});
}

TEST(Parser, BlockStructureErrors) {
  EXPECT_EQ(errors("if x:\npass\n"), Errors{"2:1: expected an indented block after 'if' statement on line 1"});
  EXPECT_EQ(errors("def f():\n\nx = 1\n"), Errors{"3:1: expected an indented block after function definition on line 1"});
  EXPECT_EQ(errors("x = 1\n    y = 2\nz = 3\n"), Errors{"2:1: unexpected indent"});
  EXPECT_EQ(errors("for x in y\n  pass\n"), Errors{"1:11: expected ':' after 'for' clause"});
  EXPECT_EQ(errors("if x pass\n"), Errors{"1:6: expected ':' after 'if' condition, got 'pass'"});
  EXPECT_EQ(errors("if x:\n  pass\nelse\n  pass\n"), Errors{"3:5: expected ':' after 'else'"});
  EXPECT_EQ(errors("while True\n  pass\n"), Errors{"1:11: expected ':' after 'while' condition"});
  EXPECT_EQ(errors("class C\n  pass\n"), Errors{"1:8: expected ':' after class header"});
  EXPECT_EQ(errors("x = a if b\n"), Errors{"1:11: expected 'else' after 'if' expression, got end of line"});
  EXPECT_EQ(errors("@dec\nx = 1\n"), Errors{"2:1: expected 'def' or 'class' after decorator, got 'x'"});
}

TEST(Parser, BrokenHeaderDoesNotCascade) {
  // The body of a header that did not parse is checked, then dropped with
  // its else clause: no "'else' without 'if'", no "unexpected indent".
  EXPECT_EQ(errors("if x ==:\n  y = 1 +\nelse:\n  z = )\nw = 1\n"),
            (Errors{"1:8: expected expression, got ':'", "2:10: expected expression, got end of line",
                    "4:7: unmatched ')'"}));
}

TEST(Parser, MatchStatementsAreReportedOnce) {
  EXPECT_EQ(errors("def f(x):\n  match x:\n    case 1:\n      pass\n    case _:\n      pass\n  return x\n"),
            Errors{"2:3: match statements are not supported in TorchScript"});
  EXPECT_EQ(ast("match = 1\nmatch.x = match\n"), "(module\n  (= match 1)\n  (= (. match x) match))");  // a soft keyword
}

TEST(Parser, LexicalRejections) {
  EXPECT_EQ(errors("x = b'abc'\n"), Errors{"1:5: bytes literals are not supported in TorchScript"});
  EXPECT_EQ(errors("x = 'a' b'abc'\n"), Errors{"1:5: cannot mix bytes and nonbytes literals"});
  EXPECT_EQ(errors("x = 1j\n"), Errors{"1:5: complex numbers are not supported in TorchScript"});
  EXPECT_EQ(errors("x = 123456789012345678901234567890\n"),
            Errors{"1:5: integer literal is too large for TorchScript's int (a signed 64-bit integer)"});
  // A lexer error is reported once, by the lexer.
  EXPECT_EQ(errors("x = 1 $ 2\ny = 2\n"), Errors{"1:7: invalid character '$' (U+0024)"});
}

TEST(Parser, BracketErrorsPointAtTheOpener) {
  Parsed p = parse("def f(x):\n    y = torch.cat([x,\n                   x]\n    return y\n");
  EXPECT_EQ(p.errors, Errors{"2:18: '(' was never closed"});
  EXPECT_NE(p.rendered.find("    y = torch.cat([x,\n                 ^\n"), std::string::npos) << p.rendered;
  EXPECT_EQ(errors("x = (1,\n"), Errors{"1:5: '(' was never closed"});
  EXPECT_EQ(errors("x = [1, 2)\n"), Errors{"1:10: closing parenthesis ')' does not match opening parenthesis '['"});
  Parsed q = parse("x = f(a,\n      b c)\n");
  EXPECT_EQ(q.errors, Errors{"2:9: expected ',' or ')' after argument, got 'c'"});
  EXPECT_NE(q.rendered.find("t.py:1:6: note: to match this '('"), std::string::npos) << q.rendered;
}

TEST(Parser, DiagnosticsRenderCaretsUnderUtf8) {
  Parsed p = parse("# 模型 — ünïcode comment\ndef f(x):  # 注释\n    s = \"héllo 🎉\"; return s +\n", "model.py");
  EXPECT_EQ(p.rendered,
            "model.py:3:30: error: expected expression, got end of line\n"
            "    s = \"héllo 🎉\"; return s +\n"
            "                              ^\n");  // the emoji is two columns wide
}

TEST(Parser, HostileInputIsBoundedNotFatal) {
  EXPECT_EQ(errors(std::string(1000, '(') + "\n").size() >= 1, true);
  EXPECT_EQ(errors(std::string(1000, '[') + std::string(1000, ']') + "\n").size(), 1u);
  std::string chain = "x = a";
  for (int i = 0; i < 5000; ++i) chain += " + a";
  Errors e = errors(chain + "\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0], "1:5: expression is too deeply nested (more than 1000 levels)");
  EXPECT_EQ(errors("x = " + std::string(3000, '-') + "1\n").size(), 1u);
  EXPECT_EQ(errors("x = " + std::string(3000, '~') + "1\ny = 1\n").size(), 1u);
  std::string attrs = "x = a";
  for (int i = 0; i < 500; ++i) attrs += ".b";
  EXPECT_TRUE(errors(attrs + "\n").empty());  // long but shallow enough
  std::string nested;
  for (int i = 0; i < 150; ++i) nested += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  nested += std::string(150, ' ') + "pass\n";
  EXPECT_FALSE(errors(nested).empty());  // too deep: reported, not a crash
}

TEST(Parser, ParseExpressionApi) {
  auto file = SourceFile::create("<annotation>", "Dict[str, List[Optional[int]]]");
  DiagnosticEngine diag;
  ExprPtr e = parseExpression(file, diag);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->str(), "(subscript Dict (tuple str (subscript List (subscript Optional int))))");
  // A piece of a file: the string annotation inside `x: "List[int]" = []`.
  auto f2 = SourceFile::create("a.py", "x: \"List[int]\" = []\n");
  ExprPtr inner = parseExpression(f2, diag, 4, 13);
  ASSERT_TRUE(inner);
  EXPECT_EQ(inner->range().location(), "a.py:1:5");
  EXPECT_FALSE(diag.hasErrors());
  EXPECT_FALSE(parseExpression(SourceFile::create("b", "List[int"), diag));
  EXPECT_TRUE(diag.hasErrors());
}

TEST(Parser, ParseModuleOrThrow) {
  EXPECT_NO_THROW(parseModuleOrThrow(SourceFile::create("ok.py", "x = 1\n")));
  try {
    parseModuleOrThrow(SourceFile::create("bad.py", "x = \ny = 1 +\n"));
    FAIL() << "expected CompileError";
  } catch (const CompileError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2u);
    EXPECT_NE(std::string(e.what()).find("bad.py:2:8: error: expected expression, got end of line"), std::string::npos);
  }
}

TEST(Parser, ChildrenAreVisitedInSourceOrder) {
  Parsed p = parse("f(a, b=c)[d].e\n");
  std::vector<std::string> seen;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    if (auto* name = dyn_cast<Name>(&n)) seen.push_back(name->id);
    forEachChild(n, walk);
  };
  walk(*p.module->body[0]);
  EXPECT_EQ(seen, (std::vector<std::string>{"f", "a", "c", "d"}));
}

}  // namespace
}  // namespace ember::frontend
