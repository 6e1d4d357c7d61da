package org.axdse.simulator.predict;

import org.axdse.simulator.engine.AccumulatorHook;

/**
 * Shrinks one layer's accumulators toward each channel's mean: {@code acc -> mean_o + keep * (acc - mean_o)},
 * rounded. With {@code keep = 1 - loss} the channel keeps that share of its signal and its mean, as an
 * approximate multiplier with gain {@code -loss} does after bias correction ({@code keep = 0}: a layer whose
 * products are all dropped). Deterministic; other layers are left alone.
 */
final class SignalLoss implements AccumulatorHook {
  private final int layer;
  private final double[] mean;
  private final double keep;

  SignalLoss(int layer, double[] mean, double keep) {
    this.layer = layer;
    this.mean = mean.clone();
    this.keep = keep;
  }

  @Override
  public void apply(int layer, int[] acc, int rows, int columns) {
    if (layer != this.layer) {
      return;
    }
    if (mean.length != rows) {
      throw new IllegalStateException("layer " + layer + ": means for " + mean.length + " channels, " + rows
          + " rows");
    }
    for (int o = 0; o < rows; o++) {
      int base = o * columns;
      for (int j = 0; j < columns; j++) {
        acc[base + j] = (int) Math.rint(mean[o] + keep * (acc[base + j] - mean[o]));
      }
    }
  }
}
