"""Op conformance cases: what each tools/oracle/ops/<family>.py declares.

A family module defines CASES, a list built with `case(...)`:

    case("aten::add.Tensor", t(2, 3), t(3), alpha=2)
    case("aten::div.Tensor_mode", t(4), t(4), rounding_mode="floor", name="div_floor")
    case("aten::sum.dim_IntList", t(2, 3, dtype=torch.int32), [1], True, tol=(1e-5, 1e-6))

Arguments are real PyTorch values (tensors, ints, floats, bools, str, None,
lists, tuples, torch.dtype). make_op_cases.py runs each case on PyTorch via the
exact overload (torch.ops.aten.add.Tensor) and saves args, kwargs and the
result, or the exception's type and message when PyTorch raises. Inputs are
cloned before the call, so in-place ops are recorded with their original inputs.
"""
import torch

_gen = torch.Generator().manual_seed(0)


class Case:
    def __init__(self, op, args, kwargs, name=None, tol=None, check_values=True):
        self.op = op
        self.check_values = check_values  # False: compare dtype and shape only (aten::empty)
        self.args = args
        self.kwargs = kwargs
        self.name = name
        self.tol = tol  # (rtol, atol) for float results; default by dtype


def case(op, *args, name=None, tol=None, check_values=True, **kwargs):
    return Case(op, args, kwargs, name=name, tol=tol, check_values=check_values)


def t(*shape, dtype=torch.float32, low=-3, high=3, noncontig=False):
    """A deterministic random tensor. noncontig=True returns a transposed/strided view."""
    if noncontig:
        big = t(*shape[:-1], shape[-1] * 2, dtype=dtype, low=low, high=high) if shape else t(dtype=dtype)
        return big[..., ::2] if shape else big
    if dtype == torch.bool:
        return torch.randint(0, 2, shape, generator=_gen).bool()
    if dtype.is_floating_point:
        x = torch.rand(shape, generator=_gen, dtype=torch.float64) * (high - low) + low
        return x.to(dtype)
    lo = 0 if dtype == torch.uint8 else low
    return torch.randint(lo, high + 1, shape, generator=_gen, dtype=torch.int64).to(dtype)


def positive(*shape, dtype=torch.float32):
    return t(*shape, dtype=dtype, low=0.1, high=4)
