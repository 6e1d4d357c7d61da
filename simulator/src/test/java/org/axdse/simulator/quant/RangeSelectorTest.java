package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RangeSelectorTest {
  /** Laplace-like ReLU outputs with a few large outliers, the case MSE calibration is for. */
  static float[] reluWithOutliers(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      double x = -Math.log(1 - r.nextDouble());
      v[i] = (float) (r.nextInt(1000) == 0 ? 30 * x : r.nextBoolean() ? x : 0);
    }
    return v;
  }

  static float[] twoSided(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      double x = -Math.log(1 - r.nextDouble());
      v[i] = (float) (r.nextBoolean() ? 2 * x : -0.5 * x * (r.nextInt(500) == 0 ? 20 : 1));
    }
    return v;
  }

  @Test
  void minMaxIsTheObservedRange() {
    CalibrationRange r = RangeSelector.minMax().select(new float[] {-0.25f, 3f, 1f});
    assertEquals(new CalibrationRange(-0.25, 3), r);
  }

  @Test
  void percentileCutsBothTails() {
    float[] v = twoSided(1, 100_000);
    CalibrationRange r = RangeSelector.percentile(99).select(v);
    float[] sorted = v.clone();
    Arrays.sort(sorted);
    ActivationHistogram h = new ActivationHistogram();
    h.add(v);
    // 1% of 100,000 values lie beyond each end; the histogram interpolates within one bin
    assertEquals(sorted[999], r.min(), h.binWidth());
    assertEquals(sorted[98_999], r.max(), h.binWidth());
    assertEquals(RangeSelector.minMax().select(v), RangeSelector.percentile(100).select(v));
  }

  @Test
  void symmetricMseBeatsEveryThresholdOnAFineGrid() {
    for (int bits : new int[] {2, 4, 8}) {
      for (float[] v : new float[][] {reluWithOutliers(2, 50_000), twoSided(3, 50_000)}) {
        ActivationHistogram h = new ActivationHistogram();
        h.add(v);
        QuantizationError err = QuantizationError.of(h);
        CalibrationRange r = RangeSelector.mse(QuantScheme.SYMMETRIC, bits).select(h);
        assertEquals(-r.min(), r.max());
        double chosen = err.mse(QuantParams.symmetric(r.max(), bits));
        double extent = Math.max(-h.min(), h.max());
        // brute force: 20,000 thresholds evenly over (0, extent]
        double gridBest = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= 20_000; i++) {
          gridBest = Math.min(gridBest, err.mse(QuantParams.symmetric(extent * i / 20_000, bits)));
        }
        assertTrue(chosen <= gridBest * (1 + 1e-9), bits + " bits: chosen " + chosen + " grid " + gridBest);
        assertTrue(chosen < err.mse(QuantParams.symmetric(extent, bits)), "clipping must help with outliers");
      }
    }
  }

  @Test
  void asymmetricMseBeatsEveryRangeOnAGrid() {
    for (int bits : new int[] {3, 8}) {
      ActivationHistogram h = new ActivationHistogram(1024);
      h.add(twoSided(4, 30_000));
      QuantizationError err = QuantizationError.of(h);
      CalibrationRange r = RangeSelector.mse(QuantScheme.ASYMMETRIC_UNSIGNED, bits).select(h);
      double chosen = err.mse(QuantScheme.ASYMMETRIC_UNSIGNED.params(r, bits));
      // brute force over a 150 x 150 grid of (lo, hi) clip points
      double gridBest = Double.POSITIVE_INFINITY;
      for (int i = 1; i <= 150; i++) {
        for (int j = 1; j <= 150; j++) {
          QuantParams p = QuantParams.asymmetric(h.min() * i / 150, h.max() * j / 150, bits);
          gridBest = Math.min(gridBest, err.mse(p));
        }
      }
      assertTrue(chosen <= gridBest * (1 + 1e-9), bits + " bits: chosen " + chosen + " grid " + gridBest);
    }
  }

  @Test
  void oneSidedDataKeepsZeroAsTheLowerEnd() {
    ActivationHistogram h = new ActivationHistogram();
    h.add(reluWithOutliers(5, 20_000));
    CalibrationRange r = RangeSelector.mse(QuantScheme.ASYMMETRIC_UNSIGNED, 8).select(h);
    assertEquals(0.0, r.min());
    assertTrue(r.max() > 0 && r.max() < h.max());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> RangeSelector.percentile(40));
    assertThrows(IllegalArgumentException.class, () -> RangeSelector.mse(QuantScheme.SYMMETRIC, 1));
    assertThrows(IllegalArgumentException.class, () -> RangeSelector.minMax().select(new ActivationHistogram()));
  }
}
