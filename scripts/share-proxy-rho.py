#!/usr/bin/env python3
"""Spearman rho between the inertia proxy and the accuracy drop over the points of a search with --share.

usage: scripts/share-proxy-rho.py RUN_DIR SHARE_K4.json [SHARE_K8.json ...]

Each SHARE_*.json is the output of `axdse share --format json` of the run's model at one k (same granularity, plain
k-means): it gives every layer's relative inertia at that k. A point's proxy is the sum over its shared layers
(choices M@K) of the layer's relative inertia at K; its drop is the all-exact point's screening accuracy minus its
own. Points with approximate multipliers or narrow widths mix other errors into the drop: use a run whose layers
may only choose k (--weight-bits 8 --restrict to the exact design) to judge the proxy alone.
"""
import json
import sys


def ranks(xs):
    """Ranks from 1, ties given their average rank."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for t in range(i, j + 1):
            r[order[t]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(a, b):
    """Spearman's rho: Pearson's correlation of the ranks."""
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5


def main():
    run, tables = sys.argv[1], sys.argv[2:]
    inertia = {}
    for t in tables:
        for layer in json.load(open(t))["layers"]:
            inertia[(layer["name"], layer["k"])] = layer["relativeInertia"]
    cfg = json.load(open(f"{run}/run.json"))["run"]
    layers = cfg["layers"]
    points = json.load(open(f"{run}/points.json"))["points"]
    exact = [p for p in points if all(m == cfg["exact_multiplier"] for m in p["layer_multipliers"])]
    ref = exact[0]["screening_accuracy"]
    proxy, drop = [], []
    for p in points:
        s = 0.0
        for name, choice in zip(layers, p["layer_multipliers"]):
            if "@" in choice:
                s += inertia[(name, int(choice.split("@")[1]))]
        proxy.append(s)
        drop.append(ref - p["screening_accuracy"])
    rho = spearman(proxy, drop)
    print(f"points {len(points)}, exact-int8 (screening) {ref:.4f}, Spearman rho(proxy, drop) = {rho:.3f}")


if __name__ == "__main__":
    main()
