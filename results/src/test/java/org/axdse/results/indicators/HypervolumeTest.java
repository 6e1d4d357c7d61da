package org.axdse.results.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  /**
   * Exact brute force: with integer coordinates in [0, r) and the reference point at r in every objective, the
   * dominated region is a union of unit cells, and the cell with lower corner c is dominated exactly when some
   * point p has p <= c in every objective. Counting those cells gives the hypervolume exactly; Monte-Carlo
   * sampling would only approximate it and could not catch an off-by-a-little error.
   */
  private static long bruteForce(double[][] front, int r, int d) {
    long count = 0;
    int cells = (int) Math.pow(r, d);
    int[] c = new int[d];
    for (int index = 0; index < cells; index++) {
      int rest = index;
      for (int k = 0; k < d; k++) {
        c[k] = rest % r;
        rest /= r;
      }
      for (double[] p : front) {
        boolean covers = true;
        for (int k = 0; k < d && covers; k++) {
          covers = p[k] <= c[k];
        }
        if (covers) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  private static double[][] randomFront(Random rnd, int n, int d, int r) {
    double[][] pts = new double[n][d];
    for (double[] p : pts) {
      for (int k = 0; k < d; k++) {
        p[k] = rnd.nextInt(r + 2);
      }
    }
    return pts;
  }

  @Test
  void matchesExactGridCountOnRandomFronts() {
    Random rnd = new Random(2012);
    int[][] cases = {{2, 12, 30}, {3, 10, 25}, {4, 7, 20}};
    for (int[] c : cases) {
      int d = c[0];
      int r = c[1];
      for (int trial = 0; trial < c[2]; trial++) {
        // Coordinates up to r + 1 put some points on or beyond the reference, which must add nothing.
        double[][] front = randomFront(rnd, 1 + rnd.nextInt(15), d, r);
        double[] ref = new double[d];
        java.util.Arrays.fill(ref, r);
        assertEquals(bruteForce(front, r, d), Hypervolume.of(ref).compute(front), 1e-9,
            "d=" + d + " trial " + trial);
      }
    }
  }

  @Test
  void twoDimensionalHandExample() {
    // Staircase (1,3), (2,2), (3,1) with reference (4,4): slabs 3*1 + 2*1 + 1*1 = 6.
    double[][] front = {{3, 1}, {1, 3}, {2, 2}};
    assertEquals(6.0, Hypervolume.of(4, 4).compute(front), 1e-12);
  }

  @Test
  void singlePointIsABox() {
    // (6-1)*(6-2)*(6-3) = 60, as in jMetal's WFGHypervolumeTest.
    assertEquals(60.0, Hypervolume.of(6, 6, 6).compute(new double[][] {{1, 2, 3}}), 1e-12);
  }

  @Test
  void duplicatesAndDominatedPointsAddNothing() {
    double[][] one = {{1, 2, 3, 1}};
    double[][] many = {{1, 2, 3, 1}, {1, 2, 3, 1}, {2, 2, 3, 1}, {1, 5, 5, 5}};
    Hypervolume hv = Hypervolume.of(5, 5, 5, 5);
    // 4 * 3 * 2 * 4 = 96
    assertEquals(96.0, hv.compute(one), 1e-12);
    assertEquals(96.0, hv.compute(many), 1e-12);
  }

  @Test
  void emptyFrontHasZeroVolumeAndBadDimensionsAreRejected() {
    assertEquals(0.0, Hypervolume.of(1, 1).compute(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(1, 1).compute(new double[][] {{0, 0, 0}}));
    assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(1, Double.NaN));
  }

  @Test
  void largerFourObjectiveFrontIsInvariantUnderPermutation() {
    // 150 points on the simplex are mutually non-dominated; the volume cannot depend on their order.
    Random rnd = new Random(5);
    double[][] front = new double[150][4];
    for (double[] p : front) {
      double s = 0;
      for (int k = 0; k < 4; k++) {
        p[k] = rnd.nextDouble();
        s += p[k];
      }
      for (int k = 0; k < 4; k++) {
        p[k] /= s;
      }
    }
    Hypervolume hv = Hypervolume.of(1.1, 1.1, 1.1, 1.1);
    double a = hv.compute(front);
    java.util.Collections.shuffle(java.util.Arrays.asList(front), rnd);
    assertEquals(a, hv.compute(front), 1e-12);
    // The simplex front dominates at least the box of its best point and at most the whole reference box.
    assertEquals(true, a > 0 && a < Math.pow(1.1, 4));
  }
}
