"""TorchScript's builtin (non-tensor) ops: int/float/bool arithmetic, math,
conversions, str methods, typed list ops, tensor introspection.

Only ops that torch.ops can call from Python are here. Ops whose schemas use
type variables (aten::len.t, aten::__getitem__.Dict_str, aten::str, ...)
cannot be called that way ("toIValue() cannot handle converting to type: t");
tests/ops/builtins_test.cpp checks them against values computed by
torch.jit.script.

Left out on purpose:
  - bools passed to Scalar parameters: Python turns True into 1 on the way
    in, which a TorchScript program never does;
  - aten::remainder.int(x, 0) (PyTorch dies of SIGFPE), str.count('') and
    str.replace('', x) (PyTorch loops forever), chr(i >= 128) (PyTorch makes
    one byte that is not UTF-8).
"""
import math

import torch

from opcase import case

INF = float("inf")
NAN = float("nan")

CASES = []


def add(op, *args, **kw):
    CASES.append(case(op, *args, **kw))


# ---------------------------------------------------------------- arithmetic

INT_PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**62, 4), (-(2**63), 1)]
for a, b in INT_PAIRS:
    for op in ["add", "sub", "mul", "floordiv", "remainder", "div"]:
        add(f"aten::{op}.int", a, b)
add("aten::floordiv.int", 5, 0)  # RuntimeError: division by 0
add("aten::div.int", 1, 0)  # inf, not an error
add("aten::add.int", 2**63 - 1, 1)  # wraps

FLOAT_PAIRS = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (0.1, 0.2), (1e308, 10.0)]
for a, b in FLOAT_PAIRS:
    for op in ["add", "sub", "mul", "floordiv", "remainder", "div"]:
        add(f"aten::{op}.float", a, b)
add("aten::floordiv.float", 1.0, 0.0)  # inf
add("aten::div.float", -1.0, 0.0)  # -inf
for op in ["add", "sub", "mul", "floordiv", "remainder"]:
    add(f"aten::{op}.int_float", -7, 2.5)
    add(f"aten::{op}.float_int", -7.5, 2)
for op in ["add", "sub", "mul", "floordiv", "remainder", "div"]:
    add(f"aten::{op}", 7, 2)
    add(f"aten::{op}", -7, 2.5)
    add(f"aten::{op}", 7.5, -2)

for a, b in [(2, 10), (2, -1), (0, 0), (-2, 3), (0, -1), (3, 40)]:
    add("aten::pow.int", a, b)
add("aten::pow.int_to_int", 2, 10)  # a float, whatever the schema says
add("aten::pow.float", 2.0, 0.5)
add("aten::pow.float", 0.0, -1.0)
add("aten::pow.float_int", 1.5, 3)
add("aten::pow.int_float", 4, 0.5)
add("aten::pow.Scalar_Scalar", 2, -2)
add("aten::pow.Scalar_Scalar", 0, -1)  # inf: this overload does not check

for a, b in [(5, 3), (-5, 3), (1, 63), (1, 64), (-1, 70), (5, -1)]:
    add("aten::__lshift__.int", a, b)
    add("aten::__rshift__.int", a, b)
add("aten::__and__.int", 12, 10)
add("aten::__or__.int", 12, 10)
add("aten::__xor__.int", 12, -10)
for a, b in [(True, False), (True, True)]:
    add("aten::__and__.bool", a, b)
    add("aten::__or__.bool", a, b)
    add("aten::__xor__.bool", a, b)
add("aten::__not__", True)
add("aten::__round_to_zero_floordiv.int", -7, 2)

add("aten::neg.int", 5)
add("aten::neg.int", -(2**63))
add("aten::neg.float", 0.0)
add("aten::neg.Scalar", 3)
add("aten::neg.Scalar", 0.1)  # float32-rounded by PyTorch's kernel
add("aten::neg.Scalar", 2**40)  # truncated to 32 bits
add("prim::abs.int", -5)
add("prim::abs.float", -2.5)
add("prim::abs.Scalar", -0.1)

for x, y in [(7, 2), (-7, 2), (7, -2), (0, 3)]:
    add("aten::divmod.int", x, y)
