package org.axdse.explorer.training;

import org.axdse.simulator.data.Dataset;

/**
 * How a pixel byte becomes a network input: {@code x = (pixel * scale - mean) / std}. The same values go in the
 * sidecar JSON next to each exported model, so inference feeds the network what training fed it.
 */
public record Preprocessing(double scale, double mean, double std) {
  /** Fashion-MNIST: pixels to [0, 1], then the training set's mean and standard deviation. */
  public static final Preprocessing FASHION_MNIST = new Preprocessing(1.0 / 255.0, 0.2860, 0.3530);

  public Preprocessing {
    if (!(scale > 0) || !(std > 0) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException("bad preprocessing " + scale + ", " + mean + ", " + std);
    }
  }

  /** The network input for an unsigned pixel byte. */
  public float apply(byte pixel) {
    return (float) (((pixel & 0xff) * scale - mean) / std);
  }

  /**
   * Converts images {@code order[from] .. order[from+n-1]} of {@code data} (or {@code from .. from+n-1} when
   * {@code order} is null) into {@code out}, image after image.
   */
  public void apply(Dataset data, int[] order, int from, int n, float[] out) {
    int size = data.imageBytes();
    byte[] scratch = new byte[size];
    for (int i = 0; i < n; i++) {
      data.copyImage(order == null ? from + i : order[from + i], scratch, 0);
      for (int k = 0; k < size; k++) {
        out[i * size + k] = apply(scratch[k]);
      }
    }
  }
}
