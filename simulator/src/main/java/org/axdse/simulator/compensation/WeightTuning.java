package org.axdse.simulator.compensation;

import org.axdse.multipliers.table.ProductTable;

/**
 * Weight tuning as in ALWANN (Mrazek, Vasicek, Sekanina, Hanif, Shafique, "ALWANN: Automatic Layer-Wise
 * Approximation of Deep Neural Network Accelerators without Retraining", ICCAD 2019): no training, each weight code
 * {@code w} of a layer is replaced by the code {@code w'} of the same range that minimises the expected squared
 * error of the approximate product against the exact one,
 * {@code E_a[(M(a, w') - a*w - za*(w' - w))^2]}, with {@code a} drawn from the layer's activation code histogram.
 * The {@code za*(w' - w)} term is the change of the exact zero-point correction {@code -za * sum w} the engine
 * computes from the stored codes (0 in symmetric mode), so the objective is the error of the layer's contribution
 * {@code (a - za)(w - zw)} as the engine computes it. Squared error rather than absolute error because it charges
 * both the mean (which accumulates over the reduction) and the spread of the error. A code changes only when
 * another is strictly better, so exact multipliers leave every code unchanged.
 */
public final class WeightTuning {
  private WeightTuning() {}

  /**
   * The remap of every code in {@code [qmin, qmax]}: {@code result[w - qmin]} is the tuned code of {@code w}.
   * {@code activationCounts} has 256 entries by code bit pattern; ties keep {@code w}, then the lower code.
   */
  public static int[] remap(ProductTable table, long[] activationCounts, int za, int qmin, int qmax) {
    int[] a = activations(table, activationCounts);
    long[] n = weights(activationCounts, a.length);
    int[] best = new int[qmax - qmin + 1];
    double[][] products = new double[qmax - qmin + 1][a.length];
    for (int w = qmin; w <= qmax; w++) {
      for (int j = 0; j < a.length; j++) {
        products[w - qmin][j] = table.product(a[j], w) - (double) za * w;
      }
    }
    for (int w = qmin; w <= qmax; w++) {
      double[] target = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        target[j] = (double) a[j] * w - (double) za * w;
      }
      int chosen = w;
      double bestCost = cost(products[w - qmin], target, n);
      for (int c = qmin; c <= qmax; c++) {
        if (c != w) {
          double e = cost(products[c - qmin], target, n);
          if (e < bestCost) {
            bestCost = e;
            chosen = c;
          }
        }
      }
      best[w - qmin] = chosen;
    }
    return best;
  }

  /**
   * The expected squared error of using code {@code used} for weight {@code w}:
   * {@code E_a[(M(a, used) - a*w - za*(used - w))^2]} under {@code activationCounts}; 0 when no activation was
   * counted.
   */
  public static double expectedError(ProductTable table, long[] activationCounts, int za, int w, int used) {
    int[] a = activations(table, activationCounts);
    long[] n = weights(activationCounts, a.length);
    double[] p = new double[a.length];
    double[] t = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      p[j] = table.product(a[j], used) - (double) za * used;
      t[j] = (double) a[j] * w - (double) za * w;
    }
    long total = 0;
    for (long c : n) {
      total += c;
    }
    return total == 0 ? 0 : cost(p, t, n) / total;
  }

  private static double cost(double[] products, double[] target, long[] n) {
    double s = 0;
    for (int j = 0; j < n.length; j++) {
      double d = products[j] - target[j];
      s += n[j] * d * d;
    }
    return s;
  }

  /** The activation values with a non-zero count, in bit-pattern order. */
  private static int[] activations(ProductTable table, long[] counts) {
    if (counts == null || counts.length != 256) {
      throw new IllegalArgumentException("weight tuning needs the layer's 256-entry activation histogram");
    }
    boolean signed = table.format().signed();
    return java.util.stream.IntStream.range(0, 256).filter(c -> counts[c] > 0)
        .map(c -> signed ? (byte) c : c).toArray();
  }

  private static long[] weights(long[] counts, int nonZero) {
    long[] n = new long[nonZero];
    int j = 0;
    for (long c : counts) {
      if (c > 0) {
        n[j++] = c;
      }
    }
    return n;
  }
}
