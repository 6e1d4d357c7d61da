package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantizationErrorTest {
  /**
   * Brute-force oracle: the same model (values uniform inside each bin, cut to [min, max]) integrated numerically
   * with the midpoint rule at 4,000 points per bin, quantizing each point with QuantParams itself.
   */
  static double numericMse(ActivationHistogram h, QuantParams p) {
    double sum = 0;
    for (int i = 0; i < h.bins(); i++) {
      long c = h.binCount(i);
      if (c == 0) {
        continue;
      }
      double a = Math.max(h.binLow(i), h.min());
      double b = Math.min(h.binLow(i) + h.binWidth(), h.max());
      int n = b > a ? 4000 : 1;
      double s = 0;
      for (int k = 0; k < n; k++) {
        double x = a + (b - a) * (k + 0.5) / n;
        double e = x - p.dequantize(p.quantize(x));
        s += e * e;
      }
      sum += c * s / n;
    }
    return sum / h.count();
  }

  @Test
  void matchesNumericIntegration() {
    ActivationHistogram h = new ActivationHistogram(64);
    h.add(ActivationHistogramTest.values(7, 3000));
    for (QuantParams p : new QuantParams[] {QuantParams.symmetric(3.0, 8), QuantParams.symmetric(0.4, 3),
        QuantParams.asymmetric(-1.5, 6, 8), QuantParams.asymmetric(-0.2, 1, 4, true),
        QuantParams.symmetric(40, 8)}) {
      double exact = QuantizationError.expectedMse(h, p);
      assertEquals(numericMse(h, p), exact, 1e-4 * exact, p.toString());
    }
  }

  @Test
  void uniformDataWithoutClippingGivesStepSquaredOverTwelve() {
    // values uniform on [0, 25.5) at step 0.1 (bins of 25.5/...); the classic s^2/12 noise when no value clips
    ActivationHistogram h = new ActivationHistogram(1024);
    for (int i = 0; i < 255_000; i++) {
      h.add(i * 1e-4);
    }
    QuantParams p = new QuantParams(0.1, 0, 8, false);
    assertEquals(0.01 / 12, QuantizationError.expectedMse(h, p), 0.01 / 12 * 1e-2);
  }

  @Test
  void singleValueIsAPointMass() {
    ActivationHistogram h = new ActivationHistogram();
    h.add(0.26);
    h.add(0.26);
    QuantParams p = new QuantParams(0.1, 0, 8, false);
    // 0.26 quantizes to 0.3: error 0.04^2
    assertEquals(0.0016, QuantizationError.expectedMse(h, p), 1e-15);
  }
}
