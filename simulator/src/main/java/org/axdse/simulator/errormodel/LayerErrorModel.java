package org.axdse.simulator.errormodel;

import java.util.Map;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * The error model of one convolution or dense layer: its weight codes ({@code [outC][K]}, ONNX order), its input
 * zero point and the activation distribution {@code p_k} of every weight position ({@link TapCounts}). For a
 * product table {@code T} and a weight remap {@code w -> u(w)} (weight tuning; identity otherwise) the error of
 * one product at position {@code k} of channel {@code o}, against the exact product of the original code
 * {@code w = w_ok}, is
 *
 * <pre>
 *   e_k(a) = T(a, u(w)) - a*w - za*(u(w) - w)
 * </pre>
 *
 * ({@code za*(u - w)} is the change of the engine's exact zero-point term, as in bias correction), and the
 * channel's accumulator error has {@code mean_o = sum_k E_{p_k}[e_k]} and, taking the terms as independent,
 * {@code var_o = sum_k Var_{p_k}[e_k]}. Only the code products go through the table (the asymmetric cross terms
 * are exact), so this is the error the engine's accumulators carry. The mean is exact for the calibration
 * inputs; the variance misses the covariance of terms whose activations are correlated. Cost: one pass over the
 * weights, each against the codes its position saw. Immutable and thread-safe.
 */
public final class LayerErrorModel {
  private final String name;
  private final TapCounts taps;
  private final int channels;
  private final int[] codes;
  private final int za;
  private final int[][] values;
  private final double[][] probabilities;

  /**
   * {@code codes} are the layer's weight codes, {@code channels * taps.reduction()} of them; {@code signed}
   * says whether activation code bit patterns are two's complement.
   */
  public LayerErrorModel(String name, TapCounts taps, int channels, int[] codes, int zeroPoint, boolean signed) {
    if (channels < 1 || channels % taps.groups() != 0 || codes.length != (long) channels * taps.reduction()) {
      throw new IllegalArgumentException(name + ": " + codes.length + " weight codes, " + channels
          + " channels and " + taps.groups() + " x " + taps.reduction() + " taps do not fit");
    }
    this.name = name;
    this.taps = taps;
    this.channels = channels;
    this.codes = codes.clone();
    this.za = zeroPoint;
    int n = taps.groups() * taps.reduction();
    this.values = new int[n][];
    this.probabilities = new double[n][];
    long[] counts = taps.counts();
    for (int t = 0; t < n; t++) {
      int nonZero = 0;
      for (int c = 0; c < 256; c++) {
        nonZero += counts[t * 256 + c] != 0 ? 1 : 0;
      }
      values[t] = new int[nonZero];
      probabilities[t] = new double[nonZero];
      int j = 0;
      for (int c = 0; c < 256; c++) {
        if (counts[t * 256 + c] != 0) {
          values[t][j] = signed ? (byte) c : c;
          probabilities[t][j++] = (double) counts[t * 256 + c] / taps.positions();
        }
      }
    }
  }

  public String name() {
    return name;
  }

  public int channels() {
    return channels;
  }

  /** The activation distribution this layer was measured with. */
  public TapCounts taps() {
    return taps;
  }

  /**
   * Every channel's error with {@code table} on all channels and the weight codes remapped by {@code remap}
   * (changed codes only; empty for no tuning).
   */
  public ChannelMoments moments(ProductTable table, Map<Integer, Integer> remap) {
    MultiplierFormat f = table.format();
    int[] products = table.toArray();
    int k = taps.reduction();
    int perGroup = channels / taps.groups();
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    for (int o = 0; o < channels; o++) {
      int tapBase = (o / perGroup) * k;
      double m = 0;
      double v = 0;
      for (int kk = 0; kk < k; kk++) {
        int w = codes[o * k + kk];
        int u = remap.isEmpty() ? w : remap.getOrDefault(w, w);
        int[] a = values[tapBase + kk];
        double[] p = probabilities[tapBase + kk];
        long shift = (long) za * (u - w);
        double e1 = 0;
        double e2 = 0;
        for (int j = 0; j < a.length; j++) {
          double e = products[f.index(a[j], u)] - (long) a[j] * w - shift;
          e1 += p[j] * e;
          e2 += p[j] * e * e;
        }
        m += e1;
        v += Math.max(0, e2 - e1 * e1);
      }
      mean[o] = m;
      variance[o] = v;
    }
    return new ChannelMoments(mean, variance);
  }
}
