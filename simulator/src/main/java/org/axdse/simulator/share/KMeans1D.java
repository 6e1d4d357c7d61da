package org.axdse.simulator.share;

import java.util.Arrays;

/**
 * Exact 1-D k-means: the partition of {@code n} values into {@code k} clusters with the least sum of squared
 * distances to the cluster means. In one dimension an optimal partition is contiguous in sorted order, so a
 * dynamic programme over the sorted values finds it (Wang and Song, "Ckmeans.1d.dp: Optimal k-means Clustering
 * in One Dimension by Dynamic Programming", The R Journal 3(2), 2011). The cost of a segment satisfies the
 * quadrangle inequality, so each row of the programme is filled by divide and conquer over monotone split points
 * (Gronlund et al., "Fast Exact k-Means, k-Medians and Bregman Divergence Clustering in 1D", 2017), in
 * O(k n log n) time. Sequential and free of randomness: the same input always gives the same clusters; ties
 * between split points go to the smallest one.
 */
public final class KMeans1D {
  private KMeans1D() {}

  /**
   * The optimal clustering of {@code values} into {@code k} clusters. With {@code k} or fewer distinct values,
   * each distinct value is its own cluster (inertia 0, fewer than {@code k} clusters), so sharing with such a
   * {@code k} leaves the values exactly as they were.
   *
   * @throws IllegalArgumentException unless {@code 1 <= k <= values.length} and every value is finite
   */
  public static Clustering cluster(float[] values, int k) {
    return cluster(values, null, k);
  }

  /**
   * The optimal weighted clustering: the least sum of {@code weights[i] * (values[i] - mean)^2}, cluster means
   * weighted alike (Ckmeans.1d.dp's weighted form). {@code weights} null means all 1.
   *
   * @throws IllegalArgumentException unless {@code 1 <= k <= values.length}, every value is finite and every
   *     weight finite and positive
   */
  public static Clustering cluster(float[] values, double[] weights, int k) {
    int n = values.length;
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(weights.length + " weights for " + n + " values");
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k = " + k + " must be in 1.." + n);
    }
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
      }
      if (weights != null && !(weights[i] > 0 && weights[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("weight " + i + " is not finite and positive: " + weights[i]);
      }
      keyed[i] = ((long) sortable(values[i]) << 32) | i;
    }
    Arrays.sort(keyed);
    double[] x = new double[n];
    double[] wt = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) keyed[i];
      x[i] = values[order[i]];
      wt[i] = weights == null ? 1 : weights[order[i]];
    }
    int[] runs = runStarts(x);
    int[] starts = runs.length <= k ? runs : splits(x, wt, k);
    int clusters = starts.length;
    double[] centroids = new double[clusters];
    int[] sortedCluster = new int[n];
    double inertia = 0;
    for (int q = 0; q < clusters; q++) {
      int from = starts[q];
      int to = q + 1 < clusters ? starts[q + 1] : n;
      double sum = 0;
      double weight = 0;
      for (int i = from; i < to; i++) {
        sum += wt[i] * x[i];
        weight += wt[i];
        sortedCluster[i] = q;
      }
      double mean = runs.length <= k ? x[from] : sum / weight;
      centroids[q] = mean;
      for (int i = from; i < to; i++) {
        inertia += wt[i] * (x[i] - mean) * (x[i] - mean);
      }
    }
    int[] cluster = new int[n];
    for (int i = 0; i < n; i++) {
      cluster[order[i]] = sortedCluster[i];
    }
    return new Clustering(centroids, cluster, inertia);
  }

  /** The first sorted index of each run of equal values in the sorted values {@code x}. */
  private static int[] runStarts(double[] x) {
    int[] runs = new int[x.length];
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      if (i == 0 || x[i] != x[i - 1]) {
        runs[count++] = i;
      }
    }
    return Arrays.copyOf(runs, count);
  }

  /** The first sorted index of each of the {@code k} clusters of the sorted values {@code x}. */
  private static int[] splits(double[] x, double[] wt, int k) {
    int n = x.length;
    double shift = x[n / 2];
    double[] s0 = new double[n + 1];
    double[] s1 = new double[n + 1];
    double[] s2 = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double y = x[i] - shift;
      s0[i + 1] = s0[i] + wt[i];
      s1[i + 1] = s1[i] + wt[i] * y;
      s2[i + 1] = s2[i] + wt[i] * y * y;
    }
    Segments cost = new Segments(s0, s1, s2);
    double[] prev = new double[n];
    for (int i = 0; i < n; i++) {
      prev[i] = cost.of(0, i);
    }
    int[][] start = new int[k][n];
    double[] cur = new double[n];
    for (int q = 1; q < k; q++) {
      Arrays.fill(cur, Double.POSITIVE_INFINITY);
      fill(q, q, n - 1, q, n - 1, prev, cur, start[q], cost);
      double[] t = prev;
      prev = cur;
      cur = t;
    }
    int[] starts = new int[k];
    int end = n - 1;
    for (int q = k - 1; q >= 1; q--) {
      starts[q] = start[q][end];
      end = starts[q] - 1;
    }
    return starts;
  }

  /**
   * Row {@code q}: for {@code i} in {@code lo..hi}, the best start {@code j} (in {@code optLo..optHi}, at least
   * {@code q}) of the last cluster of the values {@code 0..i}.
   */
  private static void fill(int q, int lo, int hi, int optLo, int optHi, double[] prev, double[] cur, int[] start,
      Segments cost) {
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int j = Math.max(q, optLo), last = Math.min(mid, optHi); j <= last; j++) {
        double c = prev[j - 1] + cost.of(j, mid);
        if (c < bestCost) {
          bestCost = c;
          best = j;
        }
      }
      cur[mid] = bestCost;
      start[mid] = best;
      fill(q, lo, mid - 1, optLo, best, prev, cur, start, cost);
      lo = mid + 1;
      optLo = best;
    }
  }

  /** Weighted sums of squared deviations of sorted segments, from prefix sums of the (shifted) values. */
  private record Segments(double[] s0, double[] s1, double[] s2) {
    double of(int from, int to) {
      double m = s0[to + 1] - s0[from];
      double sum = s1[to + 1] - s1[from];
      double c = s2[to + 1] - s2[from] - sum * sum / m;
      return c > 0 ? c : 0;
    }
  }

  /** An int whose signed order is the numeric order of the float {@code v} ({@code -0.0f} before {@code 0.0f}). */
  private static int sortable(float v) {
    int bits = Float.floatToIntBits(v);
    return bits >= 0 ? bits : bits ^ 0x7fffffff;
  }

  /**
   * An optimal clustering.
   *
   * @param centroids the cluster means, ascending (at most k of them)
   * @param cluster the cluster of each input value, in input order
   * @param inertia the (weighted) sum of squared distances of the values to their cluster means
   */
  public record Clustering(double[] centroids, int[] cluster, double inertia) {
    public Clustering {
      if (centroids.length == 0 || inertia < 0) {
        throw new IllegalArgumentException("a clustering has at least one cluster and a non-negative inertia");
      }
    }

    /** The shared value of the input value at {@code i}, as a float. */
    public float valueOf(int i) {
      return (float) centroids[cluster[i]];
    }
  }
}
