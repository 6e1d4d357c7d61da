package org.axdse.explorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.axdse.results.pareto.ParetoArchive;
import org.axdse.results.run.EvaluatedPoint;
import org.junit.jupiter.api.Test;

class FinalCandidatesTest {
  /** Objectives accuracy and multiplier energy, constraint: at most 2 points below 0.90. */
  private static final Scorer SCORER = new Scorer(null, ObjectiveSet.parse("accuracy,energy", "multiplier"), 0.90, 2);

  private static EvaluatedPoint point(int id, double accuracy, double energy) {
    return new EvaluatedPoint(id, 0, new int[] {id}, List.of("m" + id), List.of(), accuracy, Double.NaN, energy,
        Double.NaN, Double.NaN, 1, Double.NaN, Double.NaN);
  }

  @Test
  void takesTheFeasiblePointsOutsideTheArchiveThatFallLeastShortOfIt() {
    EvaluatedPoint a1 = point(0, 0.91, 0.50);
    EvaluatedPoint a2 = point(1, 0.89, 0.30);
    List<EvaluatedPoint> archive = List.of(a1, a2);
    List<EvaluatedPoint> points = List.of(a1, a2,
        point(2, 0.905, 0.55), // 0.5 points short of a1
        point(3, 0.88, 0.35), // 1 short of a2 (a1 costs more)
        point(4, 0.885, 0.60), // 2.5 short of a1
        point(5, 0.885, 0.20), // cheaper than every archive point: no shortfall
        point(6, 0.87, 0.40), // infeasible (below 0.88)
        point(7, 0.884, 0.31)); // 0.6 short of a2
    List<Integer> ids = FinalCandidates.select(points, archive, SCORER, 4).stream().map(EvaluatedPoint::id).toList();
    assertEquals(List.of(5, 2, 7, 3), ids);
    assertEquals(List.of(5, 2), FinalCandidates.select(points, archive, SCORER, 2).stream().map(EvaluatedPoint::id)
        .toList());
    assertEquals(List.of(), FinalCandidates.select(points, archive, SCORER, 0));
    assertEquals(List.of(5, 2, 7, 3, 4), FinalCandidates.select(points, archive, SCORER, 100).stream()
        .map(EvaluatedPoint::id).toList(), "every feasible point outside the archive, and no more");
  }

  @Test
  void equalShortfallsGoToTheEarlierPoint() {
    List<EvaluatedPoint> archive = List.of(point(0, 0.91, 0.5));
    List<EvaluatedPoint> points = List.of(archive.get(0), point(3, 0.9, 0.6), point(1, 0.9, 0.6),
        point(2, 0.9, 0.6));
    assertEquals(List.of(1, 2), FinalCandidates.select(points, archive, SCORER, 2).stream()
        .map(EvaluatedPoint::id).toList());
  }

  @Test
  void shortfallIsWhatThePointNeedsToEnterTheArchive() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      List<EvaluatedPoint> pts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        pts.add(point(i, 0.88 + 0.02 * rnd.nextInt(4) / 3.0 + 0.001 * rnd.nextInt(5),
            0.1 * (1 + rnd.nextInt(8))));
      }
      ParetoArchive<EvaluatedPoint> kept = ParetoArchive.of(SCORER::minimization);
      kept.addAll(pts);
      List<EvaluatedPoint> archive = kept.elements();
      List<double[]> front = archive.stream().map(SCORER::minimization).toList();
      for (EvaluatedPoint p : pts) {
        if (archive.contains(p)) {
          continue;
        }
        double s = FinalCandidates.shortfall(SCORER.minimization(p), front);
        assertTrue(s >= 0);
        // with a little more accuracy than its shortfall, p is dominated by no archive point; with less, it is
        EvaluatedPoint raised = point(p.id(), p.screeningAccuracy() + s + 1e-9, p.multiplierEnergy());
        EvaluatedPoint short1 = point(p.id(), p.screeningAccuracy() + s - 1e-6, p.multiplierEnergy());
        assertTrue(archive.stream().noneMatch(q -> dominates(q, raised)), "shortfall " + s + " of " + p);
        if (s > 1e-6) {
          assertTrue(archive.stream().anyMatch(q -> dominates(q, short1)), "shortfall " + s + " of " + p);
        }
      }
      List<EvaluatedPoint> chosen = FinalCandidates.select(pts, archive, SCORER, 3);
      List<Double> shortfalls = chosen.stream().map(p -> FinalCandidates.shortfall(SCORER.minimization(p), front))
          .toList();
      assertEquals(shortfalls.stream().sorted(Comparator.naturalOrder()).toList(), shortfalls);
    }
  }

  private static boolean dominates(EvaluatedPoint q, EvaluatedPoint p) {
    boolean noWorse = q.screeningAccuracy() >= p.screeningAccuracy() && q.multiplierEnergy() <= p.multiplierEnergy();
    return noWorse && (q.screeningAccuracy() > p.screeningAccuracy() || q.multiplierEnergy() < p.multiplierEnergy());
  }
}
