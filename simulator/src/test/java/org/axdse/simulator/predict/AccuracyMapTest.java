package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The balance between mean and variance parts is recovered from points whose top-1 depends on
 * {@code variance + 0.1 * mean} alone, and the fitted map then reproduces those points.
 */
class AccuracyMapTest {
  private static double truth(double v, double m) {
    return 0.1 + 0.8 / (1 + (v + 0.1 * m) / 100); // decreasing in v + 0.1 m
  }

  @Test
  void recoversTheBalanceOfTheTruthAndReproducesIt() {
    Random r = new Random(11);
    int n = 40;
    double[] v = new double[n];
    double[] m = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.pow(10, r.nextDouble() * 4 - 1);
      m[i] = Math.pow(10, r.nextDouble() * 5 - 1);
      y[i] = truth(v[i], m[i]);
    }
    AccuracyMap map = AccuracyMap.fit(v, m, y);
    assertEquals(0.1, map.balance(), 0.0);
    for (int i = 0; i < n; i++) {
      assertEquals(y[i], map.apply(v[i], m[i]), 1e-12, "point " + i);
    }
  }
}
