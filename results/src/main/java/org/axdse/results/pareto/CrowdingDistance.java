package org.axdse.results.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Crowding distance of each point of one front (Deb et al. 2002, section III-B): the sum over objectives of the
 * normalised gap between a point's two neighbours; boundary points get infinity so they are always preferred.
 */
public final class CrowdingDistance {
  private CrowdingDistance() {}

  /** One distance per point of {@code front} (minimisation form, all of one front). */
  public static double[] compute(double[][] front) {
    int n = front.length;
    double[] distance = new double[n];
    if (n == 0) {
      return distance;
    }
    if (n <= 2) {
      Arrays.fill(distance, Double.POSITIVE_INFINITY);
      return distance;
    }
    int m = front[0].length;
    Integer[] order = new Integer[n];
    for (int k = 0; k < m; k++) {
      final int obj = k;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> front[i][obj]));
      double lo = front[order[0]][obj];
      double hi = front[order[n - 1]][obj];
      distance[order[0]] = Double.POSITIVE_INFINITY;
      distance[order[n - 1]] = Double.POSITIVE_INFINITY;
      if (hi == lo) {
        continue;
      }
      for (int i = 1; i < n - 1; i++) {
        distance[order[i]] += (front[order[i + 1]][obj] - front[order[i - 1]][obj]) / (hi - lo);
      }
    }
    return distance;
  }
}
