package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The logistic map against brute force: its squared error is at most that of the best (steepness, midpoint) on
 * a fine grid; a logistic whose asymptotes are reached by the data is recovered; the map is strictly decreasing
 * wherever the data lie; the fit does not depend on the order the points are given in.
 */
class LogisticMapTest {
  private static double logistic(double x, double low, double high, double k, double x0) {
    return low + (high - low) / (1 + Math.exp(k * (x - x0)));
  }

  private static double sse(LogisticMap m, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (m.apply(x[i]) - y[i]) * (m.apply(x[i]) - y[i]);
    }
    return s;
  }

  @Test
  void isAtLeastAsGoodAsTheBestOfAFineGrid() {
    Random r = new Random(5);
    for (int trial = 0; trial < 10; trial++) {
      int n = 20 + r.nextInt(30);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextDouble() * 6 - 1;
        y[i] = Math.max(0, Math.min(1, logistic(x[i], 0.1, 0.9, 2.5, 2) + r.nextGaussian() * 0.08));
      }
      LogisticMap m = LogisticMap.fit(x, y);
      double low = java.util.Arrays.stream(y).min().orElseThrow();
      double high = java.util.Arrays.stream(y).max().orElseThrow();
      double best = Double.POSITIVE_INFINITY;
      for (double k = 0.05; k <= 20; k *= 1.05) {
        for (double x0 = -2; x0 <= 6; x0 += 0.01) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            double d = logistic(x[i], low, high, k, x0) - y[i];
            s += d * d;
          }
          best = Math.min(best, s);
        }
      }
      assertTrue(sse(m, x, y) <= best + 1e-9, "trial " + trial + ": " + sse(m, x, y) + " > grid " + best);
    }
  }

  @Test
  void recoversALogisticThatReachesItsAsymptotes() {
    // points far out on both sides pin the asymptotes at 0.1 and 0.9 (within 1e-10 at k (x - x0) = +-30)
    double[] x = new double[23];
    double[] y = new double[23];
    for (int i = 0; i < 21; i++) {
      x[i] = -1 + 0.25 * i;
      y[i] = logistic(x[i], 0.1, 0.9, 3, 1.5);
    }
    x[21] = 1.5 - 10;
    y[21] = 0.9;
    x[22] = 1.5 + 10;
    y[22] = 0.1;
    LogisticMap m = LogisticMap.fit(x, y);
    assertEquals(3, m.steepness(), 1e-6);
    assertEquals(1.5, m.midpoint(), 1e-6);
    for (int i = 0; i < 21; i++) {
      assertEquals(y[i], m.apply(x[i]), 1e-8);
    }
  }

  @Test
  void isStrictlyDecreasingOverTheDataAndOrderIndependent() {
    Random r = new Random(9);
    int n = 40;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble() * 5;
      y[i] = r.nextDouble();
    }
    LogisticMap m = LogisticMap.fit(x, y);
    double[] rx = new double[n];
    double[] ry = new double[n];
    for (int i = 0; i < n; i++) {
      rx[i] = x[n - 1 - i];
      ry[i] = y[n - 1 - i];
    }
    LogisticMap reversed = LogisticMap.fit(rx, ry);
    double previous = Double.POSITIVE_INFINITY;
    for (double t = 0; t <= 5; t += 0.01) {
      assertTrue(m.apply(t) < previous, "at " + t);
      previous = m.apply(t);
      assertEquals(m.apply(t), reversed.apply(t), 1e-9, "at " + t);
    }
  }
}
