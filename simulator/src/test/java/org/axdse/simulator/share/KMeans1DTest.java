package org.axdse.simulator.share;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeans1DTest {
  /** Values with repeats and clumps, as quantized or trained weights have. */
  static float[] values(SplittableRandom r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (r.nextInt(4)) {
        case 0 -> (float) r.nextInt(-3, 4) / 4;
        case 1 -> (float) (r.nextGaussian() * 0.05);
        default -> (float) (r.nextGaussian() + (r.nextBoolean() ? 2 : -1));
      };
    }
    return v;
  }

  /** Sum of squared distances of each value to the mean of its cluster, for any labelling. */
  static double sse(float[] v, int[] label, int k) {
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < v.length; i++) {
      sum[label[i]] += v[i];
      count[label[i]]++;
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double mean = sum[label[i]] / count[label[i]];
      s += (v[i] - mean) * (v[i] - mean);
    }
    return s;
  }

  /** Brute force over every labelling with exactly k non-empty clusters (k^n of them): the k-means optimum. */
  static double bruteForce(float[] v, int k) {
    int n = v.length;
    int[] label = new int[n];
    double best = Double.POSITIVE_INFINITY;
    long total = (long) Math.pow(k, n);
    for (long code = 0; code < total; code++) {
      long c = code;
      boolean[] used = new boolean[k];
      for (int i = 0; i < n; i++) {
        label[i] = (int) (c % k);
        used[label[i]] = true;
        c /= k;
      }
      boolean all = true;
      for (boolean u : used) {
        all &= u;
      }
      if (all) {
        best = Math.min(best, sse(v, label, k));
      }
    }
    return best;
  }

  @Test
  void optimalAgainstEveryLabelling() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = r.nextInt(1, 9);
      int k = r.nextInt(1, Math.min(n, 4) + 1);
      float[] v = values(r, n);
      KMeans1D.Clustering c = KMeans1D.cluster(v, k);
      double expected = bruteForce(v, k);
      assertEquals(expected, c.inertia(), 1e-9 * (1 + expected), Arrays.toString(v) + " k=" + k);
      // the reported inertia is the one of the reported labelling and centroids
      assertEquals(sse(v, c.cluster(), c.centroids().length), c.inertia(), 1e-9 * (1 + expected));
    }
  }

  /** Brute force over the contiguous partitions of the sorted values (C(n-1, k-1) of them), for larger n. */
  static double bestContiguous(double[] sorted, int k, int from) {
    int n = sorted.length;
    if (k == 1) {
      return segment(sorted, from, n);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int end = from + 1; end <= n - (k - 1); end++) {
      best = Math.min(best, segment(sorted, from, end) + bestContiguous(sorted, k - 1, end));
    }
    return best;
  }

  static double segment(double[] x, int from, int to) {
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += x[i];
    }
    mean /= to - from;
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (x[i] - mean) * (x[i] - mean);
    }
    return s;
  }

  /** Weighted squared error of a labelling, each cluster at its weighted mean. */
  static double weightedSse(float[] v, double[] w, int[] label, int k) {
    double[] sum = new double[k];
    double[] weight = new double[k];
    for (int i = 0; i < v.length; i++) {
      sum[label[i]] += w[i] * v[i];
      weight[label[i]] += w[i];
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double mean = sum[label[i]] / weight[label[i]];
      s += w[i] * (v[i] - mean) * (v[i] - mean);
    }
    return s;
  }

  @Test
  void weightedOptimalAgainstEveryLabelling() {
    SplittableRandom r = new SplittableRandom(15);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(2, 8);
      int k = r.nextInt(1, Math.min(n, 3) + 1);
      float[] v = values(r, n);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = Math.exp(3 * r.nextGaussian());
      }
      double best = Double.POSITIVE_INFINITY;
      int[] label = new int[n];
      for (long code = 0; code < (long) Math.pow(k, n); code++) {
        long c = code;
        java.util.BitSet used = new java.util.BitSet();
        for (int i = 0; i < n; i++) {
          label[i] = (int) (c % k);
          used.set(label[i]);
          c /= k;
        }
        if (used.cardinality() == k) {
          best = Math.min(best, weightedSse(v, w, label, k));
        }
      }
      KMeans1D.Clustering got = KMeans1D.cluster(v, w, k);
      assertEquals(best, got.inertia(), 1e-9 * (1 + best), Arrays.toString(v) + Arrays.toString(w));
      assertEquals(weightedSse(v, w, got.cluster(), got.centroids().length), got.inertia(), 1e-9 * (1 + best));
    }
  }

  @Test
  void optimalAgainstEveryContiguousPartition() {
    SplittableRandom r = new SplittableRandom(12);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(5, 19);
      int k = r.nextInt(1, Math.min(n, 6) + 1);
      float[] v = values(r, n);
      double[] sorted = new double[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = v[i];
      }
      Arrays.sort(sorted);
      double expected = bestContiguous(sorted, k, 0);
      assertEquals(expected, KMeans1D.cluster(v, k).inertia(), 1e-9 * (1 + expected), Arrays.toString(v));
    }
  }

  @Test
  void centroidsAreAscendingMeansAndClustersContiguous() {
    float[] v = values(new SplittableRandom(13), 2000);
    KMeans1D.Clustering c = KMeans1D.cluster(v, 16);
    assertEquals(16, c.centroids().length);
    for (int q = 1; q < 16; q++) {
      assertTrue(c.centroids()[q - 1] < c.centroids()[q]);
    }
    double[] sum = new double[16];
    int[] count = new int[16];
    for (int i = 0; i < v.length; i++) {
      sum[c.cluster()[i]] += v[i];
      count[c.cluster()[i]]++;
      // every value is nearest to (or tied with) its own centroid: a k-means fixed point
      double own = Math.abs(v[i] - c.centroids()[c.cluster()[i]]);
      for (double m : c.centroids()) {
        assertTrue(own <= Math.abs(v[i] - m) + 1e-12);
      }
    }
    for (int q = 0; q < 16; q++) {
      assertEquals(sum[q] / count[q], c.centroids()[q], 1e-12);
    }
  }

  @Test
  void sameResultEveryRunAndIndependentOfInputOrder() {
    float[] v = values(new SplittableRandom(14), 5000);
    KMeans1D.Clustering a = KMeans1D.cluster(v, 8);
    KMeans1D.Clustering b = KMeans1D.cluster(v.clone(), 8);
    assertArrayEquals(a.centroids(), b.centroids());
    assertArrayEquals(a.cluster(), b.cluster());
    float[] reversed = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      reversed[i] = v[v.length - 1 - i];
    }
    KMeans1D.Clustering c = KMeans1D.cluster(reversed, 8);
    assertArrayEquals(a.centroids(), c.centroids());
    for (int i = 0; i < v.length; i++) {
      assertEquals(a.valueOf(i), c.valueOf(v.length - 1 - i));
    }
  }

  @Test
  void atMostKDistinctValuesAreKeptExactly() {
    float[] v = {0.5f, -0.25f, 0.5f, 0.125f, -0.25f, 0.5f, 3e-7f};
    KMeans1D.Clustering c = KMeans1D.cluster(v, 4); // 4 distinct values
    assertEquals(0, c.inertia());
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i], c.valueOf(i));
    }
    assertEquals(3, KMeans1D.cluster(v, 6).centroids().length - 1);
  }

  @Test
  void refusesKOutsideOneToN() {
    float[] v = {1, 2, 3};
    assertThrows(IllegalArgumentException.class, () -> KMeans1D.cluster(v, 0));
    assertThrows(IllegalArgumentException.class, () -> KMeans1D.cluster(v, 4));
    assertThrows(IllegalArgumentException.class, () -> KMeans1D.cluster(new float[] {1, Float.NaN}, 1));
  }
}
