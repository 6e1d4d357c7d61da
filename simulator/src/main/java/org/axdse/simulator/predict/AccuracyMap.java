package org.axdse.simulator.predict;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The map from an assignment's modelled noise to top-1: the noise figure {@code x = log10(variancePart +
 * balance * meanPart + 1e-9)} through a strictly decreasing {@link LogisticMap}. The measured sensitivities put a channel's mean error
 * and its variance on one scale (logit noise), but a constant offset moves fewer decisions than noise of the same
 * logit power, so {@code balance} is fitted too: of {@link #BALANCES}, the one whose figure ranks the fitted
 * points best (most negative Spearman rho with top-1; ties to the smaller balance).
 */
public final class AccuracyMap {
  /** The mean-error balances tried. */
  static final double[] BALANCES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1};
  private static final double FLOOR = 1e-9;

  private final double balance;
  private final LogisticMap map;

  private AccuracyMap(double balance, LogisticMap map) {
    this.balance = balance;
    this.map = map;
  }

  /** Fits the balance and the monotone map on points (variance part, mean part, top-1 fraction). */
  public static AccuracyMap fit(double[] variancePart, double[] meanPart, double[] top1) {
    return fit(variancePart, meanPart, top1, null);
  }

  /** As {@link #fit(double[], double[], double[])}, the logistic between the ends {@code range} (null: the points'). */
  public static AccuracyMap fit(double[] variancePart, double[] meanPart, double[] top1, TopOneRange range) {
    double best = BALANCES[BALANCES.length - 1];
    double bestRho = Double.POSITIVE_INFINITY;
    if (top1.length >= 3) {
      for (double b : BALANCES) {
        double rho = new SpearmansCorrelation().correlation(figures(variancePart, meanPart, b), top1);
        if (rho < bestRho - 1e-12) {
          bestRho = rho;
          best = b;
        }
      }
    }
    return new AccuracyMap(best, LogisticMap.fit(figures(variancePart, meanPart, best), top1, range));
  }

  /** The predicted top-1 of an assignment with these noise parts. */
  public double apply(double variancePart, double meanPart) {
    return map.apply(figure(variancePart, meanPart, balance));
  }

  public double balance() {
    return balance;
  }

  static double figure(double variancePart, double meanPart, double balance) {
    return Math.log10(variancePart + balance * meanPart + FLOOR);
  }

  private static double[] figures(double[] v, double[] m, double balance) {
    double[] x = new double[v.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = figure(v[i], m[i], balance);
    }
    return x;
  }
}
