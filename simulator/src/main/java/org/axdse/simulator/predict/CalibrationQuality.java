package org.axdse.simulator.predict;

import org.axdse.multipliers.util.FitQuality;

/**
 * How far a fitted accuracy map can be trusted: the number of simulated points it was fitted on and, each point
 * held back in turn (leave-one-out: the map refitted on the others predicts it), the Spearman rank correlation
 * of held-back predictions and simulated top-1, their coefficient of determination
 * {@code R^2 = 1 - SS_res / SS_tot} and their mean absolute error in top-1 points (percent). NaN where fewer
 * than three points make a figure meaningless.
 */
public record CalibrationQuality(int points, double spearman, double rSquared, double meanAbsoluteError) {
  public CalibrationQuality {
    if (points < 0) {
      throw new IllegalArgumentException("points " + points);
    }
  }

  /**
   * Leave-one-out quality of {@link AccuracyMap#fit} on points (variance part, mean part, top-1 fraction): each
   * held-back point is predicted by a map fitted on the others alone.
   */
  public static CalibrationQuality leaveOneOut(double[] variancePart, double[] meanPart, double[] top1) {
    return leaveOneOut(variancePart, meanPart, top1, null);
  }

  /** As {@link #leaveOneOut(double[], double[], double[])}, every map between the ends {@code range}. */
  public static CalibrationQuality leaveOneOut(double[] variancePart, double[] meanPart, double[] top1,
      TopOneRange range) {
    int n = top1.length;
    if (n < 3) {
      return new CalibrationQuality(n, Double.NaN, Double.NaN, Double.NaN);
    }
    return of(heldBack(variancePart, meanPart, top1, range), top1);
  }

  /**
   * Each point's held-back prediction: {@link AccuracyMap#fit} on the other points alone applied to it (at least
   * three points).
   */
  public static double[] heldBack(double[] variancePart, double[] meanPart, double[] top1) {
    return heldBack(variancePart, meanPart, top1, null);
  }

  /** As {@link #heldBack(double[], double[], double[])}, every map between the ends {@code range}. */
  public static double[] heldBack(double[] variancePart, double[] meanPart, double[] top1, TopOneRange range) {
    int n = top1.length;
    if (n < 3) {
      throw new IllegalArgumentException(n + " points");
    }
    double[] held = new double[n];
    for (int i = 0; i < n; i++) {
      double[] v = new double[n - 1];
      double[] m = new double[n - 1];
      double[] y = new double[n - 1];
      for (int j = 0, k = 0; j < n; j++) {
        if (j != i) {
          v[k] = variancePart[j];
          m[k] = meanPart[j];
          y[k++] = top1[j];
        }
      }
      held[i] = AccuracyMap.fit(v, m, y, range).apply(variancePart[i], meanPart[i]);
    }
    return held;
  }

  /** The figures of {@code predicted} against {@code simulated} (both fractions), as for held-back points. */
  public static CalibrationQuality of(double[] predicted, double[] simulated) {
    FitQuality q = FitQuality.of(predicted, simulated);
    return new CalibrationQuality(q.points(), q.spearman(), q.rSquared(), q.meanAbsoluteError());
  }
}
