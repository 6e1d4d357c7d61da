package org.axdse.simulator.compensation;

import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.quant.QuantParams;

/**
 * Bias correction: the mean accumulator error of each output channel, measured on calibration activations, is
 * subtracted from the channel's int32 bias, {@code delta[n] = -round(mean[n])} (halves away from zero), so the
 * corrected mean error is at most 0.5 in accumulator units. The error of one product is
 * {@code M(a, w_used) - a*w - za*(w_used - w)}: the approximate product of the stored (possibly tuned) code against
 * the exact product of the original code, with the change of the exact zero-point term (see {@link WeightTuning}).
 * The mean over a channel's accumulators follows from {@link TapHistograms}. This is the bias correction of
 * post-training quantization (Nagel et al., "Data-Free Quantization Through Weight Equalization and Bias
 * Correction", ICCV 2019) applied to the multiplier error.
 */
public final class BiasCorrection {
  private BiasCorrection() {}

  /**
   * Mean accumulator error of every output channel. {@code original} and {@code used} are the weight codes
   * ({@code [outC][K]}), {@code tables[n]} the product table of channel {@code n}, {@code input} the activation
   * parameters.
   */
  static double[] meanErrors(TapHistograms h, int[] original, int[] used, ProductTable[] tables, QuantParams input) {
    int channels = tables.length;
    int k = h.reduction();
    int perGroup = channels / h.groups();
    int za = input.zeroPoint();
    boolean signed = input.signed();
    long[] counts = h.counts();
    double[] mean = new double[channels];
    if (h.positions() == 0) {
      return mean;
    }
    for (int n = 0; n < channels; n++) {
      ProductTable t = tables[n];
      int g = n / perGroup;
      long sum = 0;
      for (int kk = 0; kk < k; kk++) {
        int wo = original[n * k + kk];
        int wu = used[n * k + kk];
        int base = h.offset(g, kk);
        for (int code = 0; code < 256; code++) {
          long c = counts[base + code];
          if (c != 0) {
            int a = signed ? (byte) code : code;
            sum += c * ((long) t.product(a, wu) - (long) a * wo - (long) za * (wu - wo));
          }
        }
      }
      mean[n] = (double) sum / h.positions();
    }
    return mean;
  }

  /** {@code -round(mean)} per channel, halves away from zero. */
  public static int[] deltas(double[] mean) {
    int[] d = new int[mean.length];
    for (int n = 0; n < d.length; n++) {
      d[n] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, -QuantParams.roundHalfAway(mean[n])));
    }
    return d;
  }
}
