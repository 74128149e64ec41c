"""Writes the torchvision classification model oracle (issue 4's proof).

Usage: /usr/bin/python3 tools/oracle/make_models.py OUTDIR [--tier fast|slow|all] [--list] [name ...]

For each model (seed 0 random weights, eval mode) OUTDIR gets
  <name>_scripted.pt   torch.jit.script(model), saved by torch.jit.save
  <name>_traced.pt     torch.jit.trace(model, inputs)
  <name>_inputs.pt     the tuple of forward arguments (torch.save)
  <name>_expected.pt   the eager model's output on them (torch.save)
  <name>_<kind>_expected.pt  what the saved archive returns under torch.jit.load (the reference
                       ember is held to; the manifest says whether it matches the eager output)
and OUTDIR/models.json, the manifest: per model its tier, input shape, rtol/atol and
which files exist; a model torch.jit.script or trace refuses is listed with the reason.
Names select models; without names, the tier does (default: fast).

Each archive is also a case folder in the layout of ../shared/corpus/realworld (see its
README), OUTDIR/cases/tv_<name>_<scripted|traced>/{model.pt, inputs.pt, expected.pt,
meta.json} (hard links, no copies), so tools/oracle/run_model_case.py runs it through
`ember run`. A model whose files exist from the same script and torch is not rebuilt
(--force rebuilds).
"""
import argparse
import fcntl
import hashlib
import json
import os
import sys
import time

import torch
import torchvision.models as tvm

# name -> (tier, input shape). "fast" models run in the default CTest label; "slow" ones
# are big (hundreds of MB of weights or seconds per run) and get their own label.
# Inputs are as small as the architecture allows: vit/maxvit check the image size,
# inception_v3 needs >= 75 pixels.
S64 = (1, 3, 64, 64)
S224 = (1, 3, 224, 224)
MODELS = {
    "alexnet": ("fast", S64),
    "convnext_tiny": ("fast", S64),
    "convnext_small": ("slow", S64),
    "convnext_base": ("slow", S64),
    "convnext_large": ("slow", S64),
    "densenet121": ("fast", S64),
    "densenet161": ("slow", S64),
    "densenet169": ("slow", S64),
    "densenet201": ("slow", S64),
    "efficientnet_b0": ("fast", S64),
    "efficientnet_b1": ("slow", S64),
    "efficientnet_b2": ("slow", S64),
    "efficientnet_b3": ("slow", S64),
    "efficientnet_b4": ("slow", S64),
    "efficientnet_b5": ("slow", S64),
    "efficientnet_b6": ("slow", S64),
    "efficientnet_b7": ("slow", S64),
    "efficientnet_v2_s": ("fast", S64),
    "efficientnet_v2_m": ("slow", S64),
    "efficientnet_v2_l": ("slow", S64),
    "googlenet": ("fast", S64),
    "inception_v3": ("fast", (1, 3, 80, 80)),
    "maxvit_t": ("slow", S224),
    "mnasnet0_5": ("fast", S64),
    "mnasnet0_75": ("slow", S64),
    "mnasnet1_0": ("slow", S64),
    "mnasnet1_3": ("slow", S64),
    "mobilenet_v2": ("fast", S64),
    "mobilenet_v3_large": ("fast", S64),
    "mobilenet_v3_small": ("fast", S64),
    "regnet_x_400mf": ("fast", S64),
    "regnet_x_800mf": ("slow", S64),
    "regnet_x_1_6gf": ("slow", S64),
    "regnet_x_3_2gf": ("slow", S64),
    "regnet_x_8gf": ("slow", S64),
    "regnet_x_16gf": ("slow", S64),
    "regnet_x_32gf": ("slow", S64),
    "regnet_y_400mf": ("fast", S64),
    "regnet_y_800mf": ("slow", S64),
    "regnet_y_1_6gf": ("slow", S64),
    "regnet_y_3_2gf": ("slow", S64),
    "regnet_y_8gf": ("slow", S64),
    "regnet_y_16gf": ("slow", S64),
    "regnet_y_32gf": ("slow", S64),
    "regnet_y_128gf": ("slow", S64),
    "resnet18": ("fast", S64),
    "resnet34": ("slow", S64),
    "resnet50": ("fast", S64),
    "resnet101": ("slow", S64),
    "resnet152": ("slow", S64),
    "resnext50_32x4d": ("fast", S64),
    "resnext101_32x8d": ("slow", S64),
    "resnext101_64x4d": ("slow", S64),
    "shufflenet_v2_x0_5": ("fast", S64),
    "shufflenet_v2_x1_0": ("slow", S64),
    "shufflenet_v2_x1_5": ("slow", S64),
    "shufflenet_v2_x2_0": ("slow", S64),
    "squeezenet1_0": ("fast", S64),
    "squeezenet1_1": ("fast", S64),
    "swin_t": ("fast", S64),
    "swin_s": ("slow", S64),
    "swin_b": ("slow", S64),
    "swin_v2_t": ("slow", S64),
    "swin_v2_s": ("slow", S64),
    "swin_v2_b": ("slow", S64),
    "vgg11": ("fast", S64),
    "vgg11_bn": ("fast", S64),
    "vgg13": ("slow", S64),
    "vgg13_bn": ("slow", S64),
    "vgg16": ("slow", S64),
    "vgg16_bn": ("slow", S64),
    "vgg19": ("slow", S64),
    "vgg19_bn": ("slow", S64),
    "vit_b_16": ("slow", S224),
    "vit_b_32": ("fast", S224),
    "vit_l_16": ("slow", S224),
    "vit_l_32": ("slow", S224),
    "vit_h_14": ("slow", S224),
    "wide_resnet50_2": ("slow", S64),
    "wide_resnet101_2": ("slow", S64),
}

