#!/usr/bin/env python3
"""What a library could give at best, from one-layer simulations: a Lagrangian allocation over evolve-check figures.

Reads an `axdse evolve-check` check.json and the model's MACs (`axdse model show M --format json`). For a sweep of
multipliers lam, each layer independently takes the design (or the exact one: power 1, loss 0) minimising
share * relativePower + lam * simulated, where share is the layer's fraction of the MACs. This is the lower convex
hull of (multiplier energy, summed simulated loss) when layers' losses add, which the search does not assume and
which does not hold exactly; layers without figures stay exact. It is an optimistic bound for comparing two libraries, not a prediction of a search.
Prints, per library, the energy reached at a few summed-loss budgets (interpolated along the hull).
Several checks (of libraries evolved for the same model and checked on the same images) are pooled: each layer
may take any of their evolved designs; the built-in designs, the same in every check, are counted once.

usage: allocation-bound.py check.json [check2.json ...] model.json
"""
import json
import sys


def hull(layers, shares, kinds):
    points = []
    lam = 1e-6
    unchecked = 1.0 - sum(shares[layer["layer"]] for layer in layers)  # layers the check left exact
    while lam < 10:
        energy, loss = unchecked, 0.0
        for layer in layers:
            w = shares[layer["layer"]]
            options = [(1.0, 0.0)] + [(d["relativePower"], d["simulated"])
                                      for d in layer["designs"] if d["kind"] in kinds]
            p, l = min(options, key=lambda o: w * o[0] + lam * o[1])
            energy += w * p
            loss += l
        points.append((loss, energy))
        lam *= 1.05
    return sorted(set(points))


def energy_at(points, budget):
    best = 1.0
    for (l0, e0), (l1, e1) in zip(points, points[1:]):
        if l0 <= budget <= l1 and l1 > l0:
            best = min(best, e0 + (e1 - e0) * (budget - l0) / (l1 - l0))
    best = min([best] + [e for l, e in points if l <= budget])
    return best


def pooled(checks):
    """The layers of several checks, each with every evolved design of every check and the built-in designs once."""
    layers = {}
    for check in checks:
        for layer in check["layers"]:
            entry = layers.setdefault(layer["layer"], {"layer": layer["layer"], "designs": [], "builtin": set()})
            for d in layer["designs"]:
                if d["kind"] == "builtin":
                    if d["name"] in entry["builtin"]:
                        continue
                    entry["builtin"].add(d["name"])
                entry["designs"].append(d)
    return list(layers.values())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    checks = [json.load(open(f)) for f in sys.argv[1:-1]]
    model = json.load(open(sys.argv[-1]))
    macs = {l["name"]: l["macsPerSample"] for l in model["approximableLayers"]}
    total = sum(macs.values())
    shares = {name: m / total for name, m in macs.items()}
    layers = pooled(checks)
    builtin = hull(layers, shares, {"builtin"})
    both = hull(layers, shares, {"builtin", "evolved"})
    print("summed simulated loss   energy, built-in   energy, built-in + evolved   saving gained (points)")
    for budget in (10, 20, 30, 40, 50, 60, 80, 100):
        b, e = energy_at(builtin, budget), energy_at(both, budget)
        print(f"{budget:>21}   {b:>16.3f}   {e:>26.3f}   {100 * (b - e):>22.1f}")


if __name__ == "__main__":
    main()
