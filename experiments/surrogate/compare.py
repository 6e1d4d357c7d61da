#!/usr/bin/env python3
"""Compares a plain search run with surrogate runs (docs/surrogate.md). Usage: compare.py PLAIN SURROGATE...

For each run: simulations, the final front's hypervolume (front.csv, final accuracy, normalised as
docs/results.md: 1 - accuracy against 1.0, costs against 1.1, types / K against 1.1) and the archive's (history.csv,
screening accuracy). For a surrogate run also the first simulation count at which its archive reaches the plain run's
final archive hypervolume, the archive hypervolumes at the plain run's simulation counts, and the quality of its
out-of-sample predictions (predictions.csv: Spearman rho, R^2, mean absolute error in points). Standard library
only; Spearman's rho comes from scripts/share-proxy-rho.py.
"""
import csv
import importlib.util
import json
import os
import sys

# Spearman's rho: the helper of scripts/share-proxy-rho.py (ranks with ties averaged), not a second copy.
_root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
_spec = importlib.util.spec_from_file_location("share_proxy_rho",
                                               os.path.join(_root, "scripts", "share-proxy-rho.py"))
_rho = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_rho)


def hypervolume(points, ref):
    """Exact hypervolume of minimisation points by slicing on the last objective (small fronts)."""
    pts = [p for p in points if all(x < r for x, r in zip(p, ref))]
    if not pts:
        return 0.0
    if len(ref) == 1:
        return ref[0] - min(p[0] for p in pts)
    pts.sort(key=lambda p: p[-1])
    total = 0.0
    for i, p in enumerate(pts):
        upper = pts[i + 1][-1] if i + 1 < len(pts) else ref[-1]
        if upper > p[-1]:
            total += (upper - p[-1]) * hypervolume([q[:-1] for q in pts[:i + 1]], ref[:-1])
    return total


def front_hv(run):
    cfg = json.load(open(run + "/run.json"))["run"]
    objectives = [o["name"] for o in cfg["objectives"]]
    k = max(1, len(cfg.get("multipliers", [])))
    vectors = []
    for row in csv.DictReader(open(run + "/front.csv")):
        v = []
        for name in objectives:
            if name == "accuracy":
                v.append(1 - float(row["final_accuracy"] or row["screening_accuracy"]))
            elif name == "types":
                v.append(float(row["types"]) / k)
            else:
                v.append(float(row[name]))
        vectors.append(v)
    return hypervolume(vectors, [1.0 if n == "accuracy" else 1.1 for n in objectives])


def history(run):
    return [(int(r["evaluations"]), float(r["hypervolume"])) for r in csv.DictReader(open(run + "/history.csv"))]


def main(plain, surrogates):
    ph = history(plain)
    target = ph[-1][1]
    print(f"{plain}: {ph[-1][0]} simulations, front HV {front_hv(plain):.4f}, archive HV {target:.4f}")
    for run in surrogates:
        h = history(run)
        reach = next((n for n, hv in h if hv >= target), None)
        line = f"{run}: {h[-1][0]} simulations, front HV {front_hv(run):.4f}, archive HV {h[-1][1]:.4f}; "
        line += f"reaches the plain final archive HV at {reach} simulations" if reach else "never reaches it"
        print(line)
        pairs = [(n, hv) for n, hv in ph if n <= h[-1][0]]
        marks = [pairs[len(pairs) * k // 4 - 1] for k in (1, 2, 3, 4) if len(pairs) * k // 4 >= 1]
        for n, hv in marks:
            own = max((x for x in h if x[0] <= n), default=(0, float("nan")))
            print(f"  archive HV at {n} simulations: plain {hv:.4f}, surrogate {own[1]:.4f} (at {own[0]})")
        try:
            rows = list(csv.DictReader(open(run + "/predictions.csv")))
        except FileNotFoundError:
            continue
        if len(rows) >= 3:
            p = [float(r["predicted_accuracy"]) for r in rows]
            s = [float(r["simulated_accuracy"]) for r in rows]
            mean = sum(s) / len(s)
            r2 = 1 - sum((a - b) ** 2 for a, b in zip(p, s)) / sum((b - mean) ** 2 for b in s)
            mae = 100 * sum(abs(a - b) for a, b in zip(p, s)) / len(s)
            print(f"  predictions: {len(rows)} points, Spearman rho {_rho.spearman(p, s):.3f}, "
                  f"R^2 {r2:.3f}, mean absolute error {mae:.2f} points")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: compare.py PLAIN_RUN SURROGATE_RUN...")
    main(sys.argv[1], sys.argv[2:])
