"""Load time, first call, steady run time and peak memory of model cases: ember against
PyTorch 1.13 (libtorch under torch.jit.load), measured side by side in the same run.

Usage: /usr/bin/python3 bench/models_vs_pytorch.py EMBER MODELDIR [--threads N] [--iters K] [name ...]

MODELDIR is what tools/oracle/make_models.py wrote (models.json, cases/), or any folder of
case folders in the layout of ../shared/corpus/realworld (model.pt, inputs.pt, meta.json).
Each side runs in its own fresh process, one after the other, so neither warms the other's
caches and each peak RSS is its own:
  ember: `ember bench` (load, first call, median of K later calls, peak RSS as VmHWM);
  torch: torch.jit.load, the first call, then warm-up calls until the profiling executor
         has optimised the graph (3 more), then the median of K calls, under
         torch.no_grad() with torch.set_num_threads(N); peak RSS (VmHWM) of that process.
Prints a Markdown table; ratios are ember / torch (below 1: ember is faster or smaller).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

TORCH_SIDE = r"""
import statistics, sys, time, torch
case, threads, iters = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
inputs = torch.load(case + "/inputs.pt")
if not isinstance(inputs, tuple):
    inputs = (inputs,)
t0 = time.perf_counter(); m = torch.jit.load(case + "/model.pt"); load = time.perf_counter() - t0
with torch.no_grad():
    t0 = time.perf_counter(); m(*inputs); first = time.perf_counter() - t0
    for _ in range(3):
        m(*inputs)
    ms = []
    for _ in range(iters):
        t0 = time.perf_counter(); m(*inputs); ms.append(time.perf_counter() - t0)
rss = next(float(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
print(load * 1e3, first * 1e3, statistics.median(ms) * 1e3, rss)
"""

EMBER_LINE = re.compile(r"load ([\d.]+) ms, first call ([\d.]+) ms, .*median ([\d.]+) ms.*peak rss ([\d.]+) MiB")


def ember_side(ember, case, threads, iters):
    cmd = [ember, "bench", os.path.join(case, "model.pt"), "--inputs", os.path.join(case, "inputs.pt"),
           "--threads", str(threads), "--iters", str(iters)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    m = EMBER_LINE.search(p.stdout)
    if p.returncode != 0 or not m:
        err = p.stderr.strip().splitlines()
        raise RuntimeError(err[-1] if err else f"exit {p.returncode}")
    return [float(x) for x in m.groups()]


def torch_side(case, threads, iters):
    p = subprocess.run([sys.executable, "-c", TORCH_SIDE, case, str(threads), str(iters)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip().splitlines()[-1])
    return [float(x) for x in p.stdout.split()]


def cases(modeldir, names):
    manifest = os.path.join(modeldir, "models.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            for e in json.load(f)["models"]:
                if names and e["name"] not in names:
                    continue
                for kind in ("scripted", "traced"):
                    case = os.path.join(modeldir, "cases", f"tv_{e['name']}_{kind}")
                    if e.get(kind) and os.path.isdir(case):
                        yield f"{e['name']} {kind}", "x".join(map(str, e["input_shape"])), case
        return
    for name in sorted(os.listdir(modeldir)):
        case = os.path.join(modeldir, name)
        meta = os.path.join(case, "meta.json")
        if (names and name not in names) or not os.path.exists(meta):
            continue
        with open(meta) as f:
            m = json.load(f)
        if m.get("expect") in ("error", "raise") or m.get("method", "forward") != "forward" or m.get("calls", 1) != 1:
            continue
        yield name, "", case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ember")
    ap.add_argument("modeldir")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--iters", type=int, default=20)
    a = ap.parse_intermixed_args()
    # torch is imported only in the measured child processes.
    print(f"threads={a.threads} iters={a.iters} load average={os.getloadavg()[0]:.1f}\n")
    print("| model | input | load ms ember / torch | first call ms ember / torch | run ms ember / torch | "
          "run ratio | peak MiB ember / torch |")
    print("|---|---|---:|---:|---:|---:|---:|")
    ratios = []
    for name, shape, case in cases(a.modeldir, a.names):
        try:
            el, ef, er, em = ember_side(a.ember, case, a.threads, a.iters)
            tl, tf, tr, tm = torch_side(case, a.threads, a.iters)
        except RuntimeError as err:
            print(f"| {name} | {shape} | fails: {str(err)[:100]} | | | | |", flush=True)
            continue
        if er > 0 and tr > 0:
            ratios.append(er / tr)
        print(f"| {name} | {shape} | {el:.0f} / {tl:.0f} | {ef:.1f} / {tf:.1f} | {er:.3g} / {tr:.3g} | "
              f"{er / tr:.2f} | {em:.0f} / {tm:.0f} |", flush=True)
    if ratios:
        print(f"\ngeometric mean of run ratios: {statistics.geometric_mean(ratios):.2f} over {len(ratios)} cases")


if __name__ == "__main__":
    sys.exit(main())