add("aten::divmod.int", 1, 0)
add("aten::divmod.float", -7.5, 2.0)
add("aten::divmod.float", 1.0, 0.0)
add("aten::divmod.int_float", -7, 2.5)
add("aten::divmod.float_int", 7.5, -2)

for op in ["prim::min", "prim::max"]:
    add(f"{op}.int", 3, -4)
    add(f"{op}.float", 1.5, -2.5)
    add(f"{op}.int_float", 1, 0.5)
    add(f"{op}.float_int", 1.5, 2)
    add(op, 3, 2)
    add(op, 1, 2.5)

add("aten::__range_length", 0, 10, 3)
add("aten::__range_length", 10, 0, -3)
add("aten::__range_length", 0, 10, -1)
add("aten::__range_length", 0, 10, 0)
add("aten::__derive_index", 3, 10, -2)

# ---------------------------------------------------------------- comparisons

for op in ["eq", "ne", "lt", "gt", "le", "ge"]:
    add(f"aten::{op}.int", 3, 4)
    add(f"aten::{op}.float", 2.5, 2.5)
    add(f"aten::{op}.int_float", 2, 2.5)
    add(f"aten::{op}.float_int", 2.0, 2)
    add(f"aten::{op}", 3, 2.5)
    add(f"aten::{op}.str", "abc", "abd")
add("aten::eq.bool", True, False)
add("aten::ne.bool", True, False)
add("aten::eq.float", NAN, NAN)
add("aten::lt.str", "B", "a")
add("aten::lt.str", "ab", "abc")

# ---------------------------------------------------------------- math

for name in ["sqrt", "log", "exp", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "asinh", "atanh", "log1p", "log10", "expm1", "erf", "erfc", "gamma", "lgamma", "fabs",
             "degrees", "radians"]:
    add(f"aten::{name}.float", 0.5)
    add(f"aten::{name}.int", 2)
add("aten::acosh.float", 1.5)
add("aten::acosh.int", 2)
add("aten::sqrt.Scalar", 2)  # float32-rounded
add("aten::log.Scalar", 2.5)
add("aten::exp.Scalar", -2.0)
add("aten::angle.Scalar", -2.0)
add("aten::angle.float", -0.5)
add("aten::sqrt.float", -1.0)  # nan
add("aten::log.float", 0.0)  # -inf
add("aten::log.int_int", 8, 2)
add("aten::log.float_float", 100.0, 10.0)
add("aten::log.int_float", 9, 3.0)
add("aten::log.float_int", 9.0, 3)
add("aten::log.Scalar_Scalar", 8, 2.0)
add("aten::atan2.int", 1, -1)
add("aten::atan2.float", -1.0, -1.0)
add("aten::atan2.Scalar_Scalar", 1, 2.0)
add("aten::copysign.int", 3, -1)
add("aten::copysign.float", 2.5, -0.0)
add("aten::copysign.float_int", -3.0, 0)
add("aten::copysign", 3, -2.5)
add("aten::fmod.int", -7, 2)
add("aten::fmod.float", -7.5, 2.0)
add("aten::fmod.int_float", 7, 2.5)
add("aten::fmod", 7.5, 2)
add("aten::mathremainder.int", 7, 2)
add("aten::mathremainder.float", 5.0, 2.0)
add("aten::mathremainder", 7, 4)

for x in [2.5, -2.5, 3.5, -0.7, 0.5, 1e19, INF, NAN]:
    add("aten::floor.float", x)
    add("aten::ceil.float", x)
    add("aten::round.float", x)
add("aten::floor.int", 3)
add("aten::ceil.int", -3)
add("aten::round.int", 3)
add("aten::floor.Scalar", 2.5)
add("aten::floor.Scalar", 3e9)  # truncated to 32 bits
add("aten::ceil.Scalar", -2.5)
add("aten::round.Scalar", 2.5)
add("aten::round.Scalar", 0.1)

add("aten::isnan.float", NAN)
add("aten::isnan.float", 1.0)
add("aten::isinf.float", -INF)
add("aten::isfinite.float", INF)
add("aten::modf", -2.5)
add("aten::frexp", 12.0)
add("aten::frexp", 0.0)
add("aten::ldexp", 1.5, 3)
for n in [0, 1, 5, 20, 21, 25, -1]:
    add("aten::factorial.int", n)
