package org.axdse.multipliers.util;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well predictions match what was measured: the number of points, the Spearman rank correlation, the
 * coefficient of determination of the predictions themselves ({@code R^2 = 1 - SS_res / SS_tot}, not of a fitted
 * line) and the mean absolute error in points (percent; the inputs are fractions). NaN where a figure is undefined
 * (fewer than three points for rho, no spread for R^2, no points for the error). Shared by the accuracy
 * predictor's calibration quality (simulator) and the report's surrogate section (results).
 */
public record FitQuality(int points, double spearman, double rSquared, double meanAbsoluteError) {
  public FitQuality {
    if (points < 0) {
      throw new IllegalArgumentException("points " + points);
    }
  }

  /** The figures of {@code predicted} against {@code measured} (both fractions, same length). */
  public static FitQuality of(double[] predicted, double[] measured) {
    if (predicted.length != measured.length) {
      throw new IllegalArgumentException(predicted.length + " predictions for " + measured.length + " points");
    }
    int n = predicted.length;
    double mean = 0;
    for (double v : measured) {
      mean += v / n;
    }
    double res = 0;
    double tot = 0;
    double abs = 0;
    for (int i = 0; i < n; i++) {
      res += (measured[i] - predicted[i]) * (measured[i] - predicted[i]);
      tot += (measured[i] - mean) * (measured[i] - mean);
      abs += Math.abs(measured[i] - predicted[i]);
    }
    double rho = n < 3 ? Double.NaN : new SpearmansCorrelation().correlation(predicted, measured);
    return new FitQuality(n, rho, tot == 0 ? Double.NaN : 1 - res / tot, n == 0 ? Double.NaN : 100 * abs / n);
  }
}
