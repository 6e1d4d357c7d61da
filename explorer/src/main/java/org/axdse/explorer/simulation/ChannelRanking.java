package org.axdse.explorer.simulation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.quant.LayerQuantization;

/**
 * Ranks the output channels of one layer from least to most sensitive to an approximate multiplier, for
 * granularity {@code group:G}. The sensitivity of channel n is the root-mean-square error of its requantized
 * output, in output codes, when its products go through the probe multiplier's table T:
 *
 * <pre>
 *   e(w) = E_a[T(a, w) - a w],   v(w) = Var_a[T(a, w) - a w]     (a ~ the layer's calibrated activation codes)
 *   s_n  = |M_n| * sqrt((sum_k e(w_nk))^2 + sum_k v(w_nk))         (M_n: the channel's requantization scale)
 * </pre>
 *
 * that is, the bias and spread of the accumulator error, treating the K activations of a dot product as
 * independent draws from the layer's activation histogram. Ties keep channel order. Cheap (one pass over the
 * weights), needs no evaluation, and deterministic. Recurrent layers (no requantization scale) rank their gate
 * rows by the same sum over their input and recurrent weights with {@code M_n = 1}.
 */
final class ChannelRanking {
  private ChannelRanking() {}

  /** Channels of {@code layer} (of {@code channels} output rows) from least to most sensitive to {@code probe}. */
  static int[] rank(LayerQuantization layer, int channels, ProductTable probe) {
    MultiplierFormat f = probe.format();
    double[] act = activationProbabilities(layer.activationCounts());
    int weights = 1 << f.weightBits();
    double[] mean = new double[weights];
    double[] var = new double[weights];
    for (int wc = 0; wc < weights; wc++) {
      double m1 = 0;
      double m2 = 0;
      for (int ac = 0; ac < 256; ac++) {
        if (act[ac] == 0) {
          continue;
        }
        int index = (ac << f.weightBits()) | wc;
        double err = probe.atIndex(index) - probe.exactAtIndex(index);
        m1 += act[ac] * err;
        m2 += act[ac] * err * err;
      }
      mean[wc] = m1;
      var[wc] = Math.max(0, m2 - m1 * m1);
    }
    double[] score = new double[channels];
    int mask = weights - 1;
    int[][] matrices = layer.recurrent() == null ? new int[][] {layer.weights().codes()}
        : new int[][] {layer.weights().codes(), layer.recurrent().codes()};
    for (int n = 0; n < channels; n++) {
      double mu = 0;
      double sigma2 = 0;
      for (int[] codes : matrices) {
        int k = codes.length / channels;
        for (int i = n * k; i < (n + 1) * k; i++) {
          mu += mean[codes[i] & mask];
          sigma2 += var[codes[i] & mask];
        }
      }
      double scale = layer.requant().isEmpty() ? 1.0 : Math.abs(layer.requant().get(n).value());
      score[n] = scale * Math.sqrt(mu * mu + sigma2);
    }
    return IntStream.range(0, channels).boxed()
        .sorted(Comparator.comparingDouble((Integer n) -> score[n]).thenComparingInt(n -> n))
        .mapToInt(Integer::intValue).toArray();
  }

  private static double[] activationProbabilities(long[] counts) {
    double[] p = new double[256];
    long total = counts == null ? 0 : Arrays.stream(counts).sum();
    for (int i = 0; i < 256; i++) {
      p[i] = total == 0 ? 1.0 / 256 : (double) counts[i] / total;
    }
    return p;
  }
}