for a, b in [(12, 18), (-12, 18), (0, 0), (0, -5), (17, 5)]:
    add("aten::gcd.int", a, b)

# ---------------------------------------------------------------- conversions

for s in ["12", " 12", "+5", "-0", "12 ", "1.5", "0x10", "abc", "", "99999999999999999999"]:
    add("aten::Int.str", s)
for s in ["1.5", " 1.5", "1e3", "inf", "-inf", "infinity", ".5", "5.", "0x1p3", "1.5 ", "abc", "", "1e999"]:
    add("aten::Float.str", s)
for x in [2.7, -2.7, 1e19, INF]:
    add("aten::Int.float", x)
    add("aten::Int.Scalar", x)
add("aten::Int.Scalar", 5)
add("aten::Int.bool", True)
add("aten::Float.Scalar", 3)
add("aten::Float.int", 16777217)  # through C++ float
add("aten::Float.bool", False)
add("aten::Bool.int", -3)
add("aten::Bool.int", 0)
add("aten::Bool.float", 0.0)
add("aten::Bool.float", NAN)

# ---------------------------------------------------------------- strings

S = "Hello World"
add("aten::len.str", "héllo")  # bytes
add("aten::add.str", "ab", "cd")
add("aten::__getitem__.str", "abc", -1)
add("aten::__getitem__.str", "abc", 3)
add("aten::__getitem__.str", "abc", -4)
add("prim::StringIndex", "abc", 1)
add("aten::slice.str", "abcdef", 1, None, 2)
add("aten::slice.str", "abcdef", None, None, -1)
add("aten::slice.str", "abcdef", -2)
add("aten::slice.str", "abcdef", 5, 1, -2)
add("aten::slice.str", "abc", 0, 3, 0)
add("aten::list", "abc")
add("aten::ord", "a")
add("aten::ord", "ab")
add("aten::chr", 97)
add("aten::chr", -1)
for i in [255, -255, 0, -(2**63)]:
    add("aten::hex", i)
    add("aten::oct", i)
    add("aten::bin", i)

for s in ["", "abc", "ABC", "Abc", "a1", "123", " \t", "Hello World", "hello World", "é", "A_b"]:
    for m in ["isdigit", "isalpha", "isspace", "islower", "isupper", "isalnum", "istitle", "isdecimal",
              "isnumeric", "isidentifier", "isprintable"]:
        add(f"aten::{m}", s)
for s in ["hELLO wORLD_foo", "", "a1b"]:
    for m in ["lower", "upper", "swapcase", "title", "capitalize"]:
        add(f"aten::{m}", s)

add("aten::split.str", " a  b\tc ")
add("aten::split.str", "a,b,,c", ",")
add("aten::split.str", "a,b,c", ",", 1)
add("aten::split.str", "a::b::c", "::", 0)
add("aten::split.str", "abc", "")
add("aten::rsplit", "a b c", " ", 1)
add("aten::rsplit", "a,,b", ",")
add("aten::rsplit", "abc")
add("aten::splitlines", "a\nb\r\nc")
add("aten::splitlines", "a\nb\n", True)
add("aten::strip", "  ab  ")
add("aten::strip", "\t\n ab\r")
add("aten::lstrip", "xxabxx", "x")
add("aten::rstrip", "xxabxx", "x")
add("aten::rstrip", "xyzab", "zyx")
add("aten::center", "ab", 5)
add("aten::center", "ab", 6, "*")
add("aten::center", "abc", 6)
add("aten::center", "abc", 2)
add("aten::center", "ab", 5, "**")
add("aten::ljust", "ab", 5, "-")
add("aten::rjust", "ab", 5)
add("aten::rjust", "ab", 1)
add("aten::zfill", "-5", 4)
add("aten::zfill", "42", 1)
add("aten::expandtabs", "a\tbc\td", 4)
add("aten::expandtabs", "\tx")
add("aten::expandtabs", "\tx", 0)
add("aten::find", "hello", "l")
add("aten::find", "hello", "l", 3)
add("aten::find", "hello", "l", -2)
add("aten::find", "hello", "z")
add("aten::find", "hello", "", 10)
add("aten::find", "hello", "lo", 0, 4)
add("aten::rfind", "hello", "l")
add("aten::rfind", "hello", "l", 0, 3)
add("aten::index.str", "hello", "e")
add("aten::index.str", "hello", "z")
add("aten::rindex", "hello", "l")
add("aten::rindex", "hello", "z")
add("aten::count", "aaaa", "aa")
add("aten::count", "aaaa", "aa", 0, 3)  # a match may run past end
add("aten::count", "abcabc", "b", -3)
add("aten::count", "abc", "a", 5)
add("aten::startswith", "hello", "he")
add("aten::startswith", "hello", "ll", 2)
add("aten::startswith", "hello", "x", 10)
add("aten::endswith", "hello", "lo")
add("aten::endswith", "hello", "lo", 0, 4)
add("aten::endswith", "hello", "ll", 0, -2)
add("aten::replace", "aaa", "a", "bb")
add("aten::replace", "aaa", "a", "b", 2)
add("aten::replace", "abcabc", "bc", "")
add("aten::join", ",", ["a", "b", "c"])
add("aten::join", "", [])
add("aten::partition", "a=b=c", "=")
add("aten::partition", "abc", "x")
add("aten::rpartition", "a=b=c", "=")
add("aten::rpartition", "abc", "x")

