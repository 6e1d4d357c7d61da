package org.axdse.results.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axdse.results.pareto.NonDominatedSorting;
import org.axdse.results.pareto.ObjectiveSpace;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.jfree.data.xy.XYSeries;

/** Points projected on two metrics, in display units, and the 2-D non-dominated staircase through them. */
final class Projection {
  private Projection() {}

  /** A series of the points' display values, skipping points with either value not evaluated. */
  static XYSeries series(String key, List<EvaluatedPoint> points, Metric x, Metric y) {
    XYSeries s = new XYSeries(key, false, true);
    for (EvaluatedPoint p : points) {
      double vx = x.displayValue(p);
      double vy = y.displayValue(p);
      if (!Double.isNaN(vx) && !Double.isNaN(vy)) {
        s.add(vx, vy);
      }
    }
    return s;
  }

  /**
   * The points non-dominated in the (x, y) plane alone, sorted by x: drawn as a step line, it bounds the region
   * the set attains in that plane. A front of three or more objectives has points that are off this staircase.
   */
  static XYSeries staircase(String key, List<EvaluatedPoint> points, Metric x, Metric y) {
    ObjectiveSpace space = ObjectiveSpace.of(x.direction(), y.direction());
    List<double[]> natural = new ArrayList<>();
    for (EvaluatedPoint p : points) {
      double vx = x.displayValue(p);
      double vy = y.displayValue(p);
      if (!Double.isNaN(vx) && !Double.isNaN(vy)) {
        natural.add(new double[] {vx, vy});
      }
    }
    double[][] min = space.toMinimization(natural.toArray(new double[0][]));
    List<double[]> keep = new ArrayList<>();
    for (int i : NonDominatedSorting.nonDominated(min)) {
      keep.add(natural.get(i));
    }
    keep.sort(Comparator.comparingDouble((double[] v) -> v[0]).thenComparingDouble(v -> v[1]));
    XYSeries s = new XYSeries(key, false, true);
    for (double[] v : keep) {
      s.add(v[0], v[1]);
    }
    return s;
  }
}
