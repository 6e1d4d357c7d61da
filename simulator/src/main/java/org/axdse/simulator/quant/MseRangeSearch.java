package org.axdse.simulator.quant;

import java.util.function.DoubleUnaryOperator;

/**
 * Finds the MSE-optimal clipping range. One side at a time is a 1-D search over the clip point {@code t} in
 * {@code (0, extent]}: the expected MSE is evaluated at 1,024 evenly spaced points and at 160 geometric points
 * {@code extent * 2^(-k/8)} down to {@code extent * 2^-20} (for long tails), then refined by golden-section search
 * between the neighbours of the best point; the best point evaluated wins. Symmetric schemes search the
 * threshold {@code T}; asymmetric ones search the upper and lower clip points by coordinate descent from the full
 * range, alternating until a round no longer improves (at most 8 rounds).
 */
final class MseRangeSearch {
  static final int LINEAR_POINTS = 1024;
  static final int GEOMETRIC_POINTS = 160;
  static final int GOLDEN_STEPS = 40;
  static final int MAX_ROUNDS = 8;

  private MseRangeSearch() {}

  static CalibrationRange search(ActivationHistogram h, QuantScheme scheme, int bits) {
    QuantizationError error = QuantizationError.of(h);
    double lo = Math.min(h.min(), 0);
    double hi = Math.max(h.max(), 0);
    if (scheme == QuantScheme.SYMMETRIC) {
      double extent = Math.max(-lo, hi);
      if (extent == 0) {
        return new CalibrationRange(0, 0);
      }
      double t = minimize(x -> error.mse(QuantParams.symmetric(x, bits)), extent);
      return new CalibrationRange(-t, t);
    }
    double bestLo = lo;
    double bestHi = hi;
    double best = error.mse(scheme.params(bestLo, bestHi, bits));
    for (int round = 0; round < MAX_ROUNDS; round++) {
      double before = best;
      if (hi > 0) {
        double fixedLo = bestLo;
        double t = minimize(x -> error.mse(scheme.params(fixedLo, x, bits)), hi);
        double m = error.mse(scheme.params(fixedLo, t, bits));
        if (m < best) {
          best = m;
          bestHi = t;
        }
      }
      if (lo < 0) {
        double fixedHi = bestHi;
        double t = minimize(x -> error.mse(scheme.params(-x, fixedHi, bits)), -lo);
        double m = error.mse(scheme.params(-t, fixedHi, bits));
        if (m < best) {
          best = m;
          bestLo = -t;
        }
      }
      if (!(best < before)) {
        break;
      }
    }
    return new CalibrationRange(bestLo, bestHi);
  }

  /** The best {@code t} in {@code (0, extent]} found for {@code f}. */
  static double minimize(DoubleUnaryOperator f, double extent) {
    int n = LINEAR_POINTS + GEOMETRIC_POINTS;
    double[] ts = new double[n];
    for (int j = 0; j < LINEAR_POINTS; j++) {
      ts[j] = extent * (j + 1) / LINEAR_POINTS;
    }
    for (int k = 0; k < GEOMETRIC_POINTS; k++) {
      ts[LINEAR_POINTS + k] = extent * StrictMath.pow(2, -(k + 1) / 8.0);
    }
    java.util.Arrays.sort(ts);
    int bestIndex = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      double v = f.applyAsDouble(ts[j]);
      if (v < best) {
        best = v;
        bestIndex = j;
      }
    }
    double bestT = ts[bestIndex];
    double a = bestIndex > 0 ? ts[bestIndex - 1] : ts[0] / 2;
    double b = bestIndex < n - 1 ? ts[bestIndex + 1] : ts[n - 1];
    double g = (Math.sqrt(5) - 1) / 2;
    double x1 = b - g * (b - a);
    double x2 = a + g * (b - a);
    double f1 = f.applyAsDouble(x1);
    double f2 = f.applyAsDouble(x2);
    for (int step = 0; step < GOLDEN_STEPS; step++) {
      if (f1 < best) {
        best = f1;
        bestT = x1;
      }
      if (f2 < best) {
        best = f2;
        bestT = x2;
      }
      if (f1 <= f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - g * (b - a);
        f1 = f.applyAsDouble(x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (b - a);
        f2 = f.applyAsDouble(x2);
      }
    }
    if (f1 < best) {
      best = f1;
      bestT = x1;
    }
    return f2 < best ? x2 : bestT;
  }
}
