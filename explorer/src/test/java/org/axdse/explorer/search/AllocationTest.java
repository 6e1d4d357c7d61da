package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Allocation} against brute force over every assignment of small random problems. */
class AllocationTest {
  private static List<List<Allocation.Option>> problem(SplittableRandom r, int layers) {
    List<List<Allocation.Option>> out = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      int n = 1 + r.nextInt(5);
      List<Allocation.Option> o = new ArrayList<>();
      o.add(new Allocation.Option(0, 0, 0)); // the exact design
      for (int i = 1; i < n; i++) {
        // coarse values, so ties in loss, saving and slope occur
        o.add(new Allocation.Option(i, r.nextInt(6) / 10.0, r.nextInt(5) == 0 ? 0 : r.nextInt(8) / 2.0));
      }
      out.add(o);
    }
    return out;
  }

  /** The largest {@code saving - lambda * loss} over every assignment. */
  private static double bruteForce(List<List<Allocation.Option>> p, double lambda) {
    double best = 0;
    for (List<Allocation.Option> layer : p) {
      best += layer.stream().mapToDouble(o -> o.saving() - lambda * o.loss()).max().orElseThrow();
    }
    return best;
  }

  @Test
  void everyLambdaIsServedByAStateOfThePath() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      List<List<Allocation.Option>> p = problem(r, 1 + r.nextInt(5));
      List<Allocation.State> path = Allocation.path(p);
      for (double lambda : new double[] {0, 1e-3, 0.01, 0.03, 0.05, 0.1, 0.2, 0.4, 1, 3, 100}) {
        double best = path.stream().mapToDouble(s -> s.saving() - lambda * s.loss()).max().orElseThrow();
        assertEquals(bruteForce(p, lambda), best, 1e-9, "trial " + trial + ", lambda " + lambda);
      }
      for (Allocation.State s : path) {
        double saving = 0;
        double loss = 0;
        for (int l = 0; l < p.size(); l++) {
          int c = s.choice()[l];
          Allocation.Option o = p.get(l).stream().filter(x -> x.index() == c).findFirst().orElseThrow();
          saving += o.saving();
          loss += o.loss();
        }
        assertEquals(saving, s.saving(), 1e-9);
        assertEquals(loss, s.loss(), 1e-9);
      }
      for (int k = 1; k < path.size(); k++) {
        assertTrue(path.get(k).loss() > path.get(k - 1).loss(), "each step adds loss");
        assertTrue(path.get(k).saving() > path.get(k - 1).saving(), "and saving");
      }
      double leastLoss = 0;
      for (List<Allocation.Option> layer : p) {
        leastLoss += layer.stream().mapToDouble(Allocation.Option::loss).min().orElseThrow();
      }
      assertEquals(leastLoss, path.get(0).loss(), 1e-9, "the path starts at the least loss");
      double mostSaving = 0;
      for (List<Allocation.Option> layer : p) {
        mostSaving += layer.stream().mapToDouble(Allocation.Option::saving).max().orElseThrow();
      }
      assertEquals(mostSaving, path.get(path.size() - 1).saving(), 1e-9, "and ends at the most saving");
    }
  }

  @Test
  void theHullKeepsOnlyOptionsSomeLambdaChooses() {
    List<Allocation.Option> o = List.of(new Allocation.Option(0, 0, 0), new Allocation.Option(1, 0.5, 1),
        new Allocation.Option(2, 0.6, 3), new Allocation.Option(3, 0.9, 4), new Allocation.Option(4, 0.4, 2),
        new Allocation.Option(5, 0.5, 1.5));
    // (3, 0.6) lies below the chord from (1, 0.5) to (4, 0.9); (2, 0.4) and (1.5, 0.5) are dominated
    assertEquals(List.of(0, 1, 3), Allocation.hull(o).stream().map(Allocation.Option::index).toList());
    List<Allocation.Option> zeroLoss = List.of(new Allocation.Option(0, 0, 0), new Allocation.Option(1, 0.2, 0));
    assertEquals(List.of(1), Allocation.hull(zeroLoss).stream().map(Allocation.Option::index).toList(),
        "a design that costs no loss is taken from the start");
  }

  @Test
  void spreadTakesTheFirstStateThenGeometricLosses() {
    SplittableRandom r = new SplittableRandom(5);
    List<List<Allocation.Option>> p = problem(r, 12);
    List<Allocation.State> path = Allocation.path(p);
    for (int count : new int[] {1, 2, 5, 16, 400}) {
      List<Allocation.State> s = Allocation.spread(path, count);
      assertTrue(s.size() <= count && !s.isEmpty());
      assertEquals(path.get(0), s.get(0));
      for (int k = 1; k < s.size(); k++) {
        assertTrue(s.get(k).loss() > s.get(k - 1).loss(), "distinct, by rising loss");
      }
      if (count >= 2) {
        assertEquals(path.get(path.size() - 1), s.get(s.size() - 1), "the last state is the cheapest");
      }
    }
    List<Allocation.State> five = Allocation.spread(path, 5);
    double lo = path.stream().mapToDouble(Allocation.State::loss).filter(x -> x > 0).min().orElseThrow();
    double hi = path.get(path.size() - 1).loss();
    for (int i = 0; i < 4; i++) {
      double target = lo * Math.pow(hi / lo, i / 3.0);
      Allocation.State within = path.stream().filter(x -> x.loss() <= target * (1 + 1e-12)).reduce((a, b) -> b)
          .orElseThrow();
      assertTrue(five.contains(within), "the state of most saving within loss " + target);
    }
  }
}
