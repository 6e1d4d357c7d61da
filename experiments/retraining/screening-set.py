"""Writes runs/c10s/: a screening set of 1,000 CIFAR-10 *training* images (data_batch_1.bin, seeded draw) as its
test_batch.bin, with data_batch_1.bin and batches.meta.txt linked, so `--data cifar10:runs/c10s` screens
assignments without touching the test images (calibration still draws from data_batch_1.bin). The shared
test_batch.bin is sorted by label, so `--limit N` on it would screen the first classes only."""
import os
import random

SHARED = "../shared/cifar10"
OUT = "runs/c10s"
REC = 3073
data = open(os.path.join(SHARED, "data_batch_1.bin"), "rb").read()
idx = sorted(random.Random(20).sample(range(len(data) // REC), 1000))
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "test_batch.bin"), "wb") as f:
    f.write(b"".join(data[i * REC:(i + 1) * REC] for i in idx))
for name in ("data_batch_1.bin", "batches.meta.txt"):
    link = os.path.join(OUT, name)
    if not os.path.lexists(link):
        os.symlink(os.path.abspath(os.path.join(SHARED, name)), link)
