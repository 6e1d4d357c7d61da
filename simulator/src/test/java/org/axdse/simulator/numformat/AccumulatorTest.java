package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The accumulators' rounding against independent conversions: FP16 against the JDK's {@code
 * Float.floatToFloat16} (IEEE binary16, round to nearest even), BF16 against rounding the float's bit pattern,
 * FP32 against the double-to-float cast. Inputs are floats, so the JDK's single rounding is the reference.
 */
class AccumulatorTest {
  @Test
  void fp16MatchesTheJdkBinary16Conversion() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      float x = (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(-30, 20)));
      double want = Float.float16ToFloat(Float.floatToFloat16(x));
      assertEquals(want, Accumulator.FP16.round(x), "x = " + x);
    }
    assertEquals(Double.POSITIVE_INFINITY, Accumulator.FP16.round(65520.0)); // the midpoint above 65504 rounds up
    assertEquals(65504.0, Accumulator.FP16.round(65519.0));
  }

  @Test
  void bf16MatchesRoundingTheFloatBits() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 200_000; i++) {
      float x = Float.intBitsToFloat(r.nextInt() & 0x7f7fffff | (r.nextBoolean() ? 0x80000000 : 0));
      int b = Float.floatToRawIntBits(x);
      int lsb = (b >>> 16) & 1;
      int rounded = (b + 0x7fff + lsb) & 0xffff0000; // round to nearest even on the top 16 bits
      assertEquals((double) Float.intBitsToFloat(rounded), Accumulator.BF16.round(x), "x = " + x);
    }
  }

  @Test
  void doublesRoundAsScalingToTheLastPlaceAndRint() {
    // the definition: rint at the format's last place (fixed below the smallest normal), then the overflow rule
    SplittableRandom r = new SplittableRandom(5);
    for (Accumulator a : new Accumulator[] {Accumulator.FP16, Accumulator.BF16}) {
      int p = a.mantissaBits();
      int min = a == Accumulator.FP16 ? -14 : -126;
      double max = a == Accumulator.FP16 ? 65504 : Math.scalb(2 - Math.scalb(1.0, -7), 127);
      for (int i = 0; i < 200_000; i++) {
        double x = r.nextGaussian() * Math.scalb(1.0, r.nextInt(min - 12, a == Accumulator.FP16 ? 18 : 130));
        if (i % 3 == 0) { // exact ties and near-ties at the last place
          int q = Math.max(Math.getExponent(x), min) - p;
          x = Math.scalb(Math.floor(Math.scalb(x, -q)) + 0.5, q) + (i % 2 == 0 ? 0 : Math.ulp(x));
        }
        int q = Math.max(Math.getExponent(x), min) - p;
        double want = Math.scalb(Math.rint(Math.scalb(x, -q)), q);
        want = Math.abs(want) > max ? Math.copySign(Double.POSITIVE_INFINITY, x) : want;
        assertEquals(want, a.round(x), a + " x = " + x);
      }
    }
  }

  @Test
  void fp32IsTheFloatCastAndExactKeepsEverything() {
    double x = 1 + Math.scalb(1.0, -30);
    assertEquals((double) (float) x, Accumulator.FP32.round(x));
    assertEquals(x, Accumulator.EXACT.round(x));
    assertTrue(Accumulator.FP16.holds(448.0 * 448 / 4));
    assertFalse(Accumulator.FP16.holds(448.0 * 448)); // 200704 > 65504
    assertFalse(Accumulator.BF16.holds(31.0 * 31)); // 961 needs 10 significant bits, bfloat16 has 8
  }

  @Test
  void parsesTheCliNames() {
    assertEquals(Accumulator.BF16, Accumulator.parse("BF16"));
    assertEquals(Accumulator.EXACT, Accumulator.parse("exact"));
    assertNull(Accumulator.parse("fp8"));
  }
}
