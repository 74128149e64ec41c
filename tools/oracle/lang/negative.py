def neg(name, src):
    return {"name": name, "src": src, "negative": True}


CASES = [
    neg("undefined_in_false_branch", """
def f(n: int) -> int:
    if n > 1:
        y = 1
    return y
"""),
    neg("branch_type_mismatch", """
def f(n: int):
    if n > 1:
        y = 1
    else:
        y = "a"
    return y
"""),
    neg("loop_type_change", """
def f(n: int) -> int:
    y = 1
    for i in range(n):
        y = 1.5
    return 1
"""),
    neg("default_needs_annotation", """
def f(x, n=3):
    return x
"""),
    neg("return_annotation_mismatch", """
def f(n: int) -> str:
    return n
"""),
    neg("return_types_differ", """
def f(n: int):
    if n > 1:
        return 1
    return "x"
"""),
    neg("optional_without_refinement", """
from typing import Optional
def f(n: Optional[int]) -> int:
    return n + 1
"""),
    neg("empty_list_is_tensor_list", """
def f(n: int) -> int:
    x = []
    x.append(n)
    return len(x)
"""),
    neg("lambda_unsupported", """
def f(n: int) -> int:
    g = lambda x: x
    return n
"""),
    neg("undefined_name", """
def f(n: int) -> int:
    return n + undefined_thing
"""),
    neg("wrong_arg_type", """
def f(n: int) -> int:
    return n.upper()
"""),
    neg("try_except", """
def f(n: int) -> int:
    try:
        n = n + 1
    except Exception:
        n = 0
    return n
"""),
    neg("annotated_assign_mismatch", """
def f(n: int) -> int:
    x: int = "a"
    return n
"""),
    neg("global_statement", """
def f(n: int) -> int:
    global counter
    return n
"""),
    neg("fall_off_end", """
from typing import Optional
def f(x: int) -> Optional[int]:
    if x > 0:
        return x
"""),
    neg("comprehension_if", """
from typing import List
def f(n: int) -> List[int]:
    return [i * i for i in range(n) if i % 2 == 1]
"""),
]
