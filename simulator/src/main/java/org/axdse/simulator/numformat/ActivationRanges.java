package org.axdse.simulator.numformat;

import org.axdse.simulator.quant.ActivationHistogram;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.CalibrationRange;
import org.axdse.simulator.quant.RangeSelector;

/**
 * The activation {@code amax} of a float-format layer from its calibration histogram (the integer path's
 * {@link ActivationHistogram}): {@code minmax} the largest magnitude seen, {@code percentile} the larger end of
 * the 99.99% range ({@link RangeSelector#percentile}), {@code mse} the clip point that minimises the expected
 * squared rounding error of the float grid over the histogram (bin centres weighted by their counts; candidates
 * {@code amax * 2^(-j/16)}, {@code j = 0..127}).
 */
final class ActivationRanges {
  static final double PERCENTILE = 99.99;
  private static final int CANDIDATES = 128;

  private ActivationRanges() {}

  static double amax(ActivationHistogram h, CalibrationMethod method, FormatGrid grid) {
    if (h.count() == 0) {
      return 0;
    }
    double full = Math.max(Math.abs(h.min()), Math.abs(h.max()));
    return switch (method) {
      case MINMAX -> full;
      case PERCENTILE -> {
        CalibrationRange r = RangeSelector.percentile(PERCENTILE).select(h);
        yield Math.max(Math.abs(r.min()), Math.abs(r.max()));
      }
      case MSE -> mse(h, full, grid);
    };
  }

  /**
   * The MSE clip point of the weights {@code w[from .. from + n)} ({@code --weight-calib mse}): the activation
   * search above over their histogram.
   */
  static double weightAmax(float[] w, int from, int n, FormatGrid grid) {
    ActivationHistogram h = new ActivationHistogram();
    h.add(w, from, n);
    return amax(h, CalibrationMethod.MSE, grid);
  }

  private static double mse(ActivationHistogram h, double full, FormatGrid grid) {
    double best = full;
    double bestError = Double.POSITIVE_INFINITY;
    for (int j = 0; j < CANDIDATES && full > 0; j++) {
      double t = full * StrictMath.pow(2, -j / 16.0);
      double scale = t / grid.maxFinite();
      double error = 0;
      for (int b = 0; b < h.bins(); b++) {
        long n = h.binCount(b);
        if (n > 0) {
          double x = Math.max(h.min(), Math.min(h.max(), h.binLow(b) + h.binWidth() / 2));
          double e = x - scale * grid.nearest(x / scale);
          error += n * e * e;
        }
      }
      if (error < bestError) {
        bestError = error;
        best = t;
      }
    }
    return best;
  }
}
