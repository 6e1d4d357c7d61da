package org.axdse.simulator.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A non-increasing map fitted by isotonic least squares (the pool-adjacent-violators algorithm; Ayer et al.,
 * "An empirical distribution function for sampling with incomplete information", Ann. Math. Statist. 1955): each
 * fitted block holds its mean y from its first to its last x, blocks are joined by straight lines and the map is
 * held constant beyond the ends, so it is continuous, non-increasing everywhere and equal to the least-squares
 * fit at every fitted point. Commons Math 3 has no isotonic regression, hence this one.
 */
public final class MonotoneMap {
  private final double[] knotX;
  private final double[] knotY;

  private MonotoneMap(double[] knotX, double[] knotY) {
    this.knotX = knotX;
    this.knotY = knotY;
  }

  /** The isotonic (non-increasing) least-squares fit of {@code y} on {@code x}; at least one point. */
  public static MonotoneMap fit(double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(x.length + " x and " + y.length + " y values");
    }
    Integer[] order = new Integer[x.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> x[i]).thenComparingDouble(i -> -y[i]));
    List<double[]> blocks = new ArrayList<>(); // {sum x, sum y, count, first x, last x}
    for (int i : order) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + ": (" + x[i] + ", " + y[i] + ")");
      }
      double[] b = {x[i], y[i], 1, x[i], x[i]};
      boolean sameX = !blocks.isEmpty() && last(blocks)[0] / last(blocks)[2] == x[i];
      while (!blocks.isEmpty() && (sameX || b[1] / b[2] > last(blocks)[1] / last(blocks)[2])) {
        double[] p = blocks.remove(blocks.size() - 1);
        b = new double[] {b[0] + p[0], b[1] + p[1], b[2] + p[2], p[3], b[4]};
        sameX = false;
      }
      blocks.add(b);
    }
    List<double[]> knots = new ArrayList<>();
    for (double[] b : blocks) {
      knots.add(new double[] {b[3], b[1] / b[2]});
      if (b[4] > b[3]) {
        knots.add(new double[] {b[4], b[1] / b[2]});
      }
    }
    return new MonotoneMap(knots.stream().mapToDouble(k -> k[0]).toArray(),
        knots.stream().mapToDouble(k -> k[1]).toArray());
  }

  private static double[] last(List<double[]> blocks) {
    return blocks.get(blocks.size() - 1);
  }

  /** The map at {@code x}. */
  public double apply(double x) {
    if (x <= knotX[0]) {
      return knotY[0];
    }
    int n = knotX.length;
    if (x >= knotX[n - 1]) {
      return knotY[n - 1];
    }
    int k = Arrays.binarySearch(knotX, x);
    if (k >= 0) {
      return knotY[k];
    }
    int hi = -k - 1;
    int lo = hi - 1;
    double t = (x - knotX[lo]) / (knotX[hi] - knotX[lo]);
    return knotY[lo] + t * (knotY[hi] - knotY[lo]);
  }

  /** Number of knots (the first and, when different, the last x of every fitted block). */
  public int knots() {
    return knotX.length;
  }
}
