package org.axdse.simulator.model;

import org.axdse.simulator.data.Dataset;

/** The float inputs of a run of consecutive images: the one place images are batched for a float pass. */
public final class FloatInputs {
  private FloatInputs() {}

  /** The preprocessed inputs of {@code n} images of {@code data} from {@code from}, batch-first. */
  public static float[] of(Dataset data, Preprocessing pre, int from, int n) {
    int per = data.imageBytes();
    int out = pre.sampleSize();
    byte[] pixels = new byte[per];
    float[] x = new float[n * out];
    for (int i = 0; i < n; i++) {
      data.copyImage(from + i, pixels, 0);
      pre.apply(pixels, 0, x, i * out);
    }
    return x;
  }
}
