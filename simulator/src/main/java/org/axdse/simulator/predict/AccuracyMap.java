package org.axdse.simulator.predict;

/**
 * The map from an assignment's modelled noise to top-1: the noise figure {@code x = log10(variancePart +
 * meanPart + 1e-9)} through a strictly decreasing {@link LogisticMap}. The measured sensitivities put a channel's
 * mean error and its variance on one scale (logit noise), so the two parts are added as they are. (Until session
 * 8 a balance {@code b < 1} on the mean part was fitted by rank; it made up for offset responses extrapolated
 * beyond the measured levels, and with the levels measured up to 100 it came out 1 on five of the six draw sets
 * it was checked on, so it is gone: one parameter fewer to fit on a few dozen points.)
 */
public final class AccuracyMap {
  private static final double FLOOR = 1e-9;

  private final LogisticMap map;

  private AccuracyMap(LogisticMap map) {
    this.map = map;
  }

  /** Fits the monotone map on points (variance part, mean part, top-1 fraction), ends from the points. */
  public static AccuracyMap fit(double[] variancePart, double[] meanPart, double[] top1) {
    return fit(variancePart, meanPart, top1, null);
  }

  /** As {@link #fit(double[], double[], double[])}, the logistic between the ends {@code range} (null: the points'). */
  public static AccuracyMap fit(double[] variancePart, double[] meanPart, double[] top1, TopOneRange range) {
    if (variancePart.length != top1.length || meanPart.length != top1.length) {
      throw new IllegalArgumentException(variancePart.length + " variance parts, " + meanPart.length
          + " mean parts, " + top1.length + " top-1 values");
    }
    double[] x = new double[top1.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = figure(variancePart[i], meanPart[i]);
    }
    return new AccuracyMap(LogisticMap.fit(x, top1, range));
  }

  /** The predicted top-1 of an assignment with these noise parts. */
  public double apply(double variancePart, double meanPart) {
    return map.apply(figure(variancePart, meanPart));
  }

  static double figure(double variancePart, double meanPart) {
    return Math.log10(variancePart + meanPart + FLOOR);
  }
}
