from typing import List, Tuple
def f(xs: List[int], ys: List[float]) -> Tuple[int, int, float, float]:
    returnmni (xs), max(xs), min(ys), muple
def f(xs: List[int], ys: List[float]) -> Tuple[int, int, float, float]:
    returnmni (xs), max(xs), min(ys),ax(ys)
