#!/usr/bin/env python3
"""Splits CIFAR-10 training images into a calibration set and a selection set, so that a search can choose its
points on training images and only the verification touches the test images (docs/precision.md, issue 13).

usage: scripts/cifar-train-selection.py SRC_DIR OUT_DIR [--calib N] [--seed S]

SRC_DIR holds data_batch_1.bin (and batches.meta.txt). Writes OUT_DIR/cal/data_batch_1.bin (N images, the
calibration source: --calib-data cifar10:OUT_DIR/cal) and OUT_DIR/sel/test_batch.bin (the other images, shuffled,
for --data cifar10:OUT_DIR/sel: the search screens and picks on them). Deterministic for a given seed."""
import argparse
import os
import random
import shutil

REC = 3073
ap = argparse.ArgumentParser()
ap.add_argument("src")
ap.add_argument("out")
ap.add_argument("--calib", type=int, default=1000)
ap.add_argument("--seed", type=int, default=13)
a = ap.parse_args()
data = open(os.path.join(a.src, "data_batch_1.bin"), "rb").read()
n = len(data) // REC
order = list(range(n))
random.Random(a.seed).shuffle(order)
for sub, idx, name in (("cal", order[:a.calib], "data_batch_1.bin"), ("sel", order[a.calib:], "test_batch.bin")):
    d = os.path.join(a.out, sub)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        for i in idx:
            f.write(data[i * REC:(i + 1) * REC])
    meta = os.path.join(a.src, "batches.meta.txt")
    if os.path.exists(meta):
        shutil.copy(meta, d)
print(f"{a.calib} calibration images in {a.out}/cal, {n - a.calib} selection images in {a.out}/sel")
