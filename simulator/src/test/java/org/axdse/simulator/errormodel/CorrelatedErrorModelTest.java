package org.axdse.simulator.errormodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/**
 * The covariance term against brute force on correlated activations: a table whose error is exactly linear in the
 * two features, {@code e(a, w) = c1[w] * 1[a != za] + c2[w] * a}, leaves no residual, so with the covariance of
 * the features measured on the same accumulators the modelled variance is the variance of the channel's summed
 * error over those accumulators, whatever the correlation; the independent model misses it.
 */
class CorrelatedErrorModelTest {
  private static final int K = 3;
  private static final int CHANNELS = 2;
  private static final int SAMPLES = 60;
  private static final int ZA = 5;

  @Test
  void linearErrorOnCorrelatedActivationsMatchesBruteForce() {
    MultiplierFormat f = MultiplierFormat.of(8, Signedness.UNSIGNED);
    Random rnd = new Random(3);
    int[] c1 = new int[256];
    int[] c2 = new int[256];
    for (int w = 0; w < 256; w++) {
      c1[w] = rnd.nextInt(41) - 20;
      c2[w] = rnd.nextInt(7) - 3;
    }
    int[] products = new int[f.tableSize()];
    for (int i = 0; i < products.length; i++) {
      int a = f.activationAt(i);
      int w = f.weightAt(i);
      products[i] = a * w + c1[w] * (a != ZA ? 1 : 0) + c2[w] * a;
    }
    ProductTable table = ProductTable.of(f, products);
    // one latent level per accumulator drives all three positions: strongly correlated activations
    int[][] levels = {{ZA, ZA, 7}, {ZA, 20, 40}, {90, 120, 200}};
    int[][] codes = new int[SAMPLES][K];
    long[] counts = new long[K * 256];
    for (int s = 0; s < SAMPLES; s++) {
      int[] level = levels[rnd.nextInt(3)];
      for (int k = 0; k < K; k++) {
        codes[s][k] = level[rnd.nextInt(level.length)];
        counts[k * 256 + codes[s][k]]++;
      }
    }
    double[] sums = new double[2 * K];
    double[] prod = new double[4 * K * K];
    for (int[] c : codes) {
      double[] x = features(c);
      for (int i = 0; i < 2 * K; i++) {
        sums[i] += x[i];
        for (int j = 0; j < 2 * K; j++) {
          prod[i * 2 * K + j] += x[i] * x[j];
        }
      }
    }
    double[] cov = new double[4 * K * K];
    for (int i = 0; i < 2 * K; i++) {
      for (int j = 0; j < 2 * K; j++) {
        cov[i * 2 * K + j] = prod[i * 2 * K + j] / SAMPLES - sums[i] / SAMPLES * sums[j] / SAMPLES;
      }
    }
    TapCounts taps = new TapCounts(1, K, SAMPLES, counts);
    ActivationCovariance covariance = new ActivationCovariance(1, K, SAMPLES, new double[][] {cov});
    int[] weights = new int[CHANNELS * K];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = rnd.nextInt(256);
    }
    ChannelMoments correlated = new LayerErrorModel("c", taps, covariance, CHANNELS, weights, ZA, false)
        .moments(table, Map.of());
    ChannelMoments independent = new LayerErrorModel("c", taps, CHANNELS, weights, ZA, false)
        .moments(table, Map.of());
    for (int o = 0; o < CHANNELS; o++) {
      double s1 = 0;
      double s2 = 0;
      for (int[] c : codes) {
        double sum = 0;
        for (int k = 0; k < K; k++) {
          int w = weights[o * K + k];
          sum += table.product(c[k], w) - (double) c[k] * w;
        }
        s1 += sum / SAMPLES;
        s2 += sum * sum / SAMPLES;
      }
      double variance = s2 - s1 * s1;
      assertEquals(s1, correlated.mean(o), 1e-9 * Math.max(1, Math.abs(s1)), "mean of channel " + o);
      assertEquals(variance, correlated.variance(o), 1e-6 * variance, "variance of channel " + o);
      assertTrue(Math.abs(independent.variance(o) - variance) > 0.05 * variance,
          "channel " + o + ": the correlation matters here (independent " + independent.variance(o) + ")");
    }
  }

  private static double[] features(int[] codes) {
    double[] x = new double[2 * K];
    for (int k = 0; k < K; k++) {
      x[k] = codes[k] != ZA ? 1 : 0;
      x[K + k] = codes[k];
    }
    return x;
  }
}
