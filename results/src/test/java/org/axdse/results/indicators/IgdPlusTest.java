package org.axdse.results.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IgdPlusTest {
  private static final double[][] REFERENCE = {{0, 1}, {1, 0}};

  @Test
  void handExampleCountsOnlyTheWorseObjectives() {
    // a = (1, 1): for z = (0, 1) only x is worse, by 1; for z = (1, 0) only y, by 1. Mean = 1.
    // (Plain IGD would give sqrt(1^2 + 0^2) = 1 here too, so also check a point that beats z somewhere.)
    assertEquals(1.0, IgdPlus.of(REFERENCE).compute(new double[][] {{1, 1}}), 1e-12);
    // a = (0.5, 0.5): worse than (0, 1) only in x by 0.5, than (1, 0) only in y by 0.5 -> mean 0.5, whereas
    // plain IGD would be sqrt(0.5^2 + 0.5^2) = 0.707.
    assertEquals(0.5, IgdPlus.of(REFERENCE).compute(new double[][] {{0.5, 0.5}}), 1e-12);
  }

  @Test
  void frontThatWeaklyDominatesTheReferenceScoresZero() {
    assertEquals(0.0, IgdPlus.of(REFERENCE).compute(new double[][] {{0, 0}}), 1e-12);
    assertEquals(0.0, IgdPlus.of(REFERENCE).compute(new double[][] {{0, 1}, {1, 0}}), 1e-12);
  }

  @Test
  void nearestPointIsTakenPerReferencePoint() {
    // z = (0, 1) is matched by (0, 2) at distance 1; z = (1, 0) by (3, 0) at distance 2. Mean = 1.5.
    assertEquals(1.5, IgdPlus.of(REFERENCE).compute(new double[][] {{0, 2}, {3, 0}}), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, IgdPlus.of(REFERENCE).compute(new double[0][]));
  }
}
