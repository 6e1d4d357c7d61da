package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A map between fixed ends: its asymptotes are the range's, whatever the points; its squared error is at most
 * that of the best (steepness, midpoint) of a fine grid with the same ends; held back, the best and the worst
 * point are predicted by maps with the same ends, so holding back the best point cannot lower the top end.
 */
class TopOneRangeTest {
  private static double logistic(double x, double low, double high, double k, double x0) {
    return low + (high - low) / (1 + Math.exp(k * (x - x0)));
  }

  @Test
  void chanceAndExactAreTheEnds() {
    TopOneRange r = TopOneRange.of(0.816, 10);
    assertEquals(0.1, r.low(), 0.0);
    assertEquals(0.816, r.high(), 0.0);
    // a network worse than chance: the low end is its top-1, never above the high one
    assertEquals(0.05, TopOneRange.of(0.05, 10).low(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> new TopOneRange(0.5, 0.4));
    assertThrows(IllegalArgumentException.class, () -> TopOneRange.of(0.9, 1));
  }

  @Test
  void theFitKeepsTheEndsAndBeatsAFineGridWithThem() {
    Random r = new Random(11);
    TopOneRange range = new TopOneRange(0.1, 0.92);
    for (int trial = 0; trial < 5; trial++) {
      int n = 20 + r.nextInt(30);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextDouble() * 6 - 1;
        y[i] = Math.max(0, Math.min(1, logistic(x[i], 0.12, 0.9, 2.5, 2) + r.nextGaussian() * 0.05));
      }
      LogisticMap m = LogisticMap.fit(x, y, range);
      assertEquals(0.92, m.apply(-1e6), 1e-12, "the top end is the exact network's top-1");
      assertEquals(0.1, m.apply(1e6), 1e-12, "the bottom end is chance");
      double fitted = 0;
      for (int i = 0; i < n; i++) {
        fitted += (m.apply(x[i]) - y[i]) * (m.apply(x[i]) - y[i]);
      }
      double best = Double.POSITIVE_INFINITY;
      for (double k = 0.05; k <= 20; k *= 1.05) {
        for (double x0 = -2; x0 <= 6; x0 += 0.01) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            double d = logistic(x[i], 0.1, 0.92, k, x0) - y[i];
            s += d * d;
          }
          best = Math.min(best, s);
        }
      }
      assertTrue(fitted <= best + 1e-9, "trial " + trial + ": " + fitted + " > grid " + best);
    }
  }

  @Test
  void heldBackBestPointIsPredictedAgainstTheExactEnd() {
    // noise 10^x for x = 0..4; the first point (no noise to speak of) is the best. Held back, the map of the others
    // keeps the exact network's 0.9 as its top end, so the point is predicted within 0.9 - 0.85 of it or closer;
    // with the ends taken from the points the others' best (0.85) caps it.
    double[] noise = {1, 10, 100, 1000, 10000};
    double[] y = {0.9, 0.85, 0.5, 0.2, 0.1};
    TopOneRange range = new TopOneRange(0.1, 0.9);
    double[] fixed = CalibrationQuality.heldBack(noise, new double[5], y, range);
    double[] free = CalibrationQuality.heldBack(noise, new double[5], y);
    assertTrue(free[0] <= 0.85 + 1e-12, "free ends: " + free[0]);
    assertTrue(fixed[0] > 0.85, "fixed ends: " + fixed[0]);
    for (int i = 0; i < 5; i++) {
      double[] v = new double[4];
      double[] t = new double[4];
      for (int j = 0, k = 0; j < 5; j++) {
        if (j != i) {
          v[k] = noise[j];
          t[k++] = y[j];
        }
      }
      assertEquals(AccuracyMap.fit(v, new double[4], t, range).apply(noise[i], 0), fixed[i], 0.0);
    }
  }
}
