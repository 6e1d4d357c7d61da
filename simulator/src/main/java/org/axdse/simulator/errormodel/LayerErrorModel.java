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
 * inputs. With an {@link ActivationCovariance} the variance also gets the covariance between positions: each
 * {@code e_k} is projected (least squares under {@code p_k}) on the features {@code n_k = 1[a != za]} and
 * {@code a_k}, {@code e_k ~ beta_k . x_k + r_k}, and {@code var_o += sum_{k != j} beta_k^T Cov(x_k, x_j) beta_j}
 * (the residuals {@code r_k} are taken as independent). Cost: one pass over the weights, each against the codes
 * its position saw, plus a {@code 2K x 2K} quadratic form per channel with the covariance. Immutable and
 * thread-safe.
 */
public final class LayerErrorModel {
  private final String name;
  private final TapCounts taps;
  private final int channels;
  private final int[] codes;
  private final int za;
  private final int[][] values;
  private final double[][] probabilities;
  private final ActivationCovariance covariance;

  /**
   * {@code codes} are the layer's weight codes, {@code channels * taps.reduction()} of them; {@code signed}
   * says whether activation code bit patterns are two's complement.
   */
  public LayerErrorModel(String name, TapCounts taps, int channels, int[] codes, int zeroPoint, boolean signed) {
    this(name, taps, null, channels, codes, zeroPoint, signed);
  }

  /** As the six-argument form, with the covariance of the positions' activations (null: independent). */
  public LayerErrorModel(String name, TapCounts taps, ActivationCovariance covariance, int channels, int[] codes,
      int zeroPoint, boolean signed) {
    if (covariance != null && (covariance.groups() != taps.groups() || covariance.reduction() != taps.reduction())) {
      throw new IllegalArgumentException(name + ": covariance of " + covariance.groups() + " x "
          + covariance.reduction() + " positions for " + taps.groups() + " x " + taps.reduction() + " taps");
    }
    this.covariance = covariance;
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
    double[] beta = covariance == null ? null : new double[2 * k];
    for (int o = 0; o < channels; o++) {
      int tapBase = (o / perGroup) * k;
      double m = 0;
      double v = 0;
      for (int kk = 0; kk < k; kk++) {
        TapError t = tapError(products, f, tapBase + kk, codes[o * k + kk], remap);
        m += t.e1();
        v += Math.max(0, t.e2() - t.e1() * t.e1());
        if (beta != null) {
          project(tapBase + kk, t.ne(), t.ae(), t.e1(), beta, kk, k);
        }
      }
      mean[o] = m;
      variance[o] = beta == null ? v : Math.max(0, v + offDiagonal(beta, o / perGroup, k));
    }
    return new ChannelMoments(mean, variance);
  }

  /**
   * Every channel's gain: the least-squares slope of its accumulator error on its exact accumulator, taken
   * position by position, {@code gamma_o = sum_k w_ok Cov_k(a, e_k) / sum_k w_ok^2 Var_k(a)} (a product error
   * {@code e = g * a * w} at every position gives {@code g}). {@code 1 + gamma_o} is the share of the channel's
   * signal an approximate product keeps (0 when it drops the product altogether).
   */
  public double[] gains(ProductTable table, Map<Integer, Integer> remap) {
    MultiplierFormat f = table.format();
    int[] products = table.toArray();
    int k = taps.reduction();
    int perGroup = channels / taps.groups();
    double[] gain = new double[channels];
    for (int o = 0; o < channels; o++) {
      int tapBase = (o / perGroup) * k;
      double cov = 0;
      double signal = 0;
      for (int kk = 0; kk < k; kk++) {
        int w = codes[o * k + kk];
        TapError t = tapError(products, f, tapBase + kk, w, remap);
        cov += w * (t.ae() - t.a1() * t.e1());
        signal += (double) w * w * Math.max(0, t.a2() - t.a1() * t.a1());
      }
      gain[o] = signal > 0 ? cov / signal : 0;
    }
    return gain;
  }

