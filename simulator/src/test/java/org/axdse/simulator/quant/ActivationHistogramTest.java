package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationHistogramTest {
  /** Heavy-tailed values of both signs spanning many magnitudes, plus exact zeros and powers of two. */
  static float[] values(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      double g = r.nextGaussian();
      v[i] = switch (r.nextInt(10)) {
        case 0 -> 0f;
        case 1 -> (float) Math.scalb(1.0, r.nextInt(-8, 6));
        case 2 -> (float) (g * Math.exp(3 * r.nextDouble()));
        default -> (float) g;
      };
    }
    return v;
  }

  @Test
  void binsHoldExactlyTheirValues() {
    float[] v = values(1, 5000);
    ActivationHistogram h = new ActivationHistogram(256);
    h.add(v);
    // brute force: with the final range, value x belongs to the bin i with binLow(i) <= x < binLow(i + 1)
    long[] expected = new long[256];
    for (float x : v) {
      int i = 0;
      while (i + 1 < 256 && h.binLow(i + 1) <= x) {
        i++;
      }
      expected[i]++;
    }
    for (int i = 0; i < 256; i++) {
      assertEquals(expected[i], h.binCount(i), "bin " + i);
    }
    double absMax = 0;
    for (float x : v) {
      absMax = Math.max(absMax, Math.abs(x));
    }
    // R is the smallest power of two strictly above max |x|
    assertTrue(h.limit() > absMax && h.limit() / 2 <= absMax);
    assertEquals(5000, h.count());
  }

  @Test
  void resultIsIndependentOfOrderAndBatching() {
    float[] v = values(2, 20_000);
    ActivationHistogram whole = new ActivationHistogram();
    whole.add(v);
    // the same values one by one in reverse order
    ActivationHistogram reversed = new ActivationHistogram();
    for (int i = v.length - 1; i >= 0; i--) {
      reversed.add(v[i]);
    }
    assertEquals(whole, reversed);
    // sorted by magnitude, so the range grows many times while values arrive
    Float[] boxed = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      boxed[i] = v[i];
    }
    Arrays.sort(boxed, (a, b) -> Float.compare(Math.abs(a), Math.abs(b)));
    ActivationHistogram growing = new ActivationHistogram();
    for (Float x : boxed) {
      growing.add(x);
    }
    assertEquals(whole, growing);
    // split into uneven batches accumulated separately and merged in two different orders
    ActivationHistogram[] parts = new ActivationHistogram[4];
    int[] cuts = {0, 7, 4000, 4001, 20_000};
    for (int p = 0; p < 4; p++) {
      parts[p] = new ActivationHistogram();
      parts[p].add(v, cuts[p], cuts[p + 1] - cuts[p]);
    }
    ActivationHistogram forward = new ActivationHistogram();
    for (ActivationHistogram p : parts) {
      forward.merge(p);
    }
    ActivationHistogram backward = parts[3].copy();
    backward.merge(parts[2]);
    backward.merge(parts[1]);
    backward.merge(parts[0]);
    assertEquals(whole, forward);
    assertEquals(whole, backward);
  }

  @Test
  void hugeGrowthCollapsesToTheCentre() {
    ActivationHistogram h = new ActivationHistogram(16);
    h.add(-1e-30);
    h.add(1e-30);
    h.add(1e30);
    // 1e30 = 0.79 * 2^100, in bin floor(0.79 * 8) + 8 = 14; the tiny values end in the two bins around zero
    assertEquals(Math.scalb(1.0, 100), h.limit());
    assertEquals(1, h.binCount(7));
    assertEquals(1, h.binCount(8));
    assertEquals(1, h.binCount(14));
  }

  @Test
  void quantilesMatchSortedValuesWithinABin() {
    float[] v = values(3, 10_000);
    ActivationHistogram h = new ActivationHistogram();
    h.add(v);
    float[] sorted = v.clone();
    Arrays.sort(sorted);
    for (double q : new double[] {0.001, 0.1, 0.5, 0.9, 0.999}) {
      double exact = sorted[(int) Math.ceil(q * v.length) - 1];
      assertEquals(exact, h.quantile(q), h.binWidth(), "q=" + q);
    }
    assertEquals(sorted[0], h.quantile(0));
    assertEquals(sorted[v.length - 1], h.quantile(1));
  }

  @Test
  void rejectsBadInput() {
    ActivationHistogram h = new ActivationHistogram();
    assertThrows(IllegalArgumentException.class, () -> h.add(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> h.add(new float[] {1, Float.POSITIVE_INFINITY}));
    // a rejected batch leaves the histogram untouched
    assertEquals(0, h.count());
    assertEquals(Double.POSITIVE_INFINITY, h.min());
    assertThrows(IllegalArgumentException.class, () -> new ActivationHistogram(100));
    assertThrows(IllegalArgumentException.class, () -> h.merge(new ActivationHistogram(64)));
    assertThrows(IllegalStateException.class, () -> h.quantile(0.5));
  }
}
