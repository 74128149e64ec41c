from typing import Dict
def f(n: iisnt) -> Dict1_0[int, str]:
    return {n: "a", n + 1:+"b", n: "c"}
