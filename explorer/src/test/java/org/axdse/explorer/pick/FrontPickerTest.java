package org.axdse.explorer.pick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.junit.jupiter.api.Test;

/** Selection rules of {@link FrontPicker} on hand-made fronts; each expected pick is derived in a comment. */
class FrontPickerTest {
  static final Path FRONT = Path.of("run/front.json");

  /** A two-layer point; NaN accuracies mean "not evaluated at that fidelity". */
  static EvaluatedPoint point(int id, double screening, double fin, double energy, double system) {
    return EvaluatedPoint.ofLayers(id, 1, new int[] {id, id}, List.of("m" + id, "m" + id), screening, fin,
        energy, system, Double.NaN, 1);
  }

  static final EvaluatedPoint EXACT = EvaluatedPoint.ofLayers(0, 0, new int[] {0, 0}, List.of("exact", "exact"),
      0.905, 0.900, 1.0, 1.0, Double.NaN, 1);

  // Final accuracies against exact 0.900 (drops in points): p1 0.899 (0.1), p2 0.896 (0.4), p3 0.895 (0.5),
  // p4 0.890 (1.0), p5 0.850 (5.0). Energies fall as accuracy falls: 0.9, 0.7, 0.6, 0.4, 0.2.
  static final List<EvaluatedPoint> FRONT_POINTS = List.of(
      point(1, 0.90, 0.899, 0.9, 0.95),
      point(2, 0.90, 0.896, 0.7, 0.85),
      point(3, 0.90, 0.895, 0.6, 0.80),
      point(4, 0.89, 0.890, 0.4, 0.70),
      point(5, 0.86, 0.850, 0.2, 0.60));

  @Test
  void maxAccuracyDropTakesTheLowestEnergyWithinTheBound() {
    // Within 0.5 points: p1 (0.1), p2 (0.4), p3 (exactly 0.5, allowed); lowest energy among them: p3 (0.6).
    Pick p = FrontPicker.pick(FRONT_POINTS, EXACT, Constraint.maxAccuracyDrop(0.5), Metric.MULTIPLIER_ENERGY, FRONT);
    assertEquals(3, p.point().id());
    assertEquals("final", p.fidelity());
    assertEquals(0.5, p.drop(), 1e-9);
    // Within 0.45: p1, p2; lowest energy p2.
    assertEquals(2, FrontPicker.pick(FRONT_POINTS, EXACT, Constraint.maxAccuracyDrop(0.45),
        Metric.MULTIPLIER_ENERGY, FRONT).point().id());
    // Within 10 points: all; lowest energy p5.
    assertEquals(5, FrontPicker.pick(FRONT_POINTS, EXACT, Constraint.maxAccuracyDrop(10),
        Metric.MULTIPLIER_ENERGY, FRONT).point().id());
  }

  @Test
  void maxEnergyTakesTheHighestAccuracyWithinTheBound() {
    // Energy <= 0.6: p3 (0.895), p4 (0.890), p5 (0.850); highest accuracy p3.
    Pick p = FrontPicker.pick(FRONT_POINTS, null, Constraint.maxEnergy(0.6), Metric.MULTIPLIER_ENERGY, FRONT);
    assertEquals(3, p.point().id());
    assertTrue(Double.isNaN(p.referenceAccuracy()), "max-energy needs no exact point");
    // System energy <= 0.7: p4 (0.890), p5; highest accuracy p4.
    assertEquals(4, FrontPicker.pick(FRONT_POINTS, null, Constraint.maxEnergy(0.7), Metric.SYSTEM_ENERGY, FRONT)
        .point().id());
  }

  @Test
  void tiesGoToHigherAccuracyThenLowerEnergyThenLowerId() {
    // a and b have energy 0.5 within the bound; b is more accurate -> b.
    List<EvaluatedPoint> f = List.of(point(7, 0.9, 0.897, 0.5, 0.5), point(8, 0.9, 0.899, 0.5, 0.5));
    assertEquals(8, FrontPicker.pick(f, EXACT, Constraint.maxAccuracyDrop(1), Metric.MULTIPLIER_ENERGY, FRONT)
        .point().id());
    // Same accuracy 0.899 under max-energy: the lower energy (0.4, id 9) wins over id 8.
    List<EvaluatedPoint> g = List.of(point(8, 0.9, 0.899, 0.5, 0.5), point(9, 0.9, 0.899, 0.4, 0.4));
    assertEquals(9, FrontPicker.pick(g, null, Constraint.maxEnergy(1), Metric.MULTIPLIER_ENERGY, FRONT)
        .point().id());
  }

  @Test
  void dropIsMeasuredAtTheFidelityBothPointsHave() {
    // Only screening accuracies: p 0.900 vs exact screening 0.905 -> drop 0.5 points; a final-fidelity reading
    // (exact 0.900) would have said 0.0.
    EvaluatedPoint screeningOnly = point(11, 0.900, Double.NaN, 0.3, 0.5);
    Pick p = FrontPicker.pick(List.of(screeningOnly), EXACT, Constraint.maxAccuracyDrop(0.5),
        Metric.MULTIPLIER_ENERGY, FRONT);
    assertEquals("screening", p.fidelity());
    assertEquals(0.5, p.drop(), 1e-9);
    assertThrows(BadInputException.class, () -> FrontPicker.pick(List.of(screeningOnly), EXACT,
        Constraint.maxAccuracyDrop(0.4), Metric.MULTIPLIER_ENERGY, FRONT));
  }

  @Test
  void noQualifyingPointIsOneLineNamingTheBestAvailable() {
    // Best drop is p1 with 0.1 points; a bound of 0.05 admits nothing.
    BadInputException e = assertThrows(BadInputException.class, () -> FrontPicker.pick(FRONT_POINTS, EXACT,
        Constraint.maxAccuracyDrop(0.05), Metric.MULTIPLIER_ENERGY, FRONT));
    assertEquals("no front point is within 0.05 points of the exact accuracy; the best available is point 1, "
        + "0.10 points below exact (89.90% vs 90.00%, final) at multiplier_energy 0.9000", e.getMessage());
    // Least energy is p5 with 0.2; a bound of 0.1 admits nothing.
    e = assertThrows(BadInputException.class, () -> FrontPicker.pick(FRONT_POINTS, EXACT,
        Constraint.maxEnergy(0.1), Metric.MULTIPLIER_ENERGY, FRONT));
    assertEquals("no front point has multiplier_energy <= 0.1; the best available is point 5 at 0.2000 "
        + "(accuracy 85.00%, final)", e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1);
    e = assertThrows(BadInputException.class, () -> FrontPicker.pick(FRONT_POINTS, null,
        Constraint.maxAccuracyDrop(1), Metric.MULTIPLIER_ENERGY, FRONT));
    assertTrue(e.getMessage().startsWith("run/front.json: the run has no all-exact point"), e.getMessage());
  }

  @Test
  void exactPointIsFoundAndFinalFidelityPreferred() {
    EvaluatedPoint screeningExact = EvaluatedPoint.ofLayers(20, 0, new int[] {0, 0}, List.of("exact", "exact"),
        0.9, Double.NaN, 1, 1, Double.NaN, 1);
    List<EvaluatedPoint> all = List.of(FRONT_POINTS.get(0), screeningExact, EXACT);
    assertEquals(0, FrontPicker.exactPoint(all, "exact").id());
    assertEquals(20, FrontPicker.exactPoint(List.of(screeningExact, FRONT_POINTS.get(1)), "exact").id());
    assertNull(FrontPicker.exactPoint(FRONT_POINTS, "exact"));
  }
}
