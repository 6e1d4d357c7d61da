package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The isotonic fit against brute force: for distinct sorted x, the non-increasing least-squares fit at point i is
 * {@code min over j <= i of max over k >= i of avg(y[j..k])} (the max-min formula of isotonic regression, Barlow
 * et al. 1972, mirrored for a decreasing fit); it is non-increasing everywhere, and a decreasing map sampled at
 * its knots is reproduced.
 */
class MonotoneMapTest {
  private static double bruteForce(double[] y, int i) {
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j <= i; j++) {
      double worst = Double.NEGATIVE_INFINITY;
      for (int k = i; k < y.length; k++) {
        double s = 0;
        for (int t = j; t <= k; t++) {
          s += y[t];
        }
        worst = Math.max(worst, s / (k - j + 1));
      }
      best = Math.min(best, worst);
    }
    return best;
  }

  @Test
  void equalsTheMaxMinFormulaOnRandomPoints() {
    Random r = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + r.nextInt(25);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i + r.nextDouble() * 0.5; // distinct and increasing
        y[i] = 1 - i * 0.03 + r.nextGaussian() * 0.1;
      }
      // the fit must not depend on the order the points are given in
      Integer[] perm = new Integer[n];
      Arrays.setAll(perm, i -> i);
      java.util.Collections.shuffle(Arrays.asList(perm), r);
      double[] px = new double[n];
      double[] py = new double[n];
      for (int i = 0; i < n; i++) {
        px[i] = x[perm[i]];
        py[i] = y[perm[i]];
      }
      MonotoneMap m = MonotoneMap.fit(px, py);
      for (int i = 0; i < n; i++) {
        assertEquals(bruteForce(y, i), m.apply(x[i]), 1e-12, "trial " + trial + ", point " + i);
      }
    }
  }

  @Test
  void isNonIncreasingEverywhere() {
    Random r = new Random(3);
    double[] x = new double[40];
    double[] y = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian() * 3;
      y[i] = r.nextDouble();
    }
    x[5] = x[6]; // a tie in x is pooled
    MonotoneMap m = MonotoneMap.fit(x, y);
    double previous = Double.POSITIVE_INFINITY;
    for (double t = -12; t <= 12; t += 0.01) {
      double v = m.apply(t);
      assertTrue(v <= previous + 1e-15, "at " + t + ": " + v + " after " + previous);
      previous = v;
    }
  }

  @Test
  void reproducesADecreasingMapAndInterpolatesBetweenKnots() {
    // f(x) = 0.9 / (1 + exp(x)) + 0.1, sampled at x = -4, -3.5, ..., 4: already decreasing, so each point is its
    // own block and the fit is f at every sample; between samples it is the chord, within the chord's error.
    int n = 17;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -4 + 0.5 * i;
      y[i] = 0.9 / (1 + Math.exp(x[i])) + 0.1;
    }
    MonotoneMap m = MonotoneMap.fit(x, y);
    assertEquals(n, m.knots());
    for (int i = 0; i < n; i++) {
      assertEquals(y[i], m.apply(x[i]), 1e-15);
    }
    assertEquals((y[8] + y[9]) / 2, m.apply((x[8] + x[9]) / 2), 1e-15);
    assertEquals(y[0], m.apply(-100), 0, "held constant below the first knot");
    assertEquals(y[n - 1], m.apply(100), 0, "held constant above the last knot");
  }

  @Test
  void anIncreasingRunIsPooledToItsMean() {
    // y = 0.2, 0.4, 0.6 at x = 1, 2, 3 violates a decreasing fit everywhere: one block from x = 1 to 3 (two
    // knots), mean 0.4
    MonotoneMap m = MonotoneMap.fit(new double[] {1, 2, 3}, new double[] {0.2, 0.4, 0.6});
    assertEquals(2, m.knots());
    assertEquals(0.4, m.apply(2.5), 1e-15);
  }
}
