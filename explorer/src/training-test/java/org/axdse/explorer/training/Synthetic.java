package org.axdse.explorer.training;

import java.util.SplittableRandom;
import org.axdse.simulator.data.Dataset;

/** Small seeded data for tests: random 28x28 images whose label is learnable (it sets one bright row). */
public final class Synthetic {
  private Synthetic() {}

  public static Dataset images(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] pixels = new byte[count * 784];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = r.nextInt(10);
      for (int k = 0; k < 784; k++) {
        pixels[i * 784 + k] = (byte) r.nextInt(64);
      }
      int row = 2 + 2 * labels[i];
      for (int c = 0; c < 28; c++) {
        pixels[i * 784 + row * 28 + c] = (byte) 250;
      }
    }
    return Dataset.of("synthetic", "seed " + seed, 1, 28, 28, pixels, labels, Dataset.numberedClasses(10));
  }

  /** The images as inputs of {@code arch}. */
  public static float[] inputs(Architecture arch, Dataset data) {
    return Inputs.all(arch.preprocessing(data.classNames()), data);
  }
}
