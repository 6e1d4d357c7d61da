package org.axdse.multipliers.format;

import java.util.Locale;

/**
 * How a float-format layer sums its products: {@link #EXACT} keeps the exact sum (a Kulisch accumulator, here a
 * double: every sum of exact minifloat products it is used for fits its 53 bits, see {@code simulator.numformat.FormatChoice}), the
 * others round after every addition to IEEE binary32, binary16 or bfloat16 with round-to-nearest-even, overflow to
 * infinity. Products enter the sum unrounded: {@code simulator.numformat.FormatChoice} refuses an accumulator that cannot hold every
 * product of the format exactly.
 */
public enum Accumulator {
  EXACT(52, -1022, 1023),
  FP32(23, -126, 127),
  FP16(10, -14, 15),
  BF16(7, -126, 127);

  private final int mantissaBits;
  private final int minExponent;
  private final int maxExponent;
  private final double maxFinite;

  Accumulator(int mantissaBits, int minExponent, int maxExponent) {
    this.mantissaBits = mantissaBits;
    this.minExponent = minExponent;
    this.maxExponent = maxExponent;
    this.maxFinite = Math.scalb(2 - Math.scalb(1.0, -mantissaBits), maxExponent);
  }

  /** The CLI name: {@code exact}, {@code fp32}, {@code fp16}, {@code bf16}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Stored mantissa bits (52 for the exact accumulator, whose sums are exact in a double). */
  public int mantissaBits() {
    return mantissaBits;
  }

  /** The exponent of the smallest normal value (below it the format's values are subnormal, one fixed step). */
  public int minExponent() {
    return minExponent;
  }

  /** The largest finite value; a sum rounded beyond it becomes an infinity. */
  public double maxFinite() {
    return maxFinite;
  }

  /**
   * {@code x} rounded to this format, to nearest with ties to even, beyond the largest finite value to an
   * infinity; subnormals kept. {@link #EXACT} returns {@code x}. Rounding a double that is itself the rounded sum
   * of two values of this format gives the correctly rounded sum: double has at least {@code 2p + 2} bits for
   * every format here (Figueroa, "When is double rounding innocuous?", SIGNUM Newsletter 30(3), 1995).
   */
  public double round(double x) {
    if (this == EXACT || x == 0 || !Double.isFinite(x)) {
      return x;
    }
    if (this == FP32) {
      return (float) x;
    }
    int e = Math.getExponent(x);
    if (e >= minExponent) {
      // a normal value of the format: round the double's bits to nearest even at the format's last mantissa bit
      int shift = 52 - mantissaBits;
      long b = Double.doubleToRawLongBits(x);
      b = (b + ((1L << (shift - 1)) - 1) + ((b >>> shift) & 1)) & -(1L << shift);
      double r = Double.longBitsToDouble(b);
      return Math.abs(r) > maxFinite ? Math.copySign(Double.POSITIVE_INFINITY, x) : r;
    }
    int q = minExponent - mantissaBits;
    double r = Math.scalb(Math.rint(Math.scalb(x, -q)), q);
    return Math.abs(r) > maxFinite ? Math.copySign(Double.POSITIVE_INFINITY, x) : r;
  }

  /** True when {@code x} is a value of this format. */
  public boolean holds(double x) {
    return round(x) == x;
  }

  /** The accumulator named {@code text} (case-insensitive), or null. */
  public static Accumulator parse(String text) {
    for (Accumulator a : values()) {
      if (a.label().equalsIgnoreCase(text)) {
        return a;
      }
    }
    return null;
  }
}
