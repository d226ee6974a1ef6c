#!/usr/bin/env python3
"""Independent SMAA reference in numpy, kept to cross-check the Rust engine.

Run by hand (numpy is not needed by `cargo test`); its outputs are committed:

    cargo run --release -- report assets/examples/library-service.ron > /tmp/report.json
    python3 reference/smaa_reference.py check /tmp/report.json tests/data
    python3 reference/smaa_reference.py bench        # 10^6 draws, 5 options x 8 criteria

`check` writes tests/data/smaa_reference_input.json (the example's 0-100 scores) and
tests/data/smaa_reference_output.json (rank acceptabilities and central weights), which
tests/robustness.rs compares with the Rust figures within statistical tolerance.
"""
import json
import sys
import time

import numpy as np


def smaa(scores, draws, seed):
    """Weights uniform on the simplex (numpy's Dirichlet(1,...,1)), fully vectorised."""
    n, m = scores.shape
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.ones(m), size=draws)          # draws x m
    totals = weights @ scores.T                               # draws x n
    # Competition rank: 1 + number of options with a strictly higher total.
    ranks = (totals[:, None, :] > totals[:, :, None] + 1e-9).sum(axis=2)  # draws x n, 0-based
    acceptability = np.stack([(ranks == r).mean(axis=0) for r in range(n)], axis=1)  # n x n
    first = ranks == 0
    central = []
    for i in range(n):
        mask = first[:, i]
        central.append(weights[mask].mean(axis=0).tolist() if mask.any() else None)
    return acceptability, central


def check(report_path, out_dir):
    report = json.load(open(report_path))
    scores = np.array([[s["score"] for s in o["scores"]] for o in report["options"]])
    draws, seed = 200_000, 12345
    acceptability, central = smaa(scores, draws, seed)
    json.dump({"source": report["title"], "scores": scores.tolist()},
              open(f"{out_dir}/smaa_reference_input.json", "w"), indent=1)
    json.dump({"draws": draws, "seed": seed, "numpy": np.__version__,
               "acceptability": acceptability.tolist(), "central_weights": central},
              open(f"{out_dir}/smaa_reference_output.json", "w"), indent=1)
    print(acceptability)


def bench():
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 100, size=(5, 8))
    draws = 1_000_000
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        smaa(scores, draws, 1)
        best = min(best, time.perf_counter() - start)
    print(f"numpy {np.__version__}: SMAA 5 options x 8 criteria, {draws} draws: best of 3 {best * 1e3:.0f} ms")


if __name__ == "__main__":
    if sys.argv[1:2] == ["check"]:
        check(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["bench"]:
        bench()
    else:
        print(__doc__)
