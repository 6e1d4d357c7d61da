package org.axdse.simulator.predict;

import org.axdse.simulator.engine.AccumulatorHook;

/**
 * Measures, without changing them, the variance of every channel's accumulators over all positions and images
 * an engine run shows it (sums of values and squares, in doubles): the "signal" against which a layer's modelled
 * error power is measured.
 */
final class ChannelSpread implements AccumulatorHook {
  private final double[][] sum;
  private final double[][] squares;
  private final long[] count;

  ChannelSpread(int layers) {
    this.sum = new double[layers][];
    this.squares = new double[layers][];
    this.count = new long[layers];
  }

  @Override
  public void apply(int layer, int[] acc, int rows, int columns) {
    if (sum[layer] == null) {
      sum[layer] = new double[rows];
      squares[layer] = new double[rows];
    }
    for (int o = 0; o < rows; o++) {
      double s = 0;
      double q = 0;
      int base = o * columns;
      for (int j = 0; j < columns; j++) {
        double v = acc[base + j];
        s += v;
        q += v * v;
      }
      sum[layer][o] += s;
      squares[layer][o] += q;
    }
    count[layer] += columns;
  }

  /** Mean per channel of layer {@code layer}, or null when the layer was never seen. */
  double[] mean(int layer) {
    if (sum[layer] == null) {
      return null;
    }
    double[] m = new double[sum[layer].length];
    for (int o = 0; o < m.length; o++) {
      m[o] = sum[layer][o] / count[layer];
    }
    return m;
  }

  /** Variance per channel of layer {@code layer} (population), or null when the layer was never seen. */
  double[] variance(int layer) {
    if (sum[layer] == null) {
      return null;
    }
    double n = count[layer];
    double[] v = new double[sum[layer].length];
    for (int o = 0; o < v.length; o++) {
      double m = sum[layer][o] / n;
      v[o] = Math.max(0, squares[layer][o] / n - m * m);
    }
    return v;
  }
}
