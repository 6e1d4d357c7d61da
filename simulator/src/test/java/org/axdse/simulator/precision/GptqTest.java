package org.axdse.simulator.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.axdse.simulator.quant.QuantParams;
import org.junit.jupiter.api.Test;

/**
 * GPTQ rounding of one row against a hand-derived case and a brute-force search over every code vector.
 */
class GptqTest {
  private static double error(float[] w, int[] codes, QuantParams p, double[][] h) {
    int k = codes.length;
    double sum = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        sum += (w[i] - p.dequantize(codes[i])) * h[i][j] * (w[j] - p.dequantize(codes[j]));
      }
    }
    return sum;
  }

  @Test
  void twoWeightsFollowTheHandDerivedUpdate() {
    // Rounding w0 first (H00 > H11) leaves the error e0 = w0 - s q0; the w1 that minimises the output error with
    // q0 fixed is w1 + e0 H01 / H11 (set the derivative of [e0, e1] H [e0, e1]^T in e1 to zero), then rounded.
    double[][] h = {{2.0, 0.9}, {0.9, 1.0}};
    float[] w = {0.37f, 0.30f};
    QuantParams p = new QuantParams(0.25, 0, 4, true);
    int q0 = (int) Math.round(0.37 / 0.25);
    double e0 = w[0] - 0.25 * q0;
    int q1 = (int) Math.round((w[1] + e0 * h[0][1] / h[1][1]) / 0.25);
    Gptq.Factor f = Gptq.factor(h, 0);
    assertNotNull(f);
    assertArrayEquals(new int[] {0, 1}, f.order());
    int[] codes = Gptq.round(w, 0, 2, p, f);
    assertArrayEquals(new int[] {q0, q1}, codes);
    int[] nearest = Gptq.nearest(w, 0, 2, p);
    assertArrayEquals(new int[] {1, 1}, nearest, "the case is one where nearest rounding differs");
    assertTrue(error(w, codes, p, h) < error(w, nearest, p, h));
    assertEquals(error(w, codes, p, h), Gptq.error(w, 0, codes, p, h), 1e-12);
  }

  @Test
  void actOrderRoundsTheStrongestInputFirst() {
    double[][] h = {{1.0, 0.2, 0.0}, {0.2, 3.0, 0.1}, {0.0, 0.1, 2.0}};
    assertArrayEquals(new int[] {1, 2, 0}, Gptq.factor(h, Gptq.DAMP).order());
  }

  @Test
  void beatsNearestRoundingAgainstBruteForceOnRandomRows() {
    Random rnd = new Random(3);
    QuantParams p = new QuantParams(0.1, 0, 3, true); // 3-bit codes
    int k = 5;
    double gptq = 0;
    double nearest = 0;
    double optimum = 0;
    int better = 0;
    for (int c = 0; c < 60; c++) {
      double[][] a = new double[k][k];
      for (double[] row : a) {
        for (int j = 0; j < k; j++) {
          row[j] = rnd.nextGaussian();
        }
      }
      double[][] h = new double[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          for (int t = 0; t < k; t++) {
            h[i][j] += a[i][t] * a[j][t] + (i == j ? 0.05 : 0) / k;
          }
        }
      }
      float[] w = new float[k];
      for (int i = 0; i < k; i++) {
        w[i] = (float) (rnd.nextDouble() * 0.6 - 0.3);
      }
      double eg = error(w, Gptq.round(w, 0, k, p, Gptq.factor(h, Gptq.DAMP)), p, h);
      double en = error(w, Gptq.nearest(w, 0, k, p), p, h);
      double best = bruteForce(w, p, h);
      assertTrue(eg >= best - 1e-12, "no rounding beats the exhaustive optimum");
      gptq += eg;
      nearest += en;
      optimum += best;
      better += eg < en - 1e-12 ? 1 : 0;
    }
    assertTrue(gptq < 0.7 * nearest, "GPTQ " + gptq + " vs nearest " + nearest + " (optimum " + optimum + ")");
    assertTrue(better >= 30, better + " of 60 rows improved");
  }

  private static double bruteForce(float[] w, QuantParams p, double[][] h) {
    int k = w.length;
    int span = p.qmax() - p.qmin() + 1;
    int[] codes = new int[k];
    double best = Double.POSITIVE_INFINITY;
    for (int n = 0, total = (int) Math.pow(span, k); n < total; n++) {
      int v = n;
      for (int i = 0; i < k; i++) {
        codes[i] = p.qmin() + v % span;
        v /= span;
      }
      best = Math.min(best, error(w, codes, p, h));
    }
    return best;
  }
}
