package org.axdse.multipliers.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FitQualityTest {
  @Test
  void perfectPredictionsScoreOneAndNoError() {
    double[] y = {0.1, 0.5, 0.3, 0.9};
    FitQuality q = FitQuality.of(y.clone(), y);
    assertEquals(4, q.points());
    assertEquals(1, q.spearman(), 1e-12);
    assertEquals(1, q.rSquared(), 1e-12);
    assertEquals(0, q.meanAbsoluteError(), 1e-12);
  }

  @Test
  void figuresMatchAHandComputation() {
    double[] predicted = {0.2, 0.4, 0.8};
    double[] measured = {0.3, 0.2, 0.7};
    // mean 0.4; SS_res = 0.01 + 0.04 + 0.01 = 0.06; SS_tot = 0.01 + 0.04 + 0.09 = 0.14; ranks (1,2,3) vs (2,1,3)
    FitQuality q = FitQuality.of(predicted, measured);
    assertEquals(1 - 0.06 / 0.14, q.rSquared(), 1e-12);
    assertEquals(100 * 0.4 / 3, q.meanAbsoluteError(), 1e-12);
    assertEquals(1 - 6.0 * (1 + 1) / (3 * 8), q.spearman(), 1e-12);
  }

  @Test
  void undefinedFiguresAreNaNAndMismatchedLengthsAreRefused() {
    FitQuality two = FitQuality.of(new double[] {0.1, 0.2}, new double[] {0.5, 0.5});
    assertTrue(Double.isNaN(two.spearman()));
    assertTrue(Double.isNaN(two.rSquared()));
    assertTrue(Double.isNaN(FitQuality.of(new double[0], new double[0]).meanAbsoluteError()));
    assertThrows(IllegalArgumentException.class, () -> FitQuality.of(new double[2], new double[3]));
  }
}