  /**
   * One product position's error {@code e = table(a, u) - a * w - za * (u - w)} (weight code {@code w}, tuned to
   * {@code u} by {@code remap}) under the tap's activation distribution: {@code E[e]}, {@code E[e^2]},
   * {@code E[n e]} ({@code n}: the activation is not the zero point), {@code E[a e]}, {@code E[a]} and
   * {@code E[a^2]}, each summed over the codes in order, so {@link #moments} and {@link #gains} share one pass.
   */
  private TapError tapError(int[] products, MultiplierFormat f, int tap, int w, Map<Integer, Integer> remap) {
    int u = remap.isEmpty() ? w : remap.getOrDefault(w, w);
    int[] a = values[tap];
    double[] p = probabilities[tap];
    long shift = (long) za * (u - w);
    double e1 = 0;
    double e2 = 0;
    double ne = 0;
    double ae = 0;
    double a1 = 0;
    double a2 = 0;
    for (int j = 0; j < a.length; j++) {
      double e = products[f.index(a[j], u)] - (long) a[j] * w - shift;
      e1 += p[j] * e;
      e2 += p[j] * e * e;
      ne += a[j] != za ? p[j] * e : 0;
      ae += p[j] * a[j] * e;
      a1 += p[j] * a[j];
      a2 += p[j] * a[j] * (double) a[j];
    }
    return new TapError(e1, e2, ne, ae, a1, a2);
  }

  /** The expectations {@link #tapError} returns. */
  private record TapError(double e1, double e2, double ne, double ae, double a1, double a2) {}

  /**
   * The least-squares coefficients of one product's error on its features under the tap's distribution, from
   * {@code E[n e]}, {@code E[a e]} and {@code E[e]}: {@code beta[kk]} for {@code n}, {@code beta[k + kk]} for
   * {@code a}. A feature without variance (a position that is always zero, say) gets no coefficient.
   */
  private void project(int tap, double ne, double ae, double e1, double[] beta, int kk, int k) {
    int[] a = values[tap];
    double[] p = probabilities[tap];
    double n1 = 0;
    double a1 = 0;
    double na = 0;
    double a2 = 0;
    for (int j = 0; j < a.length; j++) {
      double nz = a[j] != za ? p[j] : 0;
      n1 += nz;
      a1 += p[j] * a[j];
      na += nz * a[j];
      a2 += p[j] * a[j] * (double) a[j];
    }
    double vn = n1 - n1 * n1;
    double va = a2 - a1 * a1;
    double cna = na - n1 * a1;
    double cne = ne - n1 * e1;
    double cae = ae - a1 * e1;
    double det = vn * va - cna * cna;
    double bn = 0;
    double ba = 0;
    if (det > 1e-9 * vn * va && vn > 1e-12 && va > 1e-12) {
      bn = (va * cne - cna * cae) / det;
      ba = (vn * cae - cna * cne) / det;
    } else if (va > 1e-12) {
      ba = cae / va;
    } else if (vn > 1e-12) {
      bn = cne / vn;
    }
    beta[kk] = bn;
    beta[k + kk] = ba;
  }

  /** {@code sum_{k != j} beta_k^T Cov(x_k, x_j) beta_j} over the positions of group {@code g}. */
  private double offDiagonal(double[] beta, int g, int k) {
    double[] c = covariance.matrix(g);
    int d = 2 * k;
    double all = 0;
    double diagonal = 0;
    for (int i = 0; i < d; i++) {
      if (beta[i] == 0) {
        continue;
      }
      double row = 0;
      int base = i * d;
      for (int j = 0; j < d; j++) {
        row += c[base + j] * beta[j];
      }
      all += beta[i] * row;
      int pos = i % k;
      diagonal += beta[i] * (c[base + pos] * beta[pos] + c[base + k + pos] * beta[k + pos]);
    }
    return all - diagonal;
  }
}
