package org.axdse.explorer.search;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axdse.results.run.EvaluatedPoint;

/**
 * The points beside the archive that also get a final-fidelity evaluation ({@code --final-extra N}).
 *
 * <p>The archive holds the points that screened best. Among thousands of screened points, the ones that screened
 * best on a small subset are partly the ones that screened lucky: at final fidelity they fall back (the winner's
 * curse), and a front of only such points can miss the constraint altogether. A point that screened a little
 * worse at the same costs is about as likely to be truly good. So the final evaluation also takes the {@code n}
 * feasible points outside the archive that fall least short of it. The shortfall of a point p is the largest
 * amount by which the screening accuracy of an archive point that is no worse than p in every cost objective
 * exceeds p's: how much p would have had to screen better to enter the archive. Ties go to the earlier point, so
 * the choice is a function of the points and the archive alone.
 */
final class FinalCandidates {
  private FinalCandidates() {}

  /**
   * Up to {@code n} feasible points of {@code points} that are not in {@code archive}, least shortfall first.
   *
   * @param points every point the search screened, in id order
   * @param archive the screening archive
   */
  static List<EvaluatedPoint> select(List<EvaluatedPoint> points, List<EvaluatedPoint> archive, Scorer scorer,
      int n) {
    if (n == 0 || archive.isEmpty()) {
      return List.of();
    }
    Set<Integer> inArchive = new HashSet<>(archive.stream().map(EvaluatedPoint::id).toList());
    List<double[]> front = archive.stream().map(scorer::minimization).toList();
    record Ranked(EvaluatedPoint point, double shortfall) {}
    return points.stream()
        .filter(p -> !inArchive.contains(p.id()) && scorer.feasible(p))
        .map(p -> new Ranked(p, shortfall(scorer.minimization(p), front)))
        .sorted(Comparator.comparingDouble(Ranked::shortfall).thenComparingInt(r -> r.point().id()))
        .limit(n)
        .map(Ranked::point)
        .toList();
  }

  /**
   * The shortfall of a point's minimisation vector {@code p} (index 0: negated accuracy; the rest: costs) against
   * the archive's vectors: zero when no archive point is at most p's costs everywhere.
   */
  static double shortfall(double[] p, List<double[]> front) {
    return Math.max(0, ArchiveBar.bestNoDearer(front, p) + p[0]);
  }
}
