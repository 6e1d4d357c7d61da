package org.axdse.simulator.errormodel;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * The product error of every weight position of a convolution or dense layer, conditional on whether its
 * activation is the zero point: for channel {@code o} and reduction index {@code k}, with {@code e(a) = T(a, w) -
 * a*w} and the calibration distribution {@code p_k} of the position's activation codes,
 * {@code zero[o][k] = e(za)} and, over {@code a != za}, the mean {@code mean[o][k] = E[e | a != za]} and variance
 * {@code variance[o][k] = Var[e | a != za]} (both 0 for a position never seen non-zero). Given which activations of
 * an accumulator are the zero point ({@code n_k = 1[a_k != za]}), its error then has mean
 * {@code sum_k zero + sum_k n_k (mean - zero)} and, the products taken as independent, variance
 * {@code sum_k n_k variance}: two convolutions of the indicator map. Zero activations (ReLU outputs, image
 * background, padding) are exact products for most designs, so the error is where the signal is, which a per-channel
 * Gaussian (the ProxSim form) spreads over every output instead. Arrays are {@code [channels][K]}, ONNX weight
 * order.
 */
public record PositionErrors(int channels, int reduction, float[] zero, float[] mean, float[] variance) {
  public PositionErrors {
    long n = (long) channels * reduction;
    if (channels < 1 || reduction < 1 || zero.length != n || mean.length != n || variance.length != n) {
      throw new IllegalArgumentException(channels + " x " + reduction + " positions for arrays of " + zero.length
          + ", " + mean.length + ", " + variance.length);
    }
  }

  /**
   * The conditional errors of a layer with weight codes {@code codes} ({@code [channels][taps.reduction()]}),
   * channel {@code o} multiplying with {@code tables[o]}, input zero point {@code za} and activation codes read as
   * two's complement when {@code signed}.
   */
  public static PositionErrors of(TapCounts taps, int channels, int[] codes, ProductTable[] tables, int za,
      boolean signed) {
    int k = taps.reduction();
    if (channels % taps.groups() != 0 || codes.length != (long) channels * k || tables.length != channels) {
      throw new IllegalArgumentException(codes.length + " codes, " + tables.length + " tables, " + channels
          + " channels, " + taps.groups() + " x " + k + " taps");
    }
    long[] counts = taps.counts();
    int perGroup = channels / taps.groups();
    float[] zero = new float[channels * k];
    float[] mean = new float[channels * k];
    float[] variance = new float[channels * k];
    for (int o = 0; o < channels; o++) {
      MultiplierFormat f = tables[o].format();
      int[] products = tables[o].toArray();
      int tapBase = (o / perGroup) * k;
      for (int kk = 0; kk < k; kk++) {
        int w = codes[o * k + kk];
        int i = o * k + kk;
        zero[i] = (float) (products[f.index(za, w)] - (long) za * w);
        int base = (tapBase + kk) * 256;
        double n = 0;
        double e1 = 0;
        double e2 = 0;
        for (int c = 0; c < 256; c++) {
          long count = counts[base + c];
          int a = signed ? (byte) c : c;
          if (count == 0 || a == za) {
            continue;
          }
          double e = products[f.index(a, w)] - (long) a * w;
          n += count;
          e1 += count * e;
          e2 += count * e * e;
        }
        if (n > 0) {
          double m = e1 / n;
          mean[i] = (float) m;
          variance[i] = (float) Math.max(0, e2 / n - m * m);
        }
      }
    }
    return new PositionErrors(channels, k, zero, mean, variance);
  }
}
