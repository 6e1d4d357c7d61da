package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantParamsTest {
  @Test
  void symmetricUsesTheNarrowSignedRange() {
    QuantParams p = QuantParams.symmetric(2.54, 8);
    // scale = 2.54 / 127 = 0.02; codes [-127, 127]
    assertEquals(0.02, p.scale(), 1e-15);
    assertEquals(0, p.zeroPoint());
    assertEquals(-127, p.qmin());
    assertEquals(127, p.qmax());
    assertEquals(127, p.quantize(100));
    assertEquals(-127, p.quantize(-100));
    assertEquals(-p.quantize(0.77), p.quantize(-0.77));
    QuantParams w4 = QuantParams.symmetric(0.7, 4);
    // 4 bits: codes [-7, 7], scale 0.1; 0.25 / 0.1 = 2.5 rounds away from zero to 3
    assertEquals(7, w4.qmax());
    assertEquals(3, w4.quantize(0.25));
    assertEquals(-3, w4.quantize(-0.25));
  }

  @Test
  void asymmetricNudgesTheZeroPoint() {
    // [-1, 2] on uint8: scale = 3/255; zero point from min = 0 + 1/scale = 85 exactly
    QuantParams p = QuantParams.asymmetric(-1, 2, 8);
    assertEquals(3.0 / 255, p.scale(), 1e-17);
    assertEquals(85, p.zeroPoint());
    // [-0.3, 1] : scale = 1.3/255; zp from min = 0.3/scale = 58.846... -> 59
    QuantParams q = QuantParams.asymmetric(-0.3, 1.0, 8);
    assertEquals(59, q.zeroPoint());
    assertEquals(-59 * q.scale(), q.rangeMin(), 1e-15);
    // a range that excludes zero is widened to [0, max]: zero point 0
    assertEquals(0, QuantParams.asymmetric(0.5, 2, 8).zeroPoint());
    // signed: [-1, 2] on int8: zp = -128 + 85 = -43
    assertEquals(-43, QuantParams.asymmetric(-1, 2, 8, true).zeroPoint());
  }

  @Test
  void zeroMapsExactlyToTheZeroPoint() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      double lo = -Math.exp(r.nextDouble(-10, 10)) * (r.nextInt(8) == 0 ? 0 : 1);
      double hi = Math.exp(r.nextDouble(-10, 10));
      int bits = r.nextInt(2, 9);
      for (QuantScheme s : QuantScheme.values()) {
        QuantParams p = s.params(lo, hi, bits);
        assertEquals(p.zeroPoint(), p.quantize(0.0));
        assertEquals(p.zeroPoint(), p.quantize(-0.0));
        assertEquals(0.0, p.dequantize(p.zeroPoint()));
        // the nudged range still covers [lo, hi] to within half a step
        assertTrue(p.rangeMin() <= Math.min(lo, 0) + p.scale() / 2 + 1e-12 * hi, p + " " + lo);
        assertTrue(p.rangeMax() >= hi - p.scale() / 2 - 1e-12 * hi, p + " " + hi);
      }
    }
  }

  @Test
  void roundTripErrorIsAtMostHalfAStepInsideTheRange() {
    SplittableRandom r = new SplittableRandom(6);
    QuantParams p = QuantParams.asymmetric(-0.37, 5.1, 8);
    for (int i = 0; i < 10_000; i++) {
      double x = r.nextDouble(p.rangeMin(), p.rangeMax());
      assertTrue(Math.abs(x - p.dequantize(p.quantize(x))) <= p.scale() / 2 * (1 + 1e-12));
    }
  }

  @Test
  void roundsHalvesAwayFromZero() {
    assertEquals(3, QuantParams.roundHalfAway(2.5));
    assertEquals(-3, QuantParams.roundHalfAway(-2.5));
    assertEquals(0, QuantParams.roundHalfAway(0.49999999999999994));
    assertEquals(2, QuantParams.roundHalfAway(1.5));
    assertEquals(Long.MAX_VALUE, QuantParams.roundHalfAway(Double.POSITIVE_INFINITY));
  }

  @Test
  void degenerateRangesGetUnitScale() {
    assertEquals(1.0, QuantParams.symmetric(0, 8).scale());
    QuantParams p = QuantParams.asymmetric(0, 0, 8);
    assertEquals(1.0, p.scale());
    assertEquals(0, p.quantize(0));
  }

  @Test
  void constructorsValidate() {
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(0, 0, 8, true));
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(Double.NaN, 0, 8, true));
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(1, 0, 1, true));
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(1, 256, 8, false));
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(1, -128, 8, true, true));
    assertThrows(IllegalArgumentException.class, () -> new QuantParams(1, 0, 8, false, true));
    assertThrows(IllegalArgumentException.class, () -> QuantParams.asymmetric(2, 1, 8));
    assertThrows(IllegalArgumentException.class, () -> QuantParams.symmetric(-1, 8));
    assertThrows(IllegalArgumentException.class, () -> QuantParams.symmetric(1, 8).quantize(Double.NaN));
  }
}
