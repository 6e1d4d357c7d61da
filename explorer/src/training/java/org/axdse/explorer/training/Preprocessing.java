package org.axdse.explorer.training;

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

  /** Converts images {@code from .. from+n-1}, each of {@code size} bytes, into {@code out} in the given order. */
  public void apply(byte[] pixels, int size, int[] order, int from, int n, float[] out) {
    for (int i = 0; i < n; i++) {
      int src = order == null ? from + i : order[from + i];
      int base = src * size;
      for (int k = 0; k < size; k++) {
        out[i * size + k] = apply(pixels[base + k]);
      }
    }
  }
}
