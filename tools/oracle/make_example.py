"""Writes the example files the README's first command runs ember on.

A small scripted image classifier (conv, batch norm, ReLU, pooling, linear;
about 40 KB of weights) saved with torch.jit.save, an input batch, PyTorch's
own output for it, and a state dict, all made here so nothing generated is
committed.

Usage: /usr/bin/python3 tools/oracle/make_example.py OUTDIR
"""
import collections
import os
import sys
from typing import Dict

import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self, classes: int = 10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1))
        self.head = nn.Linear(32, classes)
        self.labels = ["airplane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    def forward(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        logits = self.head(torch.flatten(self.features(x), 1))
        probs = torch.softmax(logits, dim=1)
        top = torch.argmax(probs, dim=1)
        return {"probs": probs, "top": top}


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)
model = TinyNet().eval()
for m in model.modules():
    if isinstance(m, nn.BatchNorm2d):
        m.running_mean.uniform_(-0.5, 0.5)
        m.running_var.uniform_(0.5, 1.5)
scripted = torch.jit.script(model)
scripted.save(os.path.join(out, "tinynet.pt"))
x = torch.randn(2, 3, 32, 32)
torch.save((x,), os.path.join(out, "inputs.pt"))
with torch.no_grad():
    torch.save(scripted(x), os.path.join(out, "expected.pt"))

state = collections.OrderedDict(
    [("conv.weight", torch.randn(8, 3, 3, 3)), ("conv.bias", torch.zeros(8)),
     ("bn.running_mean", torch.zeros(8)), ("bn.num_batches_tracked", torch.tensor(0))])
torch.save(state, os.path.join(out, "state_dict.pt"))
print(f"wrote {out}/tinynet.pt, inputs.pt, expected.pt and state_dict.pt")
