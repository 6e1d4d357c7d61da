package org.axdse.explorer.search;

import java.util.List;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.ScreeningBar;
import org.axdse.results.run.EvaluatedPoint;

/**
 * The {@link ScreeningBar} of one generation: a candidate can enter the archive only when it is feasible
 * (screening accuracy at least the constraint's minimum) and no archive point is at least as good in every cost
 * objective with a higher screening accuracy. So the bar is the larger of the constraint's minimum and the highest
 * screening accuracy among the archive points whose costs are all at most the candidate's. Built from a copy of
 * the archive taken before the generation's evaluations.
 */
final class ArchiveBar implements ScreeningBar {
  private final Scorer scorer;
  private final List<double[]> archive;

  ArchiveBar(Scorer scorer, List<EvaluatedPoint> archive) {
    this.scorer = scorer;
    this.archive = archive.stream().map(scorer::minimization).toList();
  }

  @Override
  public double required(int[] genome, CandidateResult costs) {
    double[] c = scorer.minimization(scorer.point(0, 0, genome, costs));
    return Math.max(scorer.minimumAccuracy(), bestNoDearer(archive, c));
  }

  /**
   * The highest accuracy among the {@code archive} vectors (minimisation form: index 0 the negated accuracy, the
   * rest costs) that are no dearer than {@code c} in every cost; negative infinity when there is none.
   */
  static double bestNoDearer(List<double[]> archive, double[] c) {
    double best = Double.NEGATIVE_INFINITY;
    for (double[] q : archive) {
      boolean noDearer = true;
      for (int k = 1; k < q.length && noDearer; k++) {
        noDearer = q[k] <= c[k];
      }
      if (noDearer) {
        best = Math.max(best, -q[0]);
      }
    }
    return best;
  }
}
