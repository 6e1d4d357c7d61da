package org.axdse.results.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.axdse.results.pareto.Dominance;

/**
 * The exact hypervolume of a front: the Lebesgue measure of the region dominated by the front and bounded by a
 * reference point (Zitzler and Thiele 1998). Points that do not strictly dominate the reference point in every
 * objective add nothing. Two objectives use a sort-and-sweep in O(n log n); three or more use WFG (While,
 * Bradstreet and Barone, "A fast way of calculating exact hypervolumes", IEEE TEC 16(1), 2012), which sums the
 * exclusive hypervolume of each point, computed from the "limit set" of the points after it, down to the 2-D
 * sweep.
 */
public final class Hypervolume implements QualityIndicator {
  private final double[] reference;

  private Hypervolume(double[] reference) {
    this.reference = reference;
  }

  /** The indicator for the given reference point (minimisation form, finite). */
  public static Hypervolume of(double... reference) {
    if (reference.length == 0) {
      throw new IllegalArgumentException("the reference point needs at least one coordinate");
    }
    for (double r : reference) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("reference point coordinates must be finite: "
            + Arrays.toString(reference));
      }
    }
    return new Hypervolume(reference.clone());
  }

  public double[] reference() {
    return reference.clone();
  }

  @Override
  public String name() {
    return "HV";
  }

  @Override
  public double compute(double[][] front) {
    int d = reference.length;
    List<double[]> inside = new ArrayList<>();
    for (double[] p : front) {
      if (p.length != d) {
        throw new IllegalArgumentException(
            "point has " + p.length + " objectives, the reference point " + d);
      }
      if (strictlyBelow(p, reference)) {
        inside.add(p.clone());
      }
    }
    return wfg(nonDominated(inside), d);
  }

  private double wfg(List<double[]> points, int d) {
    if (points.isEmpty()) {
      return 0;
    }
    if (d == 1) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return reference[0] - best;
    }
    if (d == 2) {
      return sweep2d(points);
    }
    // Worst first in the last objective: limit sets then lose that objective, and are small (While et al. 2012).
    points.sort(Comparator.comparingDouble((double[] p) -> p[d - 1]).reversed());
    double sum = 0;
    for (int k = 0; k < points.size(); k++) {
      sum += exclusive(points, k, d);
    }
    return sum;
  }

  /**
   * The volume dominated by point {@code k} alone among the points after it. Because the points are sorted by the
   * last objective, worst first, every point of the limit set shares point k's last coordinate, so the
   * exclusive volume is a slab of that height times a (d-1)-objective exclusive volume.
   */
  private double exclusive(List<double[]> points, int k, int d) {
    double[] p = points.get(k);
    List<double[]> limit = new ArrayList<>(points.size() - k - 1);
    for (int j = k + 1; j < points.size(); j++) {
      double[] q = points.get(j);
      double[] worse = new double[d - 1];
      for (int i = 0; i < d - 1; i++) {
        worse[i] = Math.max(p[i], q[i]);
      }
      limit.add(worse);
    }
    double height = reference[d - 1] - p[d - 1];
    return height * (inclusive(Arrays.copyOf(p, d - 1)) - wfg(nonDominated(limit), d - 1));
  }

  private double inclusive(double[] p) {
    double v = 1;
    for (int i = 0; i < p.length; i++) {
      v *= reference[i] - p[i];
    }
    return v;
  }

  private double sweep2d(List<double[]> points) {
    double[][] sorted = points.toArray(new double[0][]);
    Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    double volume = 0;
    double previousY = reference[1];
    for (double[] p : sorted) {
      if (p[1] < previousY) {
        volume += (reference[0] - p[0]) * (previousY - p[1]);
        previousY = p[1];
      }
    }
    return volume;
  }

  /** The non-dominated points, one of each group of equal vectors. */
  private static List<double[]> nonDominated(List<double[]> points) {
    List<double[]> keep = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      boolean drop = false;
      for (int j = 0; j < points.size() && !drop; j++) {
        double[] q = points.get(j);
        drop = j != i && (Dominance.dominates(q, p) || (j < i && Arrays.equals(q, p)));
      }
      if (!drop) {
        keep.add(p);
      }
    }
    return keep;
  }

  private static boolean strictlyBelow(double[] p, double[] r) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] < r[i])) {
        return false;
      }
    }
    return true;
  }
}
