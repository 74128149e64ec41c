#!/usr/bin/python3
"""Checks one torchvision model end to end without keeping its archives (the slow tier).

usage: check_model.py EMBER WORK_DIR NAME [--known-failures FILE] [--keep]

Builds NAME's scripted and traced archives with tools/oracle/make_models.py into
WORK_DIR/NAME, runs both through `ember run` and compares (tools/oracle/run_model_case.py),
then deletes the folder. The slow models hold up to 2.5 GB of weights each, 36 GB for the
whole tier as archives, so unlike the fast tier nothing is cached: disk holds one model
at a time. Only WORK_DIR/NAME.json stays (manifest entry and timings). --keep keeps the
archives (to look into a failure). Exit status as run_model_case.py's.
"""
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_model_case  # noqa: E402

# The largest models (vit_h_14 at 224 pixels) take minutes per `ember run` on a loaded core.
RUN_TIMEOUT = 1800


def main():
    args = sys.argv[1:]
    known = {}
    if "--known-failures" in args:
        i = args.index("--known-failures")
        known = run_model_case.load_known(args[i + 1])
        del args[i:i + 2]
    keep = "--keep" in args
    args = [a for a in args if a != "--keep"]
    ember, work, name = args
    folder = os.path.join(work, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    try:
        t0 = time.time()
        # A process of its own: PyTorch's copies of the weights are freed before ember runs.
        subprocess.run([sys.executable, os.path.join(HERE, "make_models.py"), folder, name], check=True)
        made = time.time() - t0
        with open(os.path.join(folder, f"{name}.json")) as f:
            entry = json.load(f)
        cases = [os.path.join(folder, "cases", f"tv_{name}_{k}") for k in ("scripted", "traced") if entry.get(k)]
        size = sum(os.path.getsize(os.path.join(folder, entry[k])) for k in ("scripted", "traced") if entry.get(k))
        t1 = time.time()
        failed = run_model_case.check(ember, os.path.join(folder, "runs"), cases, known, RUN_TIMEOUT)
        entry.update(archive_bytes=size, make_seconds=round(made, 1), ember_seconds=round(time.time() - t1, 1),
                     failed=failed)
        with open(os.path.join(work, f"{name}.json"), "w") as f:
            json.dump(entry, f, indent=1)
        print(f"{name}: archives {size / 2**20:.0f} MiB, PyTorch {made:.1f}s, ember {entry['ember_seconds']}s")
        return 1 if failed or not cases else 0
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
