package org.axdse.results.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonDominatedSortingTest {

  /** Small integer coordinates make ties and duplicates common, the cases a fast sort gets wrong. */
  private static double[][] randomPoints(long seed, int n, int m, int range) {
    Random rnd = new Random(seed);
    double[][] pts = new double[n][m];
    for (double[] p : pts) {
      for (int k = 0; k < m; k++) {
        p[k] = rnd.nextInt(range);
      }
    }
    return pts;
  }

  /** Brute force: peel off the non-dominated set of what is left, O(n^2) per front. */
  private static int[] bruteRanks(double[][] pts) {
    int[] rank = new int[pts.length];
    Arrays.fill(rank, -1);
    int assigned = 0;
    for (int front = 0; assigned < pts.length; front++) {
      List<Integer> now = new ArrayList<>();
      for (int i = 0; i < pts.length; i++) {
        if (rank[i] >= 0) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < pts.length; j++) {
          if (j != i && rank[j] < 0 && Dominance.dominates(pts[j], pts[i])) {
            dominated = true;
          }
        }
        if (!dominated) {
          now.add(i);
        }
      }
      for (int i : now) {
        rank[i] = front;
      }
      assigned += now.size();
    }
    return rank;
  }

  @Test
  void ranksMatchBruteForceOn500RandomPoints() {
    for (int m = 2; m <= 4; m++) {
      double[][] pts = randomPoints(42 + m, 500, m, 20);
      int[] expected = bruteRanks(pts);
      assertArrayEquals(expected, NonDominatedSorting.ranks(pts), "objectives: " + m);
      assertTrue(Arrays.stream(expected).max().orElse(0) > 2, "the data should have several fronts");
    }
  }

  @Test
  void frontsPartitionThePointsByRank() {
    double[][] pts = randomPoints(7, 200, 3, 10);
    int[] rank = NonDominatedSorting.ranks(pts);
    List<int[]> fronts = NonDominatedSorting.fronts(pts);
    int total = 0;
    for (int f = 0; f < fronts.size(); f++) {
      for (int i : fronts.get(f)) {
        assertEquals(f, rank[i]);
      }
      total += fronts.get(f).length;
    }
    assertEquals(pts.length, total);
    assertArrayEquals(fronts.get(0), NonDominatedSorting.nonDominated(pts));
  }

  @Test
  void handExample() {
    // (1,1) dominates everything else; (2,3) and (3,2) are incomparable; (3,3) is dominated by both.
    double[][] pts = {{3, 3}, {2, 3}, {1, 1}, {3, 2}};
    assertArrayEquals(new int[] {2, 1, 0, 1}, NonDominatedSorting.ranks(pts));
  }

  @Test
  void archiveMatchesBruteForceNonDominatedSet() {
    double[][] pts = randomPoints(11, 500, 3, 15);
    ParetoArchive<Integer> archive = ParetoArchive.of(i -> pts[i]);
    for (int i = 0; i < pts.length; i++) {
      archive.add(i);
    }
    int[] fromArchive = archive.elements().stream().mapToInt(Integer::intValue).sorted().toArray();
    assertArrayEquals(NonDominatedSorting.nonDominated(pts), fromArchive);
  }

  @Test
  void archiveRejectsDominatedAndEvictsDominated() {
    ParetoArchive<double[]> a = ParetoArchive.of(v -> v);
    assertTrue(a.add(new double[] {2, 2}));
    assertEquals(false, a.add(new double[] {3, 3}));
    assertTrue(a.add(new double[] {1, 1}));
    assertEquals(1, a.size());
    assertTrue(a.add(new double[] {1, 1}), "an equal vector is not dominated, so it is kept");
    assertEquals(2, a.size());
  }

  @Test
  void objectiveSpaceNegatesMaximisedObjectives() {
    ObjectiveSpace s = ObjectiveSpace.of(Direction.MAXIMIZE, Direction.MINIMIZE);
    assertArrayEquals(new double[] {-0.9, 0.5}, s.toMinimization(new double[] {0.9, 0.5}));
    // higher accuracy at lower energy dominates
    assertTrue(s.dominates(new double[] {0.9, 0.5}, new double[] {0.8, 0.6}));
    assertEquals(false, s.dominates(new double[] {0.9, 0.7}, new double[] {0.8, 0.6}));
  }

  @Test
  void crowdingDistanceHandExample() {
    // Front on a line: x = 0, 1, 3, 4 with y = 4 - x. Ranges are 4 in both objectives.
    // Inner point x=1: neighbours x=0 and x=3 -> (3-0)/4 + (4-1)/4 = 1.5; x=3: (4-1)/4 * 2 = 1.5.
    double[][] front = {{0, 4}, {1, 3}, {3, 1}, {4, 0}};
    double[] d = CrowdingDistance.compute(front);
    assertEquals(Double.POSITIVE_INFINITY, d[0]);
    assertEquals(1.5, d[1], 1e-12);
    assertEquals(1.5, d[2], 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, d[3]);
  }
}
