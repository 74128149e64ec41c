"""Load and run times of the torchvision model cases: ember against PyTorch 1.13.

Usage: /usr/bin/python3 bench/models_vs_pytorch.py EMBER MODELDIR [--threads N] [--iters K] [name ...]

MODELDIR is what tools/oracle/make_models.py wrote (models.json, cases/). For every
scripted and traced archive:
  ember: `ember run` with --repeat 1 and --repeat 1+K, wall clock; run ms is the
         difference over K, load ms the single run minus one run (process start and
         reading the inputs are included in load, as a user of the CLI sees it);
  torch: torch.jit.load (ms) and the mean of K forward calls after one warm-up call,
         under torch.no_grad() with torch.set_num_threads(N), in this process.
Prints a Markdown table (the closing note of issue 4 wants it), ratio = ember / torch run.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import torch


def ember_times(ember, case, threads, iters, work):
    out = os.path.join(work, "bench.out.pt")

    def once(repeat):
        cmd = [ember, "run", os.path.join(case, "model.pt"), "--inputs", os.path.join(case, "inputs.pt"),
               "--output", out, "--repeat", str(repeat), "--threads", str(threads)]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        dt = (time.perf_counter() - t0) * 1e3
        if p.returncode != 0:
            raise RuntimeError(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}")
        return dt

    single = min(once(1) for _ in range(2))
    many = once(1 + iters)
    run = max(0.0, (many - single) / iters)
    return max(0.0, single - run), run


def torch_times(case, iters):
    t0 = time.perf_counter()
    m = torch.jit.load(os.path.join(case, "model.pt"))
    load = (time.perf_counter() - t0) * 1e3
    inputs = torch.load(os.path.join(case, "inputs.pt"))
    with torch.no_grad():
        m(*inputs)
        t0 = time.perf_counter()
        for _ in range(iters):
            m(*inputs)
        run = (time.perf_counter() - t0) * 1e3 / iters
    return load, run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ember")
    ap.add_argument("modeldir")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--iters", type=int, default=10)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    with open(os.path.join(a.modeldir, "models.json")) as f:
        manifest = json.load(f)
    work = os.path.join(a.modeldir, "bench_runs")
    os.makedirs(work, exist_ok=True)
    print(f"threads={a.threads} iters={a.iters} torch={torch.__version__}\n")
    print("| model | kind | input | ember load ms | torch load ms | ember run ms | torch run ms | ember/torch |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for e in manifest["models"]:
        if a.names and e["name"] not in a.names:
            continue
        for kind in ("scripted", "traced"):
            case = os.path.join(a.modeldir, "cases", f"tv_{e['name']}_{kind}")
            if not e.get(kind) or not os.path.isdir(case):
                continue
            shape = "x".join(map(str, e["input_shape"]))
            try:
                el, er = ember_times(a.ember, case, a.threads, a.iters, work)
            except RuntimeError as err:
                print(f"| {e['name']} | {kind} | {shape} | fails: {str(err)[:80]} | | | | |", flush=True)
                continue
            tl, tr = torch_times(case, a.iters)
            print(f"| {e['name']} | {kind} | {shape} | {el:.0f} | {tl:.0f} | {er:.2f} | {tr:.2f} | {er / tr:.2f} |",
                  flush=True)


if __name__ == "__main__":
    sys.exit(main())
