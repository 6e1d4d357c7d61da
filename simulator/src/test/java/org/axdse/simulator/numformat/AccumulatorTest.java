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
