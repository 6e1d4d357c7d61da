package org.axdse.multipliers.format;

/**
 * A minifloat {@code EeMm}: a sign bit, {@code exponentBits} exponent bits, {@code mantissaBits} mantissa bits,
 * most significant first. A code with exponent field {@code f > 0} is {@code (-1)^s 1.mant 2^(f - bias)}; with
 * {@code f = 0} it is the subnormal {@code (-1)^s 0.mant 2^(1 - bias)}, or zero when subnormals are off.
 * {@link Specials} says which codes are NaN or infinite. Encoding rounds to nearest, ties to even; a magnitude
 * beyond the largest finite value saturates to it when {@code saturate}, else becomes infinity (IEEE) or NaN (FN);
 * an infinite input stays infinite in IEEE formats.
 *
 * <p>Every finite value is {@code significand(code) * 2^exponent(code)} with an integer significand, so the
 * product of two codes is exact as {@code significand(a) * significand(b) * 2^(exponent(a) + exponent(b))}, or as
 * the integer {@link #scaledProduct} times {@code 2^-productScaleShift()}: a fixed-point number a simulator can
 * accumulate exactly. OCP FP8 E4M3/E5M2 follow the OCP 8-bit Floating Point Specification (OFP8) rev. 1.0 (2023);
 * E3M2, E2M3 and E2M1 the OCP Microscaling Formats (MX) Specification v1.0 (2023); E3M4 (bias 3, max 30) Shen et
 * al., "Efficient Post-training Quantization with FP8 Formats", MLSys 2024.
 */
