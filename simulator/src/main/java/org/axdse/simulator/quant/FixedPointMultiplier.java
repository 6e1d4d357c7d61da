package org.axdse.simulator.quant;

/**
 * A positive real multiplier {@code M} (typically {@code s_in * s_w / s_out}) as
 * {@code multiplier * 2^-shift} with a 31-bit normalised {@code multiplier} in {@code [2^30, 2^31)} and
 * {@code shift} in {@code [1, 62]}, so that requantization is exact integer arithmetic. Representable
 * multipliers lie in {@code [2^-32, 2^30)}; the relative error of the representation is at most {@code 2^-31}.
 *
 * <p>{@link #apply} computes {@code round(x * multiplier / 2^shift)} exactly in 64 bits, rounding halves away from
 * zero. {@link #applyGemmlowp} reproduces TFLite's {@code MultiplyByQuantizedMultiplier} (gemmlowp's
 * {@code SaturatingRoundingDoublingHighMul} then {@code RoundingDivideByPOT}), which rounds twice and can differ
 * from {@link #apply} by one.
 */
public record FixedPointMultiplier(int multiplier, int shift) {
  public FixedPointMultiplier {
    if (multiplier < 1 << 30) {
      throw new IllegalArgumentException("multiplier must be in [2^30, 2^31), got " + multiplier);
    }
    if (shift < 1 || shift > 62) {
      throw new IllegalArgumentException("shift must be in [1, 62], got " + shift);
    }
  }

  /** The closest representation of {@code m}, which must be in {@code [2^-32, 2^30)}. */
  public static FixedPointMultiplier of(double m) {
    if (!(m >= 0x1p-32 && m < 0x1p30)) {
      throw new IllegalArgumentException("requantization multiplier " + m + " is outside [2^-32, 2^30)");
    }
    int shift = 30 - Math.getExponent(m);
    long q = Math.round(Math.scalb(m, shift));
    if (q == 1L << 31) {
      q >>= 1;
      shift--;
    }
    return new FixedPointMultiplier((int) q, shift);
  }

  /** The real value represented, {@code multiplier * 2^-shift} (exact in a double). */
  public double value() {
    return Math.scalb((double) multiplier, -shift);
  }

  /**
   * {@code x * value()} rounded to the nearest integer, halves away from zero, saturated to the int range.
   * Exact: the product {@code x * multiplier} has at most 62 bits.
   */
  public int apply(int x) {
    long p = (long) x * multiplier;
    long r = (Math.abs(p) + (1L << (shift - 1))) >> shift;
    long signed = p < 0 ? -r : r;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
  }

  /**
   * TFLite's {@code MultiplyByQuantizedMultiplier(x, multiplier, 31 - shift)}: left shift for multipliers of 1 or
   * more (which may overflow, as in TFLite), then the doubling high multiply, then a rounding right shift.
   */
  public int applyGemmlowp(int x) {
    int tfliteShift = 31 - shift;
    int left = Math.max(tfliteShift, 0);
    int right = Math.max(-tfliteShift, 0);
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x * (1 << left), multiplier), right);
  }

  /** gemmlowp's {@code SaturatingRoundingDoublingHighMul}: {@code round(a * b / 2^31)}, saturated. */
  static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * b;
    long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
    return (int) ((ab + nudge) / (1L << 31));
  }

  /** gemmlowp's {@code RoundingDivideByPOT}: {@code x / 2^exponent}, rounding halves away from zero. */
  static int roundingDivideByPot(int x, int exponent) {
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }
}
