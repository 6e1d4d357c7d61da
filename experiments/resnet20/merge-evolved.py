#!/usr/bin/env python3
"""Merges two libraries written by `axdse evolve` for the same model and settings (other bounds) into one.

`search --library` and `evolve-check --library` take one directory. This copies both libraries' circuits
(Verilog and sidecars), metrics, tables and distributions into a new directory and writes an evolve.json whose
layers list the evolved designs of both (the built-in figures are the same in both, since they depend on the
layer only) and whose settings list both sets of bounds. Refuses libraries of different models, measures, seeds
or generation limits, and design names present in both.

usage: merge-evolved.py LIB_A LIB_B OUT
"""
import json
import shutil
import sys
from pathlib import Path


def main():
    a, b, out = (Path(p) for p in sys.argv[1:4])
    ma, mb = (json.loads((p / "evolve.json").read_text()) for p in (a, b))
    for key in ("model", "data", "measure", "seed", "generations", "lambda", "mutations", "seedDesign"):
        if ma["settings"].get(key) != mb["settings"].get(key):
            sys.exit(f"merge-evolved: settings.{key} differs: {ma['settings'].get(key)} against {mb['settings'].get(key)}")
    if out.exists():
        sys.exit(f"merge-evolved: {out} exists")
    out.mkdir(parents=True)
    for lib in (a, b):
        for f in lib.rglob("*"):
            if f.is_file() and ".evolve" not in f.parts and f.name != "evolve.json":
                target = out / f.relative_to(lib)
                if target.exists() and not f.parent.name == "distributions":
                    sys.exit(f"merge-evolved: {f.relative_to(lib)} is in both libraries")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, target)
    layers = {l["layer"]: l for l in ma["layers"]}
    for l in mb["layers"]:
        if l["layer"] in layers:
            merged = layers[l["layer"]]["evolved"] + l["evolved"]
            layers[l["layer"]]["evolved"] = sorted(merged, key=lambda e: e["bound"])
        else:
            layers[l["layer"]] = l
    settings = dict(ma["settings"])
    settings["bounds"] = sorted(set(ma["settings"]["bounds"]) | set(mb["settings"]["bounds"]))
    settings["mergedFrom"] = [str(a), str(b)]
    doc = {"format": ma["format"], "settings": settings, "layers": list(layers.values())}
    (out / "evolve.json").write_text(json.dumps(doc, indent=2) + "\n")
    print(f"{out}: {sum(len(l['evolved']) for l in doc['layers'])} evolved designs in {len(doc['layers'])} layers")


if __name__ == "__main__":
    main()