public record Minifloat(int exponentBits, int mantissaBits, int bias, boolean subnormals, Specials specials,
    boolean saturate) implements NumberFormat {

  public Minifloat {
    if (exponentBits < 1 || mantissaBits < 0 || 1 + exponentBits + mantissaBits > 8) {
      throw new IllegalArgumentException("minifloat e" + exponentBits + "m" + mantissaBits
          + " must have at least 1 exponent bit and at most 8 bits in all");
    }
    if (specials == null) {
      throw new IllegalArgumentException("specials are required");
    }
    if (bias < -32 || bias > 64) {
      throw new IllegalArgumentException("bias must be -32 to 64, got " + bias);
    }
    if (specials == Specials.IEEE && (exponentBits < 2 || mantissaBits < 1)) {
      throw new IllegalArgumentException("IEEE specials need at least 2 exponent bits and 1 mantissa bit");
    }
    if (specials == Specials.FN && exponentBits + mantissaBits < 2) {
      throw new IllegalArgumentException("FN specials need at least 2 exponent and mantissa bits in all");
    }
    if (specials == Specials.FINITE && !saturate) {
      throw new IllegalArgumentException("a format without infinity or NaN must saturate on overflow");
    }
  }

  /**
   * The format with the default bias {@code 2^(e-1) - 1}, subnormals, saturation, and the default specials:
   * {@link Specials#IEEE} for 5 or more exponent bits, {@link Specials#FN} for other 8-bit formats,
   * {@link Specials#FINITE} below 8 bits. So {@code of(4, 3)} is OCP E4M3, {@code of(5, 2)} OCP E5M2, {@code
   * of(2, 1)} OCP MX E2M1.
   */
  public static Minifloat of(int exponentBits, int mantissaBits) {
    return new Minifloat(exponentBits, mantissaBits, defaultBias(exponentBits), true,
        defaultSpecials(exponentBits, mantissaBits), true);
  }

  public static Minifloat e4m3() {
    return of(4, 3);
  }

  public static Minifloat e5m2() {
    return of(5, 2);
  }

  public static Minifloat e3m4() {
    return of(3, 4);
  }

  public static Minifloat e3m2() {
    return of(3, 2);
  }

  public static Minifloat e2m3() {
    return of(2, 3);
  }

  public static Minifloat e2m1() {
    return of(2, 1);
  }

  static int defaultBias(int exponentBits) {
    return (1 << (exponentBits - 1)) - 1;
  }

  static Specials defaultSpecials(int exponentBits, int mantissaBits) {
    if (exponentBits >= 5) {
      return Specials.IEEE;
    }
    return 1 + exponentBits + mantissaBits == 8 ? Specials.FN : Specials.FINITE;
  }

  /**
   * Parses {@code e<E>m<M>[_b<bias>][_ieee|_fn|_finite][_nosub][_nosat]}, case-insensitive; omitted parts take
   * the defaults of {@link #of}.
   *
   * @throws org.axdse.multipliers.util.BadInputException one line naming the text and the problem
   */
  public static Minifloat parse(String text) {
    if (FormatNames.parse(text) instanceof Minifloat f) {
      return f;
    }
    throw new org.axdse.multipliers.util.BadInputException(
        "format '" + text + "' is an integer format, expected a minifloat such as e4m3");
  }

  @Override
  public int bits() {
    return 1 + exponentBits + mantissaBits;
  }

  @Override
  public String name() {
    return FormatNames.print(this);
  }

  /** The sign bit, {@code 1 << (e + m)}. */
  public int signBit() {
    return 1 << (exponentBits + mantissaBits);
  }

  public int exponentField(int code) {
    return (check(code) >>> mantissaBits) & ((1 << exponentBits) - 1);
  }

  public int mantissaField(int code) {
    return check(code) & ((1 << mantissaBits) - 1);
  }

  public boolean negative(int code) {
    return (check(code) & signBit()) != 0;
  }

  public boolean isNaN(int code) {
    int f = exponentField(code);
    int mant = mantissaField(code);
    int allOnes = (1 << exponentBits) - 1;
    return switch (specials) {
      case IEEE -> f == allOnes && mant != 0;
      case FN -> f == allOnes && mant == (1 << mantissaBits) - 1;
      case FINITE -> false;
    };
  }

  public boolean isInfinite(int code) {
    return specials == Specials.IEEE && exponentField(code) == (1 << exponentBits) - 1 && mantissaField(code) == 0;
  }

  public boolean isFinite(int code) {
    return !isNaN(code) && !isInfinite(code);
  }

  /** The unsigned integer significand of a finite code: {@code 1.mant} or {@code 0.mant} times {@code 2^m}. */
  public int significand(int code) {
    finite(code);
    int f = exponentField(code);
    if (f == 0) {
      return subnormals ? mantissaField(code) : 0;
    }
    return (1 << mantissaBits) | mantissaField(code);
  }

  /** The power of two of a finite code: its value is {@code ±significand(code) * 2^exponent(code)}. */
  public int exponent(int code) {
    finite(code);
    return Math.max(exponentField(code), 1) - bias - mantissaBits;
  }

  @Override
  public double decode(int code) {
    if (isNaN(code)) {
      return Double.NaN;
    }
    if (isInfinite(code)) {
      return negative(code) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double magnitude = Math.scalb((double) significand(code), exponent(code));
    return negative(code) ? -magnitude : magnitude;
  }

  @Override
  public int encode(double x) {
    return MinifloatRounding.encode(this, x);
  }

  /** The positive code of the largest finite value. */
  public int maxCode() {
    int allOnes = (1 << exponentBits) - 1;
    int mantOnes = (1 << mantissaBits) - 1;
    return switch (specials) {
      case IEEE -> ((allOnes - 1) << mantissaBits) | mantOnes;
      case FN -> mantissaBits == 0 ? (allOnes - 1) : (allOnes << mantissaBits) | (mantOnes - 1);
      case FINITE -> (allOnes << mantissaBits) | mantOnes;
    };
  }

  /** The largest finite value, e.g. 448 for E4M3, 57344 for E5M2, 6 for E2M1. */
  public double maxFinite() {
    return decode(maxCode());
  }

  /** The smallest positive normal value, {@code 2^(1 - bias)}. */
  public double minNormal() {
    return Math.scalb(1.0, 1 - bias);
  }

  /** The smallest positive value: the smallest subnormal {@code 2^(1 - bias - m)}, or the smallest normal. */
  public double minPositive() {
    return subnormals && mantissaBits > 0 ? Math.scalb(1.0, 1 - bias - mantissaBits) : minNormal();
  }

  /** The value of every code, indexed by code (NaN and infinities included). */
  public double[] values() {
    double[] v = new double[codes()];
    for (int c = 0; c < v.length; c++) {
      v[c] = decode(c);
    }
    return v;
  }

  /**
   * The shift that makes every product of two finite codes an integer: {@code 2 * (bias - 1 + m)}, so that
   * {@code decode(a) * decode(b) == scaledProduct(a, b) * 2^-productScaleShift()} exactly.
   */
  public int productScaleShift() {
    return 2 * (bias - 1 + mantissaBits);
  }

  /** Bits of the largest {@code |scaledProduct|}, without a sign bit: 36 for E4M3, 64 for E5M2, 22 for E3M4. */
  public int productMagnitudeBits() {
    int sig = significand(maxCode());
    long sq = (long) sig * sig;
    int shift = 2 * (exponent(maxCode()) + productScaleShift() / 2);
    return 64 - Long.numberOfLeadingZeros(sq) + shift;
  }

  /** True when every {@link #scaledProduct} fits a signed long (false only for E5M2 among the named formats). */
  public boolean scaledProductFitsLong() {
    return productMagnitudeBits() <= 63;
  }

  /**
   * The exact product of finite codes {@code a} and {@code b} as an integer: {@code decode(a) * decode(b) *
   * 2^productScaleShift()}.
   *
   * @throws IllegalArgumentException when a code is NaN or infinite
   * @throws ArithmeticException when the product does not fit a long (only possible when {@link
   *     #scaledProductFitsLong()} is false)
   */
  public long scaledProduct(int a, int b) {
    long sig = (long) significand(a) * significand(b);
    int shift = exponent(a) + exponent(b) + productScaleShift();
    if (sig != 0 && 64 - Long.numberOfLeadingZeros(sig) + shift > 63) {
      throw new ArithmeticException("product of codes " + a + " and " + b + " of " + name() + " overflows a long");
    }
    long p = sig << shift;
    return negative(a) != negative(b) ? -p : p;
  }

  private int check(int code) {
    if (code < 0 || code >= codes()) {
      throw new IllegalArgumentException("code " + code + " out of range for " + name());
    }
    return code;
  }

  private void finite(int code) {
    if (!isFinite(code)) {
      throw new IllegalArgumentException("code 0x" + Integer.toHexString(code) + " of " + name() + " is "
          + (isNaN(code) ? "NaN" : "infinite"));
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
