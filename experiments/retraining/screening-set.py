"""Writes runs/c10s/: a screening set of 1,000 CIFAR-10 *training* images (data_batch_1.bin, seeded draw) as its
test_batch.bin, with data_batch_1.bin and batches.meta.txt linked, so `--data cifar10:runs/c10s` screens
assignments without touching the test images (calibration still draws from data_batch_1.bin). The shared
test_batch.bin is sorted by label, so `--limit N` on it would screen the first classes only.
Also writes runs/c10h/: the other 9,000 images of data_batch_1.bin as its data_batch_1.bin (test_batch.bin
linked), so that `--train-data cifar10:runs/c10h` retrains on images the screening set does not contain."""
import os
import random

SHARED = "../shared/cifar10"
REC = 3073
data = open(os.path.join(SHARED, "data_batch_1.bin"), "rb").read()
screen = sorted(random.Random(20).sample(range(len(data) // REC), 1000))
rest = sorted(set(range(len(data) // REC)) - set(screen))
for out, written, images, linked in (("runs/c10s", "test_batch.bin", screen, "data_batch_1.bin"),
                                     ("runs/c10h", "data_batch_1.bin", rest, "test_batch.bin")):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, written), "wb") as f:
        f.write(b"".join(data[i * REC:(i + 1) * REC] for i in images))
    for name in (linked, "batches.meta.txt"):
        link = os.path.join(out, name)
        if not os.path.lexists(link):
            os.symlink(os.path.abspath(os.path.join(SHARED, name)), link)
