def case(name, src, calls=None, fn="f"):
    return {"name": name, "src": src, "calls": calls or [()], "fn": fn}


def neg(name, src):
    return {"name": name, "src": src, "negative": True}


def m(name, expr, rettype, calls):
    """One str method: f(s) returns `expr`."""
    return case(name, f"""
from typing import List, Tuple
def f(s: str) -> {rettype}:
    return {expr}
""", calls)


WORDS = [("Hello World",), ("",), ("  a1 B2  ",), ("ABC",), ("abc",), ("123",), ("Ab Cd-eF",)]

CASES = [
    m("upper_lower_swapcase", "s.upper(), s.lower(), s.swapcase()", "Tuple[str, str, str]", WORDS),
    m("title_capitalize", "s.title(), s.capitalize()", "Tuple[str, str]", WORDS),
    m("predicates_alpha", "s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric()",
      "Tuple[bool, bool, bool, bool, bool]", WORDS),
    m("predicates_case", "s.isupper(), s.islower(), s.istitle(), s.isspace(), s.isidentifier(), s.isprintable()",
      "Tuple[bool, bool, bool, bool, bool, bool]", WORDS + [(" \t",), ("_x9",)]),
    m("strip_default", "s.strip() + '|' + s.lstrip() + '|' + s.rstrip()", "str", WORDS),
    m("strip_chars", "s.strip('ab') + '|' + s.lstrip('a') + '|' + s.rstrip('cb')", "str", [("abcab",), ("aaa",)]),
    m("split_default", "s.split()", "List[str]", WORDS + [(" a  b\tc\n",)]),
    m("split_sep", "s.split(',')", "List[str]", [("a,b,,c",), ("",), (",",)]),
    m("split_maxsplit", "s.split(',', 1)", "List[str]", [("a,b,c",), ("abc",)]),
    m("rsplit_maxsplit", "s.rsplit(',', 1)", "List[str]", [("a,b,c",)]),
    m("splitlines", "s.splitlines()", "List[str]", [("a\nb\r\nc",), ("",), ("x\n",)]),
    m("partition", "s.partition('=')", "Tuple[str, str, str]", [("k=v=w",), ("kv",)]),
    m("rpartition", "s.rpartition('=')", "Tuple[str, str, str]", [("k=v=w",), ("kv",)]),
    m("find_rfind_ranges", "s.find('a', 1), s.rfind('a', 0, 3), s.find('')", "Tuple[int, int, int]",
      [("banana",), ("",)]),
    m("index_found", "s.index('n')", "int", [("banana",)]),
    m("index_missing", "s.index('z')", "int", [("banana",)]),
    m("rindex", "s.rindex('a')", "int", [("banana",)]),
    m("count_overlap", "s.count('aa')", "int", [("aaaa",), ("",)]),
    m("startswith_endswith", "s.startswith('He'), s.endswith('ld'), s.startswith('')", "Tuple[bool, bool, bool]",
      WORDS[:2]),
    m("replace_all", "s.replace('l', 'L')", "str", [("hello world",)]),
    m("center", "s.center(9, '*') + '|' + s.center(2)", "str", [("abc",), ("ab",)]),
    m("ljust_rjust", "s.ljust(6, '.') + '|' + s.rjust(6, '.')", "str", [("abc",), ("abcdefgh",)]),
    m("zfill_signed", "s.zfill(6)", "str", [("-42",), ("+7",), ("abc",), ("1234567",)]),
    m("expandtabs", "s.expandtabs(4)", "str", [("a\tbc\td",)]),
    m("join_list", "'-'.join(s.split(' '))", "str", WORDS[:3]),
    m("join_empty", "','.join([s, s])", "str", [("",), ("x",)]),
    m("string_multiply_free_concat", "s + s + s", "str", [("ab",)]),
    m("index_chars", "s[0] + s[-1]", "str", [("xyz",), ("",)]),
    m("slice_steps", "s[::2] + '|' + s[::-1] + '|' + s[1:-1]", "str", [("abcdef",), ("",)]),
    m("slice_out_of_range", "s[10:] + s[:100] + s[-100:2]", "str", [("abc",)]),
    m("compare_ops", "s < 'b', s <= 'abc', s > 'B', s >= 'abd', s == 'abc', s != 'abc'",
      "Tuple[bool, bool, bool, bool, bool, bool]", [("abc",), ("b",), ("",)]),
    m("in_operator", "'b' in s, 'bc' in s, '' in s, 'x' not in s", "Tuple[bool, bool, bool, bool]", [("abc",)]),
    m("len_unicode", "len(s)", "int", [("héllo",), ("日本",)]),
    m("upper_unicode", "s.upper()", "str", [("straße",)]),
    m("ord_unicode", "ord(s[0])", "int", [("é",)]),
    m("str_of_str", "str(s)", "str", [("q",)]),
    case("iterate_chars", """
from typing import List
def f(s: str) -> List[str]:
    out: List[str] = []
    for c in s:
        if c != " ":
            out.append(c)
    return out
""", [("a b c",)]),
    case("format_method", """
def f(a: int, b: str, c: float) -> str:
    return "{} and {} and {}".format(a, b, c)
""", [(1, "x", 2.5)]),
    case("fstring_exprs", """
from typing import List
def f(n: int, xs: List[int]) -> str:
    return f"n={n} sq={n * n} xs={xs} neg={-n}"
""", [(3, [1, 2])]),
    case("fstring_bool_none", """
from typing import Optional
def f(b: bool, o: Optional[int]) -> str:
    return f"{b} {o}"
""", [(True, None), (False, 3)]),
    case("fstring_tensor_free_nested", """
def f(s: str) -> str:
    return f"[{s}{s}]" + f"{len(s)}"
""", [("ab",)]),
    case("str_concat_loop_reverse", """
def f(s: str) -> str:
    out = ""
    for c in s:
        out = c + out
    return out
""", [("stressed",)]),
    case("string_to_int_parse", """
from typing import List
def f(s: str) -> int:
    total = 0
    for part in s.split(","):
        total += int(part.strip())
    return total
""", [("1, 2 ,3",)]),
    case("string_to_float_parse", """
def f(s: str) -> float:
    return float(s) * 2.0
""", [("1.25",), (" 3 ",), ("nan",), ("abc",)]),
    neg("str_item_assignment", """
def f(s: str) -> str:
    s[0] = "x"
    return s
"""),
    neg("str_plus_int", """
def f(s: str) -> str:
    return s + 1
"""),
    neg("str_unknown_method", """
def f(s: str) -> str:
    return s.casefold()
"""),
]
