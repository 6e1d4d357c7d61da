package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The map adds the mean part to the variance part as they are (the sensitivities put both on one logit scale):
 * points whose top-1 depends on {@code variance + mean} alone are reproduced. In the figure
 * {@code x = log10(v + m)} the truth is the logistic {@code 0.1 + 0.8 / (1 + exp(ln 10 * (x - 2)))}, whose
 * asymptotes the map takes from the extreme points; with v in 10^[-3, 6] and m in 10^[-3, 7], x spans about -3
 * to 7, so the extreme top-1 are within 1e-4 of 0.9 and 0.1 and every point is reproduced within 0.001.
 */
class AccuracyMapTest {
  private static double truth(double v, double m) {
    return 0.1 + 0.8 / (1 + (v + m) / 100); // decreasing in v + m
  }

  @Test
  void addsTheMeanPartToTheVariancePartAndReproducesTheTruth() {
    Random r = new Random(11);
    int n = 40;
    double[] v = new double[n];
    double[] m = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.pow(10, r.nextDouble() * 9 - 3);
      m[i] = Math.pow(10, r.nextDouble() * 10 - 3);
      y[i] = truth(v[i], m[i]);
    }
    AccuracyMap map = AccuracyMap.fit(v, m, y);
    for (int i = 0; i < n; i++) {
      assertEquals(y[i], map.apply(v[i], m[i]), 0.001, "point " + i);
    }
    // the same total, split differently between the parts, is the same prediction
    assertEquals(map.apply(300, 700), map.apply(900, 100), 1e-12);
    assertTrue(map.apply(10, 10) > map.apply(10, 1000), "more mean error, lower top-1");
  }
}
