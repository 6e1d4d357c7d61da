package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Leave-one-out figures: each point predicted by a map fitted on the others alone. */
class CalibrationQualityTest {
  @Test
  void perfectPredictionsScoreOneAndZero() {
    double[] y = {0.9, 0.7, 0.5, 0.3};
    CalibrationQuality q = CalibrationQuality.of(y.clone(), y);
    assertEquals(4, q.points());
    assertEquals(1, q.spearman(), 1e-12);
    assertEquals(1, q.rSquared(), 1e-12);
    assertEquals(0, q.meanAbsoluteError(), 1e-12);
  }

  @Test
  void leaveOneOutHoldsEachPointBack() {
    // noise 10^x (no mean part: the figure is x within 1e-9) for x = 0..4, top-1 0.9, 0.85, 0.5, 0.2, 0.1
    double[] noise = {1, 10, 100, 1000, 10000};
    double[] y = {0.9, 0.85, 0.5, 0.2, 0.1};
    double[] held = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double[] v = new double[y.length - 1];
      double[] t = new double[y.length - 1];
      for (int j = 0, k = 0; j < y.length; j++) {
        if (j != i) {
          v[k] = noise[j];
          t[k++] = y[j];
        }
      }
      held[i] = AccuracyMap.fit(v, new double[v.length], t).apply(noise[i], 0);
    }
    assertArrayEquals(held, CalibrationQuality.heldBack(noise, new double[y.length], y), 0.0);
    CalibrationQuality expected = CalibrationQuality.of(held, y);
    CalibrationQuality q = CalibrationQuality.leaveOneOut(noise, new double[y.length], y);
    assertEquals(5, q.points());
    assertEquals(expected.meanAbsoluteError(), q.meanAbsoluteError(), 1e-12);
    assertEquals(expected.rSquared(), q.rSquared(), 1e-12);
    assertEquals(expected.spearman(), q.spearman(), 1e-12);
    // held back, the map lies between the others' extreme top-1: point 0 is predicted at most 0.85 and point 4
    // at least 0.2, so the mean absolute error is at least (0.05 + 0.1) / 5 = 3 points
    assertTrue(q.meanAbsoluteError() >= 3 - 1e-9, "MAE " + q.meanAbsoluteError());
  }

  @Test
  void tooFewPointsGiveNoFigures() {
    CalibrationQuality q = CalibrationQuality.leaveOneOut(new double[] {1, 2}, new double[2],
        new double[] {0.5, 0.4});
    assertEquals(2, q.points());
    assertTrue(Double.isNaN(q.spearman()) && Double.isNaN(q.rSquared()) && Double.isNaN(q.meanAbsoluteError()));
  }
}
