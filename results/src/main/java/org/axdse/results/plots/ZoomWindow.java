package org.axdse.results.plots;

import java.util.ArrayList;
import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;

/**
 * The axis ranges (display units) of a zoomed Pareto plot: accuracy from {@link #POINTS} percentage points below
 * the exact network's (or, without an exact point, the best point's) up to the best accuracy, and the energies of
 * the points in that band. This is the region where users choose a configuration.
 */
public record ZoomWindow(double xLow, double xHigh, double yLow, double yHigh) {
  /** How far below the exact accuracy the zoomed view reaches, in percentage points. */
  public static final double POINTS = 3;
  /** Space added around the points, as a fraction of each range. */
  static final double MARGIN = 0.06;

  public ZoomWindow {
    if (!(xLow < xHigh && yLow < yHigh)) {
      throw new IllegalArgumentException("empty zoom window: x " + xLow + ".." + xHigh + ", y " + yLow + ".."
          + yHigh);
    }
  }

  /**
   * The window of {@code run} on accuracy metric {@code y} against {@code x}, or null when fewer than two points
   * (evaluated, baseline or exact) fall in the band, so that a zoomed view would show nothing new.
   */
  public static ZoomWindow of(Run run, Metric x, Metric y) {
    List<EvaluatedPoint> all = new ArrayList<>(run.points());
    run.baselines().forEach(b -> all.addAll(b.points()));
    EvaluatedPoint exact = ParetoScatterPlot.exactPoint(run);
    double best = all.stream().mapToDouble(y::displayValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    double reference = exact != null && !Double.isNaN(y.displayValue(exact)) ? y.displayValue(exact) : best;
    if (Double.isNaN(reference)) {
      return null;
    }
    double floor = reference - POINTS;
    List<EvaluatedPoint> band = all.stream()
        .filter(p -> y.displayValue(p) >= floor && !Double.isNaN(x.displayValue(p))).toList();
    if (band.size() < 2) {
      return null;
    }
    double xMin = band.stream().mapToDouble(x::displayValue).min().orElseThrow();
    double xMax = band.stream().mapToDouble(x::displayValue).max().orElseThrow();
    double xPad = Math.max(xMax - xMin, 0.02) * MARGIN;
    double top = Math.max(best, reference);
    double yPad = (top - floor) * MARGIN;
    return new ZoomWindow(xMin - xPad, xMax + xPad, floor - yPad, top + yPad);
  }
}
