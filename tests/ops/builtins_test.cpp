// The builtin op families (builtins_*.cpp) on what the op oracle cannot
// reach: ops whose schemas have type variables (t[], Dict(str, t), aten::str)
// cannot be called through torch.ops from Python. Every expected value
// below was computed by running the same operation under torch.jit.script
// in PyTorch 1.13 (the comment above each group shows the TorchScript);
// none is ember's own output copied back.
#include <gtest/gtest.h>

#include <cmath>

#include "ember/ops/registry.h"
#include "ember/value/containers.h"

namespace ember::ops {
namespace {

IValue call(std::string_view name, std::vector<IValue> args) {
  const Operator* op = Registry::global().find(name);
  EXPECT_NE(op, nullptr) << name;
  if (!op) return IValue();
  return callOp(*op, args);
}

// "Kind: message" of the error the op throws, or "" when it returns.
std::string callError(std::string_view name, std::vector<IValue> args) {
  try {
    call(name, std::move(args));
  } catch (const Error& e) {
    return std::string(e.kindName()) + ": " + e.what();
  }
  return "";
}

std::string str(const IValue& v) { return call("aten::str", {v}).toStringRef(); }

IValue ints(std::vector<int64_t> v) { return intList(v); }
IValue floats(std::vector<double> v) { return doubleList(v); }
IValue strs(std::vector<std::string> v) {
  std::vector<IValue> e(v.begin(), v.end());
  return IValue(makeList(types::str(), std::move(e)));
}
IValue tuple(std::vector<IValue> v) { return IValue(makeTuple(std::move(v))); }
IValue strIntDict(std::vector<std::pair<std::string, int64_t>> items) {
  DictPtr d = makeDict(types::str(), types::intT());
  for (const auto& [k, v] : items) d->set(IValue(k), IValue(v));
  return IValue(d);
}
Tensor floatTensor(std::vector<float> v, std::vector<int64_t> shape) { return Tensor::fromVector(v, shape); }

// ---------------------------------------------------------------- str()

// def f(x: float) -> str: return str(x)
TEST(BuiltinsStr, FloatsPrintAsTorchScriptDoes) {
  EXPECT_EQ(str(IValue(1.0)), "1.");
  EXPECT_EQ(str(IValue(0.1)), "0.10000000000000001");
  EXPECT_EQ(str(IValue(1e20)), "1e+20");
  EXPECT_EQ(str(IValue(1e-5)), "1.0000000000000001e-05");
  EXPECT_EQ(str(IValue(3.14159265358979)), "3.14159265358979");
  EXPECT_EQ(str(IValue(NAN)), "nan");
  EXPECT_EQ(str(IValue(INFINITY)), "inf");
  EXPECT_EQ(str(IValue(-INFINITY)), "-inf");
  EXPECT_EQ(str(IValue(-0.0)), "0.");
  EXPECT_EQ(str(IValue(1e16)), "10000000000000000.");
  EXPECT_EQ(str(IValue(2.5e-310)), "2.5000000000000171e-310");
  EXPECT_EQ(str(IValue(-9223372036854775808.0)), "-9223372036854775808.");
  EXPECT_EQ(str(IValue(9223372036854775808.0)), "9.2233720368547758e+18");
  EXPECT_EQ(str(IValue(123456789.125)), "123456789.125");
  EXPECT_EQ(str(IValue(1.0 / 3)), "0.33333333333333331");
}

// str(x) of containers: strings inside are not quoted.
TEST(BuiltinsStr, Containers) {
  EXPECT_EQ(str(strs({"a", "b"})), "[a, b]");
  EXPECT_EQ(str(floats({1.0, 0.5, 0.1})), "[1., 0.5, 0.10000000000000001]");
  DictPtr d = makeDict(types::intT(), types::str());
  d->set(IValue(int64_t(1)), IValue("a"));
  d->set(IValue(int64_t(2)), IValue("b"));
  EXPECT_EQ(str(IValue(d)), "{1: a, 2: b}");
  EXPECT_EQ(str(tuple({IValue(int64_t(1)), IValue("x"), IValue(2.0)})), "(1, x, 2.)");
  EXPECT_EQ(str(tuple({IValue(int64_t(3))})), "(3,)");
  EXPECT_EQ(str(tuple({IValue(int64_t(3)), strs({"p", "q"})})), "(3, [p, q])");
  EXPECT_EQ(str(ints({})), "[]");
  EXPECT_EQ(str(IValue()), "None");
  EXPECT_EQ(str(IValue(true)), "True");
  EXPECT_EQ(str(IValue(Device::parse("cuda:1"))), "cuda:1");
  EXPECT_EQ(str(IValue(Device::parse("cpu"))), "cpu");
}

// str(t) of tensors: ATen's layout.
TEST(BuiltinsStr, Tensors) {
  EXPECT_EQ(str(IValue(Tensor::fromVector<int64_t>({1, 2, 3}, {3}))), " 1\n 2\n 3\n[ CPULongType{3} ]");
  EXPECT_EQ(str(IValue(floatTensor({1.5f, 2, 3, 4}, {2, 2}))), " 1.5000  2.0000\n 3.0000  4.0000\n[ CPUFloatType{2,2} ]");
  EXPECT_EQ(str(IValue(floatTensor({2.5f}, {}))), "2.5\n[ CPUFloatType{} ]");
  EXPECT_EQ(str(IValue(floatTensor(std::vector<float>(8, 0.f), {2, 2, 1, 2}))),
            "(1,1,.,.) = \n  0  0\n\n(2,1,.,.) = \n  0  0\n\n(1,2,.,.) = \n  0  0\n\n(2,2,.,.) = \n  0  0\n"
            "[ CPUFloatType{2,2,1,2} ]");
  EXPECT_EQ(str(IValue(floatTensor({1e10f, 1.f}, {2}))), " 1.0000e+10\n 1.0000e+00\n[ CPUFloatType{2} ]");
  EXPECT_EQ(str(IValue(Tensor::fromVector<bool>({true, false}, {2}))), " 1\n 0\n[ CPUBoolType{2} ]");
  EXPECT_EQ(str(IValue(floatTensor({}, {0}))), "[ CPUFloatType{0} ]");
  EXPECT_EQ(str(IValue(floatTensor({}, {2, 0}))), "[ CPUFloatType{2,0} ]");
  EXPECT_EQ(str(IValue(floatTensor({NAN, INFINITY, 1.5f}, {3}))), "    nan\n    inf\n 1.5000\n[ CPUFloatType{3} ]");
  std::vector<float> row;
  for (int i = 0; i < 30; ++i) row.push_back(static_cast<float>(i) / 7);
  EXPECT_EQ(str(IValue(floatTensor(row, {1, 30}))),
            "Columns 1 to 10 0.0000  0.1429  0.2857  0.4286  0.5714  0.7143  0.8571  1.0000  1.1429  1.2857\n\n"
            "Columns 11 to 20 1.4286  1.5714  1.7143  1.8571  2.0000  2.1429  2.2857  2.4286  2.5714  2.7143\n\n"
            "Columns 21 to 30 2.8571  3.0000  3.1429  3.2857  3.4286  3.5714  3.7143  3.8571  4.0000  4.1429\n"
            "[ CPUFloatType{1,30} ]");
}

// "{}-{}-{}".format(a, b, [a]) and friends.
TEST(BuiltinsStr, Format) {
  EXPECT_EQ(call("aten::format", {IValue("{}-{}-{}"), IValue(0.1), IValue("z"), floats({0.1})}).toStringRef(),
            "0.10000000000000001-z-[0.10000000000000001]");
  EXPECT_EQ(call("aten::format", {IValue("x"), IValue(int64_t(7))}).toStringRef(), "x");
  EXPECT_EQ(call("aten::format", {IValue("{:3}|{0}"), IValue(int64_t(7))}).toStringRef(), "{:3}|{0}");
  EXPECT_EQ(callError("aten::format", {IValue("{}{{}}{}"), IValue(int64_t(7)), IValue(int64_t(7))}),
            "RuntimeError: Too few arguments for format string: {}{{}}{}");
  EXPECT_EQ(callError("aten::format", {IValue("{} {}"), IValue(int64_t(1))}),
            "RuntimeError: Too few arguments for format string: {} {}");
}

// "%d" % a, "%s" % (a, b), ...
TEST(BuiltinsStr, PercentFormat) {
  auto fmt = [](std::string f, IValue args) { return call("aten::percentFormat", {IValue(f), args}).toStringRef(); };
  auto fmtError = [](std::string f, IValue args) { return callError("aten::percentFormat", {IValue(f), args}); };
  EXPECT_EQ(fmt("%d", IValue(int64_t(5))), "5");
  EXPECT_EQ(fmt("%d %i", tuple({IValue(2.9), IValue(2.9)})), "2 2");
  EXPECT_EQ(fmt("%s", ints({1, 2})), "[1, 2]");
  EXPECT_EQ(fmt("%s|%c|%%|%e|%f", tuple({IValue(0.5), IValue(int64_t(65)), IValue(2.5), IValue(2.5)})),
            "0.5|A|%|2.500000e+00|2.500000");
  EXPECT_EQ(fmtError("%d %d", tuple({IValue(int64_t(5))})), "RuntimeError: Too few arguments for format string");
  EXPECT_EQ(fmtError("%d", IValue("q")), "RuntimeError: %d requires a number for formatting, but got String");
  EXPECT_EQ(fmtError("%x", IValue(int64_t(5))),
            "RuntimeError: The specifier %x is not supported in TorchScript format strings");
  EXPECT_EQ(fmtError("%d", tuple({IValue(int64_t(5)), IValue(int64_t(5))})),
            "RuntimeError: Too many arguments for format string");
  EXPECT_EQ(fmtError("abc%", IValue(int64_t(5))), "RuntimeError: Incomplete format specifier");
}

// PyTorch loops forever on an empty needle; ember answers as Python does.
TEST(BuiltinsStr, EmptyNeedleTerminates) {
  EXPECT_EQ(call("aten::count", {IValue("abc"), IValue(""), IValue(int64_t(0)), IValue(int64_t(-1))}).toInt(), 4);
  EXPECT_EQ(call("aten::replace", {IValue("abc"), IValue(""), IValue("-"), IValue(int64_t(-1))}).toStringRef(),
            "-a-b-c-");
}

// ---------------------------------------------------------------- lists

// l[i], l.pop(i), l.insert(i, v), del l[i], l[i] = v
TEST(BuiltinsList, IndexingAndMutation) {
  EXPECT_EQ(call("aten::__getitem__.t", {ints({1, 2, 3}), IValue(int64_t(-1))}).toInt(), 3);
  EXPECT_EQ(callError("aten::__getitem__.t", {ints({1, 2, 3}), IValue(int64_t(-4))}),
            "IndexError: list index out of range");
  EXPECT_EQ(callError("aten::__getitem__.t", {ints({1, 2, 3}), IValue(int64_t(3))}),
            "IndexError: list index out of range");

  IValue l = ints({1, 2, 3});
  EXPECT_EQ(call("aten::pop.t", {l, IValue(int64_t(0))}).toInt(), 1);
  EXPECT_EQ(l.toIntVector(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(callError("aten::pop.t", {ints({}), IValue(int64_t(0))}), "RuntimeError: pop from empty list");
  EXPECT_EQ(callError("aten::pop.t", {ints({1}), IValue(int64_t(-2))}), "IndexError: list index out of range");

  for (auto [idx, want] : std::vector<std::pair<int64_t, std::vector<int64_t>>>{
           {1, {1, 9, 2, 3}}, {10, {1, 2, 3, 9}}, {-10, {9, 1, 2, 3}}, {-1, {1, 2, 9, 3}}}) {
    IValue m = ints({1, 2, 3});
    call("aten::insert.t", {m, IValue(idx), IValue(int64_t(9))});
    EXPECT_EQ(m.toIntVector(), want) << idx;
  }

  IValue d = ints({1, 2, 3});
  call("aten::Delete.t", {d, IValue(int64_t(1))});
  EXPECT_EQ(d.toIntVector(), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(callError("aten::Delete.t", {ints({}), IValue(int64_t(0))}), "RuntimeError: pop index out of range");
  EXPECT_EQ(callError("aten::Delete.t", {ints({1, 2, 3}), IValue(int64_t(5))}),
            "IndexError: list index out of range");

  IValue s = ints({1, 2, 3});
  IValue r = call("aten::_set_item.t", {s, IValue(int64_t(-1)), IValue(int64_t(9))});
  EXPECT_TRUE(r.isSameIdentity(s));
  EXPECT_EQ(s.toIntVector(), (std::vector<int64_t>{1, 2, 9}));
  EXPECT_EQ(callError("aten::_set_item.t", {ints({1}), IValue(int64_t(3)), IValue(int64_t(9))}),
            "IndexError: list index out of range");
}

// l.append(x) changes the caller's list; x = l[0]; x.append(5) changes l's element.
TEST(BuiltinsList, MutationIsShared) {
  IValue l = ints({1});
  IValue r = call("aten::append.t", {l, IValue(int64_t(2))});
  EXPECT_TRUE(r.isSameIdentity(l));
  EXPECT_EQ(l.toIntVector(), (std::vector<int64_t>{1, 2}));

  IValue inner = ints({1});
  IValue outer(makeList(types::list(types::intT()), {inner}));
  IValue first = call("aten::__getitem__.t", {outer, IValue(int64_t(0))});
  call("aten::append.t", {first, IValue(int64_t(5))});
  EXPECT_EQ(str(outer), "[[1, 5]]");

  IValue e = ints({1, 2});
  call("aten::extend.t", {e, e});  // l.extend(l) doubles l
  EXPECT_EQ(e.toIntVector(), (std::vector<int64_t>{1, 2, 1, 2}));
  IValue a = ints({1});
  IValue ra = call("aten::add_.t", {a, ints({2, 3})});
  EXPECT_TRUE(ra.isSameIdentity(a));
  EXPECT_EQ(a.toIntVector(), (std::vector<int64_t>{1, 2, 3}));
  IValue rv = ints({1, 2, 3});
  call("aten::reverse.t", {rv});
  EXPECT_EQ(rv.toIntVector(), (std::vector<int64_t>{3, 2, 1}));
  call("aten::clear.t", {rv});
  EXPECT_EQ(rv.toList().size(), 0u);
}

// l[::-1], l[1:], l[-5:10:2], l[5:1:-1], l[::0]; l * n; l + m; copies
TEST(BuiltinsList, SlicesAndCopies) {
  auto slice = [](IValue l, IValue a, IValue b, int64_t step) {
    return call("aten::slice.t", {l, a, b, IValue(step)});
  };
  EXPECT_EQ(slice(ints({1, 2, 3}), IValue(), IValue(), -1).toIntVector(), (std::vector<int64_t>{3, 2, 1}));
  EXPECT_EQ(slice(ints({1, 2, 3}), IValue(int64_t(1)), IValue(), 1).toIntVector(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(slice(ints({1, 2, 3, 4, 5}), IValue(int64_t(-5)), IValue(int64_t(10)), 2).toIntVector(),
            (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(slice(ints({1, 2, 3, 4, 5, 6, 7}), IValue(int64_t(5)), IValue(int64_t(1)), -1).toIntVector(),
            (std::vector<int64_t>{6, 5, 4, 3}));
  EXPECT_EQ(callError("aten::slice.t", {ints({1}), IValue(), IValue(), IValue(int64_t(0))}),
            "RuntimeError: List slice should have non-zero step");
  // A slice keeps the element type, so an empty one is still List[int].
  EXPECT_EQ(slice(ints({1}), IValue(int64_t(5)), IValue(), 1).type()->str(), "List[int]");

  EXPECT_EQ(call("aten::mul.left_t", {ints({1, 2}), IValue(int64_t(2))}).toIntVector(),
            (std::vector<int64_t>{1, 2, 1, 2}));
  EXPECT_EQ(call("aten::mul.right_", {IValue(int64_t(2)), ints({1, 2})}).toIntVector(),
            (std::vector<int64_t>{1, 2, 1, 2}));
  EXPECT_EQ(callError("aten::mul.right_", {IValue(int64_t(-1)), ints({1, 2})}), "RuntimeError: vector::reserve");
  IValue m = ints({1, 2});
  call("aten::mul_.t", {m, IValue(int64_t(3))});
  EXPECT_EQ(m.toIntVector(), (std::vector<int64_t>{1, 2, 1, 2, 1, 2}));
  call("aten::mul_.t", {m, IValue(int64_t(0))});
  EXPECT_EQ(m.toList().size(), 0u);

  IValue l = ints({1});
  IValue c = call("aten::copy.t", {l});
  call("aten::append.t", {c, IValue(int64_t(1))});
  EXPECT_EQ(l.toIntVector(), (std::vector<int64_t>{1}));
  EXPECT_EQ(call("aten::list.t", {l}).toIntVector(), (std::vector<int64_t>{1}));
  EXPECT_FALSE(call("aten::list.t", {l}).isSameIdentity(l));
  EXPECT_EQ(call("aten::add.t", {ints({1}), ints({2, 3})}).toIntVector(), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(call("aten::len.t", {ints({1, 2})}).toInt(), 2);
  EXPECT_EQ(call("aten::len.any", {tuple({IValue(int64_t(1)), IValue(int64_t(2)), IValue("a")})}).toInt(), 3);
}

// sorted(l) and l.sort(reverse=True) for tuples; lists of tensors.
TEST(BuiltinsList, SortAnyAndTensorLists) {
  auto pairs = [] {
    std::vector<IValue> e{tuple({IValue(int64_t(2)), IValue("a")}), tuple({IValue(int64_t(1)), IValue("b")}),
                          tuple({IValue(int64_t(1)), IValue("a")})};
    return IValue(makeList(types::tuple({types::intT(), types::str()}), std::move(e)));
  };
  EXPECT_EQ(str(call("aten::sorted.any", {pairs()})), "[(1, a), (1, b), (2, a)]");
  IValue l = pairs();
  call("aten::sort.any", {l, IValue(true)});
  EXPECT_EQ(str(l), "[(2, a), (1, b), (1, a)]");

  // l = [a, b]; l.index(b), l.count(a), [a, b] == [a, b], [a] == [b]
  Tensor a = floatTensor({1}, {}), b = floatTensor({2}, {});
  IValue tl = tensorList({a, b});
  EXPECT_EQ(call("aten::index.list_Tensor", {tl, IValue(b)}).toInt(), 1);
  EXPECT_EQ(call("aten::count.Tensor", {tl, IValue(a)}).toInt(), 1);
  EXPECT_TRUE(call("aten::eq.Tensor_list", {tl, tensorList({a, b})}).toBool());
  EXPECT_FALSE(call("aten::eq.Tensor_list", {tensorList({a}), tensorList({b})}).toBool());
  Tensor ones = floatTensor({1, 1}, {2});
  EXPECT_EQ(callError("aten::eq.Tensor_list", {tensorList({ones}), tensorList({ones})}),
            "RuntimeError: Boolean value of Tensor with more than one value is ambiguous");
  IValue sl = tensorList({b, a});
  call("aten::sort.Tensor", {sl, IValue(false)});
  EXPECT_TRUE(sl.toList().elements[0].toTensor().isSame(a));
}

// ---------------------------------------------------------------- dicts

// d[k], d.get(k), d.get(k, 5), d.pop(k), d.pop(k, 7), del d[k], d.popitem(), ...
TEST(BuiltinsDict, LookupsAndErrors) {
  IValue d = strIntDict({{"a", 1}});
  EXPECT_EQ(call("aten::__getitem__.Dict_str", {d, IValue("a")}).toInt(), 1);
  EXPECT_EQ(callError("aten::__getitem__.Dict_str", {d, IValue("b")}), "RuntimeError: KeyError: b");
  DictPtr di = makeDict(types::intT(), types::intT());
  di->set(IValue(int64_t(1)), IValue(int64_t(1)));
  EXPECT_EQ(callError("aten::__getitem__.Dict_int", {IValue(di), IValue(int64_t(2))}), "RuntimeError: KeyError: 2");
  DictPtr df = makeDict(types::floatT(), types::intT());
  df->set(IValue(1.5), IValue(int64_t(1)));
  EXPECT_EQ(callError("aten::__getitem__.Dict_float", {IValue(df), IValue(2.5)}), "RuntimeError: KeyError: 2.5");
  DictPtr db = makeDict(types::boolT(), types::intT());
  db->set(IValue(true), IValue(int64_t(1)));
  EXPECT_EQ(callError("aten::__getitem__.Dict_bool", {IValue(db), IValue(false)}), "RuntimeError: KeyError: False");

  EXPECT_TRUE(call("aten::get.str", {d, IValue("b")}).isNone());
  EXPECT_EQ(call("aten::get.default_str", {d, IValue("b"), IValue(int64_t(5))}).toInt(), 5);
  EXPECT_EQ(call("aten::get.default_str", {d, IValue("a"), IValue(int64_t(5))}).toInt(), 1);
  EXPECT_TRUE(call("aten::__contains__.str", {d, IValue("a")}).toBool());
  EXPECT_EQ(call("aten::len.Dict_str", {d}).toInt(), 1);

  IValue p = strIntDict({{"a", 1}, {"b", 2}});
  EXPECT_EQ(call("aten::pop.Dict_str", {p, IValue("a")}).toInt(), 1);
  EXPECT_EQ(str(p), "{b: 2}");
  EXPECT_EQ(callError("aten::pop.Dict_str", {p, IValue("x")}), "RuntimeError: KeyError: x");
  EXPECT_EQ(call("aten::pop.Dict_default_str", {p, IValue("x"), IValue(int64_t(7))}).toInt(), 7);
  EXPECT_EQ(callError("aten::Delete.Dict_str", {p, IValue("x")}), "RuntimeError: KeyError: x");
  call("aten::Delete.Dict_str", {p, IValue("b")});
  EXPECT_EQ(str(p), "{}");

  IValue q = strIntDict({{"a", 1}, {"b", 2}});
  EXPECT_EQ(str(call("aten::popitem.str", {q})), "(a, 1)");
  EXPECT_EQ(str(q), "{b: 2}");
  EXPECT_EQ(callError("aten::popitem.str", {strIntDict({})}), "RuntimeError: popitem(): dictionary is empty");
}

// d.setdefault(k, 9), d.update(e), d.items(), d.keys(), d.values(), d.copy(), dict(d), d.clear(), dict(l)
TEST(BuiltinsDict, UpdatesAndViews) {
  IValue d = strIntDict({{"a", 1}});
  EXPECT_EQ(call("aten::setdefault.str", {d, IValue("a"), IValue(int64_t(9))}).toInt(), 1);
  EXPECT_EQ(call("aten::setdefault.str", {d, IValue("b"), IValue(int64_t(9))}).toInt(), 9);
  EXPECT_EQ(str(d), "{a: 1, b: 9}");

  IValue u = strIntDict({{"a", 1}, {"b", 2}});
  call("aten::update.str", {u, strIntDict({{"b", 5}, {"c", 6}})});
  EXPECT_EQ(str(u), "{a: 1, b: 5, c: 6}");
  call("aten::update.str", {u, u});
  EXPECT_EQ(str(u), "{a: 1, b: 5, c: 6}");

  IValue v = strIntDict({{"b", 1}, {"a", 2}});
  IValue items = call("aten::items.str", {v});
  EXPECT_EQ(str(items), "[(b, 1), (a, 2)]");
  EXPECT_EQ(items.type()->str(), "List[Tuple[str, int]]");
  EXPECT_EQ(str(call("aten::keys.str", {v})), "[b, a]");
  EXPECT_EQ(str(call("aten::values.str", {v})), "[1, 2]");

  IValue c = call("aten::copy.Dict_str", {v});
  call("aten::_set_item.str", {c, IValue("z"), IValue(int64_t(0))});
  EXPECT_EQ(str(v), "{b: 1, a: 2}");
  EXPECT_EQ(str(c), "{b: 1, a: 2, z: 0}");
  EXPECT_EQ(str(call("aten::dict.Dict_str", {v})), "{b: 1, a: 2}");
  call("aten::clear.str", {c});
  EXPECT_EQ(str(c), "{}");

  std::vector<IValue> kv{tuple({IValue("a"), IValue(int64_t(1))}), tuple({IValue("b"), IValue(int64_t(2))}),
                         tuple({IValue("a"), IValue(int64_t(3))})};
  IValue pairs(makeList(types::tuple({types::str(), types::intT()}), std::move(kv)));
  IValue fromPairs = call("aten::dict.str", {pairs});
  EXPECT_EQ(str(fromPairs), "{a: 3, b: 2}");
  EXPECT_EQ(fromPairs.type()->str(), "Dict[str, int]");
  EXPECT_EQ(call("aten::dict", {}).type()->str(), "Dict[str, Tensor]");
}

// Tensor keys compare by identity.
TEST(BuiltinsDict, TensorKeys) {
  Tensor a = floatTensor({1}, {}), b = floatTensor({1}, {});
  DictPtr d = makeDict(types::tensor(), types::intT());
  d->set(IValue(a), IValue(int64_t(1)));
  EXPECT_TRUE(call("aten::__contains__.Tensor", {IValue(d), IValue(a)}).toBool());
  EXPECT_FALSE(call("aten::__contains__.Tensor", {IValue(d), IValue(b)}).toBool());
  EXPECT_EQ(call("aten::__getitem__.Dict_Tensor", {IValue(d), IValue(a)}).toInt(), 1);
}

// ---------------------------------------------------------------- prim

// x is None, x is not None, hash(x)
TEST(BuiltinsPrim, IdentityAndHash) {
  EXPECT_TRUE(call("aten::__is__", {IValue(), IValue()}).toBool());
  EXPECT_FALSE(call("aten::__isnot__", {IValue(), IValue()}).toBool());
  EXPECT_FALSE(call("aten::__is__", {IValue(int64_t(3)), IValue()}).toBool());
  Tensor t = floatTensor({1}, {});
  EXPECT_TRUE(call("aten::__is__", {IValue(t), IValue(t)}).toBool());
  EXPECT_FALSE(call("aten::__is__", {IValue(t), IValue(floatTensor({1}, {}))}).toBool());
  IValue l = ints({1});
  EXPECT_TRUE(call("aten::__is__", {l, l}).toBool());
  EXPECT_FALSE(call("aten::__is__", {l, ints({1})}).toBool());

  // hash(5), hash('abc'), hash(2.5), hash(True), hash(-1), hash(''), hash(2.0), hash((1, 'a')), hash((1, 2))
  auto hash = [](IValue v) { return call("aten::hash.generic", {std::move(v)}).toInt(); };
  EXPECT_EQ(hash(IValue(int64_t(5))), 5);
  EXPECT_EQ(hash(IValue("abc")), 3663726644998027833);
  EXPECT_EQ(hash(IValue(2.5)), -9080642332174582316);
  EXPECT_EQ(hash(IValue(true)), 1);
  EXPECT_EQ(hash(IValue(int64_t(-1))), -1);
  EXPECT_EQ(hash(IValue("")), 6142509188972423790);
  EXPECT_EQ(hash(IValue(2.0)), 6369015886390043782);
  EXPECT_EQ(hash(tuple({IValue(int64_t(1)), IValue("a")})), 4993892805569072552);
  EXPECT_EQ(hash(tuple({IValue(int64_t(1)), IValue(int64_t(2))})), 175247769363);
  EXPECT_EQ(hash(tuple({IValue(2.5), IValue("")})), 8464868558454854343);
  EXPECT_EQ(hash(tuple({IValue(int64_t(1)), tuple({IValue(int64_t(2)), IValue(int64_t(3))})})), 351097846850);
  EXPECT_EQ(hash(IValue("h\xc3\xa9llo")), -259244939964093194);
  // hash(torch.device('cuda:1')), hash(torch.device('cpu')), hash(torch.device('cuda'))
  EXPECT_EQ(hash(IValue(Device::parse("cuda:1"))), 65537);
  EXPECT_EQ(hash(IValue(Device::parse("cpu"))), 255);
  EXPECT_EQ(hash(IValue(Device::parse("cuda"))), 65791);
}

// x.tolist() with annotations List[List[int]], List[float], bool
TEST(BuiltinsPrim, ToList) {
  // A vararg op with varargs results: called through its kernel, which
  // leaves the one result on the stack.
  auto tolist = [](Tensor t, int64_t dim, int64_t elem) {
    Stack s{IValue(std::move(t)), IValue(dim), IValue(elem)};
    Registry::global().find("prim::tolist")->kernel(s);
    EXPECT_EQ(s.size(), 1u);
    return s.back();
  };
  IValue nested = tolist(Tensor::fromVector<int64_t>({1, 2, 3, 4}, {2, 2}), 2, 0);
  EXPECT_EQ(str(nested), "[[1, 2], [3, 4]]");
  EXPECT_EQ(nested.type()->str(), "List[List[int]]");
  EXPECT_EQ(str(tolist(floatTensor({1.5f, 2.5f}, {2}), 1, 1)), "[1.5, 2.5]");
  IValue b = tolist(Tensor::fromVector<bool>({true}, {}), 0, 2);
  EXPECT_TRUE(b.isBool() && b.toBool());
  const std::string typeMismatch =
      "RuntimeError: Output annotation element type and runtime tensor element type must match for tolist()";
  EXPECT_EQ(callError("prim::tolist", {IValue(Tensor::fromVector<int32_t>({1, 2}, {2})), IValue(int64_t(1)),
                                       IValue(int64_t(0))}),
            typeMismatch);
  EXPECT_EQ(callError("prim::tolist", {IValue(Tensor::fromVector<int64_t>({1, 2}, {2})), IValue(int64_t(1)),
                                       IValue(int64_t(1))}),
            typeMismatch);
  EXPECT_EQ(callError("prim::tolist", {IValue(Tensor::fromVector<int64_t>({1, 2}, {2})), IValue(int64_t(2)),
                                       IValue(int64_t(0))}),
            "RuntimeError: Output annotation list dimension and runtime tensor dimension must match for tolist()");
}

// print(a, b) and warnings.warn(m) (printed once).
TEST(BuiltinsPrim, PrintAndWarn) {
  testing::internal::CaptureStdout();
  call("prim::Print", {IValue("a"), IValue(1.0), strs({"x"})});
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "a 1. [x]\n");
  testing::internal::CaptureStderr();
  call("aten::warn", {IValue("builtins test warning"), IValue(int64_t(2))});
  call("aten::warn", {IValue("builtins test warning"), IValue(int64_t(2))});
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "UserWarning: builtins test warning\n");
}

// Lists made by the ops carry real element types (List[str], not List[t]).
TEST(BuiltinsPrim, ElementTypes) {
  EXPECT_EQ(call("aten::split.str", {IValue("a b"), IValue(), IValue(int64_t(-1))}).type()->str(), "List[str]");
  EXPECT_EQ(call("aten::keys.str", {strIntDict({})}).type()->str(), "List[str]");
  EXPECT_EQ(call("aten::values.str", {strIntDict({})}).type()->str(), "List[int]");
  EXPECT_EQ(call("aten::sorted.int", {ints({2, 1})}).type()->str(), "List[int]");
}

}  // namespace
}  // namespace ember::ops