# ---------------------------------------------------------------- typed lists

add("aten::sum.int", [1, 2, 3])
add("aten::sum.int", [2**31, 1])  # PyTorch sums in a C++ int
add("aten::sum.float", [0.1, 0.2])
add("aten::sum.bool", [True, False, True])
add("aten::any.int", [0, 0])
add("aten::any.float", [0.0, 0.5])
add("aten::any.bool", [])
add("aten::any.str", ["", "a"])
add("aten::all.int", [1, 0])
add("aten::all.float", [1.0])
add("aten::all.bool", [])
add("aten::__contains__.int_list", [1, 2], 2)
add("aten::__contains__.float_list", [1.0, NAN], NAN)
add("aten::__contains__.str_list", ["x"], "y")
add("aten::index.list_int", [1, 2, 1], 1)
add("aten::index.list_int", [1, 2], 5)
add("aten::index.list_float", [1.0], 2.5)
add("aten::index.list_str", ["a"], "b")
add("aten::index.list_bool", [True], False)
add("aten::count.int", [1, 2, 1], 1)
add("aten::count.str", ["a", "b"], "a")
add("aten::count.float", [0.5, 0.5], 0.5)
add("aten::count.bool", [True, False, True], True)
add("aten::remove.int", [1, 2], 5)
add("aten::eq.int_list", [1, 2], [1, 2])
add("aten::eq.int_list", [1, 2], [1, 2, 3])
add("aten::ne.float_list", [1.0], [1.0])
add("aten::eq.float_list", [NAN], [NAN])
add("aten::eq.bool_list", [True], [True])
add("aten::eq.str_list", ["a"], ["b"])
add("aten::ne.str_list", ["a"], ["a", "b"])
add("aten::sorted.int", [3, 1, 2])
add("aten::sorted.float", [2.0, -1.0, 0.5])
add("aten::sorted.str", ["b", "a", "B", "ab"])
add("aten::sorted.bool", [True, False, True])
add("prim::min.self_int", [3, -1, 2])
add("prim::max.self_int", [3, -1, 2])
add("prim::min.self_float", [2.5, -1.5])
add("prim::max.self_bool", [False, True])
add("prim::min.self_int", [])
add("prim::max.self_float", [])
add("prim::min.int_list", [1, 2, 3], [1, 2])
add("prim::max.int_list", [1, 2, 3], [1, 3])
add("prim::min.float_list", [1.0, 5.0], [1.0, 4.0])
add("prim::max.bool_list", [True], [False, True])
add("prim::min.bool_list", [True], [False, True])

# ---------------------------------------------------------------- tensors and devices

