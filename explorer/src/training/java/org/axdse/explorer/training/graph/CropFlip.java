package org.axdse.explorer.training.graph;

import java.util.List;
import java.util.SplittableRandom;
import org.axdse.simulator.data.Dataset;

/**
 * The usual CIFAR-10 augmentation (He et al. 2016): each image padded by {@value #PAD} zero pixels on every side,
 * cropped back to its size at a random offset, and flipped left to right with probability 1/2. Works on the 8-bit
 * images, so the simulator and the float graph see the same augmented pixels; every draw comes from the given
 * generator, so an epoch's augmentation is fixed by the seed.
 */
final class CropFlip {
  static final int PAD = 4;

  private CropFlip() {}

  /** Images {@code indices} of {@code data}, augmented. */
  static Dataset apply(Dataset data, int[] indices, SplittableRandom random) {
    int c = data.channels();
    int h = data.height();
    int w = data.width();
    int size = data.imageBytes();
    byte[] pixels = new byte[indices.length * size];
    int[] labels = new int[indices.length];
    byte[] image = new byte[size];
    for (int i = 0; i < indices.length; i++) {
      data.copyImage(indices[i], image, 0);
      labels[i] = data.label(indices[i]);
      int dy = random.nextInt(2 * PAD + 1) - PAD;
      int dx = random.nextInt(2 * PAD + 1) - PAD;
      boolean flip = random.nextBoolean();
      int base = i * size;
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          int sy = y + dy;
          for (int x = 0; x < w; x++) {
            int sx = (flip ? w - 1 - x : x) + dx;
            pixels[base + (ch * h + y) * w + x] =
                sy < 0 || sy >= h || sx < 0 || sx >= w ? 0 : image[(ch * h + sy) * w + sx];
          }
        }
      }
    }
    return Dataset.of(data.name(), data.source(), c, h, w, pixels, labels, List.copyOf(data.classNames()));
  }
}
