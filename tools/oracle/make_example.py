"""Writes the example files the README's first command runs ember on.

Usage: /usr/bin/python3 tools/oracle/make_example.py OUTDIR
"""
import collections
import os
import sys

import torch

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)
state = collections.OrderedDict(
    [("conv.weight", torch.randn(8, 3, 3, 3)), ("conv.bias", torch.zeros(8)),
     ("bn.running_mean", torch.zeros(8)), ("bn.num_batches_tracked", torch.tensor(0))])
args = (torch.randn(1, 3, 32, 32), 3, 0.5, "mode", [1, 2], {"k": torch.arange(4)}, None, True)
torch.save(state, os.path.join(out, "state_dict.pt"))
torch.save(args, os.path.join(out, "inputs.pt"))
print(f"wrote {out}/state_dict.pt and {out}/inputs.pt")
