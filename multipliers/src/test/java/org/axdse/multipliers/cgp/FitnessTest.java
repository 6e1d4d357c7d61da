package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The evolution's order: within the bound first, then power; outside it, error; equal counts as neutral. */
class FitnessTest {
  @Test
  void withinTheBoundBeatsOutsideThenPowerThenError() {
    Fitness cheapOut = new Fitness(0.02, 1, 1);
    Fitness dearIn = new Fitness(0.005, 5, 1);
    Fitness cheapIn = new Fitness(0.009, 4, 1);
    Fitness nearOut = new Fitness(0.011, 0.5, 1);
    double bound = 0.01;
    assertTrue(dearIn.compareUnder(bound, cheapOut) < 0, "feasible before infeasible whatever the power");
    assertTrue(cheapIn.compareUnder(bound, dearIn) < 0, "among feasible, less power wins although more error");
    assertTrue(nearOut.compareUnder(bound, cheapOut) < 0, "among infeasible, less error wins");
    assertEquals(0, new Fitness(0.001, 4, 2).compareUnder(bound, cheapIn), "equal power within the bound: neutral");
    assertThrows(IllegalArgumentException.class, () -> new Fitness(Double.NaN, 1, 1));
  }
}