# Float32 agreement wanted by issue 4: 1e-4 relative. atol is 1e-5 of the output's largest
# magnitude, so near-zero logits are held to the output's own scale (random-weight
# classifiers may output values of 1e-2 or 1e3).
RTOL = 1e-4
ATOL_OF_MAX = 1e-5


def build(name):
    torch.manual_seed(0)
    kwargs = {}
    if name in ("googlenet", "inception_v3"):
        # PyTorch's default layer init: init_weights=True draws N(0, 0.1) whatever the fan-in,
        # and inception_v3's logits reach 1e8. Explicit, it also silences a FutureWarning.
        # The aux classifiers are in the archive but run only in training mode.
        kwargs = {"aux_logits": True, "init_weights": False}
    m = getattr(tvm, name)(weights=None, **kwargs)
    # Fresh BatchNorm stats are mean 0 / var 1, which would hide a wrong normalisation.
    g = torch.Generator().manual_seed(1)
    for mod in m.modules():
        if isinstance(mod, torch.nn.modules.batchnorm._BatchNorm) and mod.running_mean is not None:
            with torch.no_grad():
                mod.running_mean.copy_(torch.rand(mod.running_mean.shape, generator=g) * 0.2 - 0.1)
                mod.running_var.copy_(torch.rand(mod.running_var.shape, generator=g) * 0.5 + 0.75)
                if mod.weight is not None:
                    mod.weight.copy_(torch.rand(mod.weight.shape, generator=g) * 0.5 + 0.75)
                    mod.bias.copy_(torch.rand(mod.bias.shape, generator=g) * 0.2 - 0.1)
        # Constant-initialised parameters hide whole paths: zero classifier heads (vit)
        # give an all-zero output, layer scales of 1e-6 (convnext) mute residual branches,
        # zero biases and unit norm weights skip their arithmetic.
        for _, p in mod.named_parameters(recurse=False):
            with torch.no_grad():
                flat = p.detach().reshape(-1)
                if flat.numel() and bool((flat == flat[0]).all()):
                    base = 1.0 if float(flat[0]) == 1.0 else 0.0
                    p.copy_(base + torch.rand(p.shape, generator=g) * 0.2 - 0.1)
    return m.eval()


def first_line(e):
    s = str(e).strip().splitlines()
    return f"{type(e).__name__}: {s[0] if s else ''}"


def plain(v):
    """Named tuples (GoogLeNetOutputs) become tuples: the files must load anywhere."""
    if isinstance(v, tuple):
        return tuple(plain(x) for x in v)
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def max_abs(v):
    if isinstance(v, torch.Tensor):
        return float(v.abs().max()) if v.numel() else 0.0
    if isinstance(v, (list, tuple)):
        return max((max_abs(x) for x in v), default=0.0)
    return 0.0


def same_values(got, want):
    """Whether the archive's output holds the eager output (first element of a tuple)."""
    if isinstance(got, tuple) and not isinstance(want, tuple):
        got = got[0]
    if isinstance(got, torch.Tensor) and isinstance(want, torch.Tensor):
        return got.shape == want.shape and torch.allclose(got, want, rtol=1e-4, atol=1e-6)
    return False


