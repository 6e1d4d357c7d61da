package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The noise hook adds draws of the asked mean and variance per channel (checked against the sample moments,
 * tolerance five standard errors), leaves other layers alone and repeats itself from its seed.
 */
class GaussianNoiseTest {
  @Test
  void addsTheAskedMomentsPerChannel() {
    int columns = 200_000;
    int[] acc = new int[2 * columns];
    java.util.Arrays.fill(acc, 0, columns, 1000);
    double[][] mean = {null, {3.0, -40.0}};
    double[][] std = {null, {10.0, 0.0}};
    new GaussianNoise(mean, std, 5).apply(1, acc, 2, columns);
    double s = 0;
    double q = 0;
    for (int j = 0; j < columns; j++) {
      double d = acc[j] - 1000;
      s += d;
      q += d * d;
    }
    double m = s / columns;
    double var = q / columns - m * m;
    // std 10: standard error of the mean 10 / sqrt(2e5) = 0.022; rounding to integers adds 1/12 to the variance,
    // standard error of the variance about 100 * sqrt(2 / 2e5) = 0.32
    assertEquals(3.0, m, 5 * 0.022);
    assertEquals(100 + 1.0 / 12, var, 5 * 0.32);
    for (int j = columns; j < 2 * columns; j++) {
      assertEquals(-40, acc[j], "zero variance: the rounded mean exactly");
    }
  }

  @Test
  void leavesOtherLayersAloneAndRepeatsFromItsSeed() {
    double[][] mean = {{0.0}};
    double[][] std = {{5.0}};
    int[] a = new int[100];
    int[] b = new int[100];
    new GaussianNoise(mean, std, 9).apply(0, a, 1, 100);
    new GaussianNoise(mean, std, 9).apply(0, b, 1, 100);
    assertArrayEquals(a, b);
    int[] c = new int[100];
    new GaussianNoise(mean, std, 9).apply(1, c, 1, 100);
    assertArrayEquals(new int[100], c);
  }
}
