package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Leave-one-out figures derived by hand on small point sets. */
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
    // x = 0, 1, 2, 3 with y = 0.9, 0.8, 0.6, 0.5 (decreasing). Held back:
    //   point 0: below the remaining knots -> 0.8;   point 3: above them -> 0.6;
    //   point 1: chord of (0, 0.9) and (2, 0.6) at 1 -> 0.75;  point 2: chord of (1, 0.8), (3, 0.5) at 2 -> 0.65.
    // absolute errors 0.1, 0.05, 0.05, 0.1 -> MAE 0.075 = 7.5 points
    // R^2: SS_res = 0.01 + 0.0025 + 0.0025 + 0.01 = 0.025; mean 0.7, SS_tot = 0.04 + 0.01 + 0.01 + 0.04 = 0.1
    // (noise 10^x with no mean part, so the map's figure log10(noise + 1e-9) is x within 1e-9)
    double[] noise = {1, 10, 100, 1000};
    double[] y = {0.9, 0.8, 0.6, 0.5};
    CalibrationQuality q = CalibrationQuality.leaveOneOut(noise, new double[4], y);
    assertEquals(4, q.points());
    assertEquals(7.5, q.meanAbsoluteError(), 1e-7);
    assertEquals(1 - 0.025 / 0.1, q.rSquared(), 1e-7);
    assertEquals(1, q.spearman(), 1e-12, "held-back predictions 0.8, 0.75, 0.65, 0.6 keep the order");
  }

  @Test
  void tooFewPointsGiveNoFigures() {
    CalibrationQuality q = CalibrationQuality.leaveOneOut(new double[] {1, 2}, new double[2],
        new double[] {0.5, 0.4});
    assertEquals(2, q.points());
    assertTrue(Double.isNaN(q.spearman()) && Double.isNaN(q.rSquared()) && Double.isNaN(q.meanAbsoluteError()));
  }
}
