package org.axdse.simulator.predict;

import java.util.SplittableRandom;
import org.axdse.simulator.engine.AccumulatorHook;

/**
 * Adds Gaussian noise to the accumulators of chosen layers: for channel {@code o} of layer {@code l}, a draw of
 * {@code N(mean[l][o], std[l][o]^2)} rounded to the nearest integer (saturated to int32). Layers with a null entry
 * are left alone. The draws come from one {@link SplittableRandom} in the engine's call order, so a fresh instance
 * with the same seed gives the same noise whatever the thread count. One instance per engine run.
 */
final class GaussianNoise implements AccumulatorHook {
  private final double[][] mean;
  private final double[][] std;
  private final SplittableRandom random;

  GaussianNoise(double[][] mean, double[][] std, long seed) {
    if (mean.length != std.length) {
      throw new IllegalArgumentException(mean.length + " mean rows for " + std.length + " std rows");
    }
    this.mean = mean;
    this.std = std;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void apply(int layer, int[] acc, int rows, int columns) {
    if (layer >= std.length || std[layer] == null) {
      return;
    }
    double[] m = mean[layer];
    double[] s = std[layer];
    if (m.length != rows || s.length != rows) {
      throw new IllegalStateException("layer " + layer + ": noise for " + s.length + " channels, " + rows + " rows");
    }
    for (int o = 0; o < rows; o++) {
      int base = o * columns;
      for (int j = 0; j < columns; j++) {
        double v = acc[base + j] + Math.rint(m[o] + s[o] * random.nextGaussian());
        acc[base + j] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
      }
    }
  }
}
