package org.axdse.explorer.pick;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.junit.jupiter.api.Test;

/**
 * {@code pick --energy memory}: the weight memory takes the energy's place, so a run whose points all cost the same
 * energy (sharing alone, exact multipliers) can be picked by memory; each expected pick is derived in a comment.
 */
class PickByMemoryTest {
  private static EvaluatedPoint point(int id, double fin, double memory) {
    return new EvaluatedPoint(id, 1, new int[] {id}, List.of("e@" + id), List.of(), fin, fin, 1.0, 1.0, Double.NaN,
        1, memory);
  }

  // Against exact 0.900 (memory 1.0): p1 0.899 (drop 0.1) at memory 0.54, p2 0.896 (0.4) at 0.46, p3 0.880 (2.0)
  // at 0.40. Every energy is 1.0.
  private static final EvaluatedPoint EXACT = point(0, 0.900, 1.0);
  private static final List<EvaluatedPoint> FRONT = List.of(EXACT, point(1, 0.899, 0.54), point(2, 0.896, 0.46),
      point(3, 0.880, 0.40));

  @Test
  void lowestMemoryWithinTheDrop() {
    // within 0.5 points: p0, p1, p2; least memory p2 (0.46); with multiplier energy all tie at 1.0 and the most
    // accurate, p0, wins
    assertEquals(2, FrontPicker.pick(FRONT, EXACT, Constraint.maxAccuracyDrop(0.5), Metric.MEMORY,
        FrontPickerTest.FRONT).point().id());
    assertEquals(0, FrontPicker.pick(FRONT, EXACT, Constraint.maxAccuracyDrop(0.5), Metric.MULTIPLIER_ENERGY,
        FrontPickerTest.FRONT).point().id());
    // memory at most 0.5: p2, p3; the more accurate is p2
    assertEquals(2, FrontPicker.pick(FRONT, EXACT, Constraint.maxEnergy(0.5), Metric.MEMORY,
        FrontPickerTest.FRONT).point().id());
  }
}