def make(name, outdir):
    tier, shape = MODELS[name]
    entry = {"name": name, "tier": tier, "input_shape": list(shape), "rtol": RTOL}
    t0 = time.time()
    m = build(name)
    g = torch.Generator().manual_seed(2)
    inputs = (torch.rand(shape, generator=g) * 2 - 1,)
    with torch.no_grad():
        expected = plain(m(*inputs))
    entry["atol"] = ATOL_OF_MAX * max(max_abs(expected), 1e-30)
    torch.save(inputs, os.path.join(outdir, f"{name}_inputs.pt"))
    torch.save(expected, os.path.join(outdir, f"{name}_expected.pt"))
    for kind in ("scripted", "traced"):
        path = os.path.join(outdir, f"{name}_{kind}.pt")
        try:
            with torch.no_grad():
                sm = torch.jit.script(m) if kind == "scripted" else torch.jit.trace(m, inputs, check_trace=False)
            torch.jit.save(sm, path)
            # What the archive itself returns is the reference (scripted GoogLeNet returns its
            # namedtuple even in eval mode, where the eager model returns a tensor).
            with torch.no_grad():
                got = plain(torch.jit.load(path)(*inputs))
            torch.save(got, os.path.join(outdir, f"{name}_{kind}_expected.pt"))
            entry[kind] = os.path.basename(path)
            entry[f"{kind}_matches_eager"] = same_values(got, expected)
            write_case(outdir, name, kind, entry)
        except Exception as e:  # noqa: BLE001 - the refusal is what we record
            entry[kind] = None
            entry[f"{kind}_error"] = first_line(e)
            if os.path.exists(path):
                os.remove(path)
    entry["seconds"] = round(time.time() - t0, 2)
    return entry


def stamp():
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()[:12] + "/" + torch.__version__


def write_case(outdir, name, kind, entry):
    case = os.path.join(outdir, "cases", f"tv_{name}_{kind}")
    os.makedirs(case, exist_ok=True)
    for src, dst in ((f"{name}_{kind}.pt", "model.pt"), (f"{name}_inputs.pt", "inputs.pt"),
                     (f"{name}_{kind}_expected.pt", "expected.pt")):
        target = os.path.join(case, dst)
        if os.path.exists(target):
            os.remove(target)
        os.link(os.path.join(outdir, src), target)
    meta = {"category": "torchvision", "method": "forward", "rtol": entry["rtol"], "atol": entry["atol"],
            "source": f"torchvision.models.{name}(weights=None), seed 0, eval(), torch.jit.{kind[:-2] if kind == 'scripted' else 'trace'}",
            "notes": f"input {entry['input_shape']}, tier {entry['tier']}", "nargs": 1}
    with open(os.path.join(case, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)


def update_manifest(outdir, entries):
    """Merges entries into OUTDIR/models.json under a lock (CTest makes models in parallel)."""
    path = os.path.join(outdir, "models.json")
    with open(os.path.join(outdir, ".models.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = {}
        if os.path.exists(path):
            with open(path) as f:
                manifest = {e["name"]: e for e in json.load(f)["models"]}
        manifest.update(entries)
        refused = {n: e["scripted_error"] for n, e in manifest.items() if not e.get("scripted")}
        untraceable = {n: e["traced_error"] for n, e in manifest.items() if not e.get("traced")}
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"torch": torch.__version__, "models": sorted(manifest.values(), key=lambda e: e["name"]),
                       "script_refused": refused, "trace_refused": untraceable}, f, indent=1)
        os.replace(tmp, path)


def up_to_date(outdir, name, st):
    path = os.path.join(outdir, f"{name}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        e = json.load(f)
    files = [f"{name}_inputs.pt", f"{name}_expected.pt"]
    files += [x for k in ("scripted", "traced") if e.get(k) for x in (e[k], f"{name}_{k}_expected.pt")]
    if e.get("stamp") != st or not all(os.path.exists(os.path.join(outdir, x)) for x in files):
        return None
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--tier", choices=("fast", "slow", "all"), default="fast")
    ap.add_argument("--list", action="store_true", help="print the selected names and exit")
    ap.add_argument("--force", action="store_true", help="rebuild models whose files are up to date")
    a = ap.parse_args()
    for n in a.names:
        if n not in MODELS:
            sys.exit(f"unknown model {n!r}; known: {', '.join(sorted(MODELS))}")
    names = a.names or [n for n, (tier, _) in MODELS.items() if a.tier in ("all", tier)]
    if a.list:
        print("\n".join(names))
        return
    os.makedirs(a.outdir, exist_ok=True)
    torch.set_num_threads(1)
    st = stamp()
    entries = {}
    for n in names:
        e = None if a.force else up_to_date(a.outdir, n, st)
        if e is None:
            e = make(n, a.outdir)
            e["stamp"] = st
            with open(os.path.join(a.outdir, f"{n}.json"), "w") as f:
                json.dump(e, f, indent=1)
        entries[n] = e
        print(f"{n}: scripted={'ok' if e['scripted'] else e['scripted_error']} "
              f"traced={'ok' if e['traced'] else e['traced_error']} ({e['seconds']}s)", flush=True)
    update_manifest(a.outdir, entries)


if __name__ == "__main__":
    main()