add("aten::dim", torch.ones(2, 3))
add("aten::dim", torch.tensor(1.0))
add("aten::numel", torch.ones(2, 3))
add("aten::numel", torch.ones(0, 3))
add("aten::size", torch.ones(2, 3, 4))
add("aten::size.int", torch.ones(2, 3), -1)
add("aten::size.int", torch.ones(2, 3), 2)
add("aten::stride", torch.ones(2, 3, 4).transpose(0, 2))
add("aten::stride.int", torch.ones(2, 3), 0)
add("aten::len.Tensor", torch.ones(4, 3))
add("aten::len.Tensor", torch.tensor(1.0))
add("aten::element_size", torch.ones(1, dtype=torch.float16))
add("aten::element_size", torch.ones(1, dtype=torch.int64))
add("aten::is_floating_point", torch.ones(1, dtype=torch.int32))
add("aten::is_floating_point", torch.ones(1, dtype=torch.bfloat16))
add("aten::is_contiguous", torch.ones(2, 3).t())
add("aten::is_signed", torch.ones(1, dtype=torch.uint8))
add("aten::is_nonzero", torch.tensor([0.5]))
add("aten::is_nonzero", torch.ones(2))
add("aten::is_same_size", torch.ones(2, 3), torch.zeros(2, 3))
add("aten::get_device", torch.ones(1))
for dt in [torch.float32, torch.float64, torch.float16, torch.int32, torch.int64, torch.uint8, torch.bool]:
    add("prim::dtype", torch.ones(1, dtype=dt))
add("prim::device", torch.ones(1))
add("prim::layout", torch.ones(1))
add("prim::is_cuda", torch.ones(1))
add("prim::is_cpu", torch.ones(1))
add("prim::is_nested", torch.ones(1))
add("prim::is_quantized", torch.ones(1))
add("prim::requires_grad", torch.ones(1))

add("aten::Int.Tensor", torch.tensor(2.7))
add("aten::Int.Tensor", torch.tensor([-2.7]))
add("aten::Int.Tensor", torch.tensor(7, dtype=torch.int8))
add("aten::Int.Tensor", torch.ones(2))
add("aten::Int.Tensor", torch.tensor(1e30))
add("aten::Float.Tensor", torch.tensor(3))
add("aten::Float.Tensor", torch.tensor(0.1, dtype=torch.float64))
add("aten::Bool.Tensor", torch.tensor([0.0]))
add("aten::Bool.Tensor", torch.tensor(-3))
add("aten::Bool.Tensor", torch.ones(2))
add("aten::Bool.Tensor", torch.ones(0))
add("aten::item", torch.tensor(True))
add("aten::item", torch.tensor(3, dtype=torch.uint8))
add("aten::item", torch.tensor(2.5, dtype=torch.float16))
add("aten::item", torch.tensor([[0.1]], dtype=torch.float64))
add("aten::item", torch.zeros(2))
add("aten::IntImplicit", torch.tensor(4))
add("aten::IntImplicit", torch.tensor(2.5))
add("aten::IntImplicit", torch.tensor(True))
add("aten::IntImplicit", torch.tensor([4]))
add("aten::FloatImplicit", torch.tensor(2))
add("aten::FloatImplicit", torch.ones(2))
add("aten::ScalarImplicit", torch.tensor(True))
add("aten::ScalarImplicit", torch.tensor(2, dtype=torch.int16))
add("aten::ScalarImplicit", torch.tensor(0.25))
add("prim::NumToTensor.Scalar", 2.5)
add("prim::NumToTensor.Scalar", 3)
add("prim::NumToTensor.bool", True)

add("aten::device", "cpu")
add("aten::device", "cuda:1")
add("aten::device", "bogus")
add("aten::device", "cuda:x")
add("prim::type", torch.device("cpu"))
add("prim::type", torch.device("cuda", 1))
add("prim::index", torch.device("cuda", 1))
add("prim::index", torch.device("cpu"))
add("aten::eq.device", torch.device("cpu"), torch.device("cpu"))
add("aten::ne.device", torch.device("cpu"), torch.device("cuda"))

add("aten::is_scripting")
add("aten::is_autocast_enabled")
add("aten::is_grad_enabled")  # the oracle runs under torch.no_grad()
add("aten::dict")
add("aten::Size", [2, 3])
add("aten::_infer_size", [2, 1], [3])
add("aten::_infer_size", [2], [3])
add("aten::_infer_size", [2, 3], [4, 5])
add("aten::_infer_size", [7, 3], [4, 3])
add("prim::rangelist", 4)
