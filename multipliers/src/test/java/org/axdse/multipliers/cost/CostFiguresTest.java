package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CostFiguresTest {
  @Test
  void relativeToDividesEachFigure() {
    CostFigures ref = CostFigures.estimate(400, 50, 150, 8);
    CostFigures cheap = CostFigures.estimate(200, 40, 71, 4);
    // area 200/400, delay 40/50, power (71+4)/(150+8) = 75/158
    assertEquals(new RelativeCost(0.5, 0.8, 75.0 / 158), cheap.relativeTo(ref));
    assertEquals(RelativeCost.unity(), ref.relativeTo(ref));
  }

  @Test
  void zeroReferenceIsOnlyAllowedForZero() {
    CostFigures nothing = CostFigures.estimate(0, 0, 0, 0);
    assertEquals(RelativeCost.unity(), nothing.relativeTo(nothing));
    assertThrows(IllegalArgumentException.class, () -> CostFigures.estimate(1, 0, 0, 0).relativeTo(nothing));
  }

  @Test
  void constructorValidates() {
    assertThrows(IllegalArgumentException.class, () -> new CostFigures(1, 1, 1, 1, 3, true));
    assertThrows(IllegalArgumentException.class, () -> CostFigures.estimate(-1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> CostFigures.estimate(1, Double.NaN, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RelativeCost(1, -0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> new RelativeCost(Double.POSITIVE_INFINITY, 1, 1));
  }
}
