package org.axdse.simulator.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointMultiplierTest {
  /** round(x * multiplier / 2^shift), halves away from zero, in exact decimal arithmetic. */
  static long exact(int x, FixedPointMultiplier m) {
    BigDecimal p = new BigDecimal(BigInteger.valueOf(x).multiply(BigInteger.valueOf(m.multiplier())));
    return p.divide(new BigDecimal(BigInteger.ONE.shiftLeft(m.shift()))).setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  static int randomAccumulator(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt();
      case 1 -> r.nextInt(-1 << 20, 1 << 20);
      case 2 -> r.nextInt(-1000, 1000);
      default -> r.nextBoolean() ? Integer.MIN_VALUE + r.nextInt(3) : Integer.MAX_VALUE - r.nextInt(3);
    };
  }

  @Test
  void representsTheMultiplierWithin2ToTheMinus31() {
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 10_000; i++) {
      double m = Math.exp(r.nextDouble(Math.log(0x1p-32), Math.log(0x1p30)));
      FixedPointMultiplier f = FixedPointMultiplier.of(m);
      assertTrue(f.multiplier() >= 1 << 30);
      assertTrue(Math.abs(f.value() - m) <= m * 0x1p-31, m + " -> " + f);
    }
    // 0.5 is exactly 2^30 * 2^-31
    assertEquals(new FixedPointMultiplier(1 << 30, 31), FixedPointMultiplier.of(0.5));
  }

  @Test
  void applyIsExactRounding() {
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < 20_000; i++) {
      double m = Math.exp(r.nextDouble(Math.log(1e-6), Math.log(4)));
      FixedPointMultiplier f = FixedPointMultiplier.of(m);
      int x = randomAccumulator(r);
      long e = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, exact(x, f)));
      assertEquals(e, f.apply(x), x + " * " + f);
      // against the real multiplier: off by at most the representation error plus the rounding half-step
      double ideal = x * m;
      assertTrue(Math.abs(f.apply(x) - ideal) <= 0.5 + Math.abs(ideal) * 0x1p-31 + 1e-9
          || Math.abs(ideal) > Integer.MAX_VALUE, x + " * " + m);
    }
  }

  @Test
  void handComputedCases() {
    FixedPointMultiplier half = FixedPointMultiplier.of(0.5);
    // 5 * 0.5 = 2.5 -> 3 and -2.5 -> -3 (halves away from zero); 4 * 0.5 = 2
    assertEquals(3, half.apply(5));
    assertEquals(-3, half.apply(-5));
    assertEquals(2, half.apply(4));
    assertEquals(0, FixedPointMultiplier.of(0.001).apply(499));
    assertEquals(1, FixedPointMultiplier.of(0.001).apply(500));
    assertEquals(Integer.MAX_VALUE, FixedPointMultiplier.of(3).apply(Integer.MAX_VALUE));
  }

  /**
   * TFLite's two roundings written out in exact arithmetic: SaturatingRoundingDoublingHighMul rounds
   * {@code x * 2^left * q / 2^31} half up (toward +infinity: its negative nudge is {@code 1 - 2^30}), then
   * RoundingDivideByPOT divides by {@code 2^right} rounding halves away from zero.
   */
  static long gemmlowpOracle(int x, FixedPointMultiplier m) {
    int tfliteShift = 31 - m.shift();
    int left = Math.max(tfliteShift, 0);
    int right = Math.max(-tfliteShift, 0);
    BigDecimal ab = new BigDecimal(BigInteger.valueOf(x).shiftLeft(left).multiply(BigInteger.valueOf(m.multiplier())));
    BigDecimal high = ab.divide(new BigDecimal(BigInteger.ONE.shiftLeft(31))).add(new BigDecimal("0.5"))
        .setScale(0, RoundingMode.FLOOR);
    return high.divide(new BigDecimal(BigInteger.ONE.shiftLeft(right))).setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  @Test
  void gemmlowpMatchesItsTwoRoundingsAndStaysWithinOne() {
    SplittableRandom r = new SplittableRandom(10);
    int differ = 0;
    for (int i = 0; i < 20_000; i++) {
      FixedPointMultiplier f = FixedPointMultiplier.of(Math.exp(r.nextDouble(Math.log(1e-6), Math.log(1.9))));
      int x = r.nextInt(-1 << 24, 1 << 24);
      assertEquals(gemmlowpOracle(x, f), f.applyGemmlowp(x), x + " * " + f);
      int d = Math.abs(f.apply(x) - f.applyGemmlowp(x));
      assertTrue(d <= 1, x + " * " + f);
      differ += d;
    }
    // double rounding disagrees only when the first rounding lands on a half: a few percent of these cases
    assertTrue(differ < 1000, "differences: " + differ);
    // SRDHM(2^30, 2^30) = round(2^60 / 2^31) = 2^29; RDBPOT(5, 1) = 3 and RDBPOT(-5, 1) = -3
    assertEquals(1 << 29, FixedPointMultiplier.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30));
    assertEquals(Integer.MAX_VALUE,
        FixedPointMultiplier.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
    assertEquals(3, FixedPointMultiplier.roundingDivideByPot(5, 1));
    assertEquals(-3, FixedPointMultiplier.roundingDivideByPot(-5, 1));
  }

  @Test
  void rejectsOutOfRangeMultipliers() {
    assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(0));
    assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(0x1p-33));
    assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(0x1p31));
    assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new FixedPointMultiplier(5, 10));
  }
}
