package org.axdse.results.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  private static EvaluatedPoint point(double acc, double energy, int types) {
    return EvaluatedPoint.ofLayers(0, 0, new int[] {0}, List.of("exact"), acc, Double.NaN, energy, 1, 1, types);
  }

  @Test
  void convertsToErrorRateRelativeEnergyAndTypesOverLibrarySize() {
    Normalization n = Normalization.standard(SyntheticRun.config(1));
    // accuracy 0.9 -> error 0.1; energy unchanged; 2 types of a library of 5 -> 0.4.
    assertArrayEquals(new double[] {0.1, 0.6, 0.4}, n.normalise(point(0.9, 0.6, 2)), 1e-12);
    assertArrayEquals(new double[] {1.0, 1.1, 1.1}, n.referencePoint());
  }

  @Test
  void hypervolumeOfTheExactPointIsItsSlab() {
    Normalization n = Normalization.standard(SyntheticRun.config(1));
    // exact: accuracy 0.9, energy 1, 1 type of 5: (1 - 0.1) * (1.1 - 1) * (1.1 - 0.2) = 0.9 * 0.1 * 0.9.
    assertEquals(0.9 * 0.1 * 0.9, n.hypervolume(List.of(point(0.9, 1.0, 1))), 1e-12);
  }

  @Test
  void unevaluatedObjectiveLeavesThePointOut() {
    Normalization n = new Normalization(List.of(Metric.FINAL_ACCURACY, Metric.MULTIPLIER_ENERGY), 1);
    assertNull(n.normalise(point(0.9, 0.5, 1)));
    assertEquals(0.0, n.hypervolume(List.of(point(0.9, 0.5, 1))));
  }

  @Test
  void igdPlusOfAFrontAgainstItselfIsZero() {
    Run run = SyntheticRun.run(4);
    assertEquals(0.0, run.normalization().igdPlus(run.front(), run.front()), 1e-12);
    // All points contain the front, so their IGD+ against it is also 0; a single uniform point is worse.
    assertEquals(0.0, run.normalization().igdPlus(run.points(), run.front()), 1e-12);
    double uniform = run.normalization().igdPlus(List.of(run.baseline("uniform").points().get(0)), run.front());
    assertEquals(true, uniform > 0);
  }
}
