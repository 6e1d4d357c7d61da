package org.axdse.multipliers.format;

/**
 * A product of two minifloat codes as it sits in a float multiplier's product table: the exact value {@code
 * significand * 2^exponent}, or NaN, or an infinity. Every product of two minifloats of up to 8 bits (exact,
 * rounded, or from an approximate circuit) is of this form, and {@link #pack} stores it in one int so that the
 * project's int-valued {@link org.axdse.multipliers.table.ProductTable} can hold float products unchanged.
 *
 * <p>Packed layout: {@code (significand << 8) | (exponent & 0xFF)}, the exponent as a two's-complement byte,
 * canonical (odd significand, or zero with exponent 0, so zero packs to 0): two packed products are equal exactly
 * when their values are. Exponent byte {@code 0x80} marks a non-finite product, its significand {@code 0} for NaN
 * and {@code ±1} for {@code ±infinity}. Read a packed entry with {@link #unpack}, then {@link #value()} or
 * {@link #scaled(int)}.
 *
 * @param significand signed integer significand, odd or zero ({@code ±1} or 0 when not finite)
 * @param exponent power of two, -127 to 127
 * @param finite false for NaN and infinities
 */
public record FloatProduct(int significand, int exponent, boolean finite) {
  private static final int MAX_SIGNIFICAND = 1 << 22;
  private static final FloatProduct NAN = new FloatProduct(0, 0, false);

  public FloatProduct {
    if (finite) {
      if (significand == 0 && exponent != 0 || significand != 0 && (significand & 1) == 0) {
        throw new IllegalArgumentException("not canonical: " + significand + " * 2^" + exponent
            + " (use FloatProduct.of)");
      }
      if (Math.abs(significand) >= MAX_SIGNIFICAND || exponent < -127 || exponent > 127) {
        throw new IllegalArgumentException("product " + significand + " * 2^" + exponent + " out of range");
      }
    } else if (exponent != 0 || Math.abs(significand) > 1) {
      throw new IllegalArgumentException("non-finite product needs significand 0 (NaN) or ±1 (infinity)");
    }
  }

  /** The canonical form of {@code significand * 2^exponent}. */
  public static FloatProduct of(long significand, int exponent) {
    if (significand == 0) {
      return new FloatProduct(0, 0, true);
    }
    int tz = Long.numberOfTrailingZeros(significand);
    long s = significand >> tz;
    if (Math.abs(s) >= MAX_SIGNIFICAND) {
      throw new IllegalArgumentException("significand " + significand + " too wide for a packed product");
    }
    return new FloatProduct((int) s, exponent + tz, true);
  }

  /** The exact product of two finite or non-finite codes of {@code f}, IEEE rules for NaN and infinity. */
  public static FloatProduct exact(Minifloat f, int a, int b) {
    if (f.isFinite(a) && f.isFinite(b)) {
      long s = (long) f.significand(a) * f.significand(b);
      return of(f.negative(a) != f.negative(b) ? -s : s, f.exponent(a) + f.exponent(b));
    }
    return ofValue(f.decode(a) * f.decode(b));
  }

  /** A double that is a finite value of this form, or NaN, or an infinity. */
  public static FloatProduct ofValue(double v) {
    if (Double.isNaN(v)) {
      return NAN;
    }
    if (Double.isInfinite(v)) {
      return new FloatProduct(v > 0 ? 1 : -1, 0, false);
    }
    if (v == 0) {
      return of(0, 0);
    }
    int e = Math.getExponent(v) - 52;
    long bits = (long) Math.scalb(v, -e);
    if (Math.scalb((double) bits, e) != v) {
      throw new IllegalArgumentException(v + " is not an integer times a power of two here");
    }
    return of(bits, e);
  }

  public static FloatProduct unpack(int packed) {
    int e = (byte) packed;
    int s = packed >> 8;
    return e == Byte.MIN_VALUE ? new FloatProduct(s, 0, false) : new FloatProduct(s, e, true);
  }

  public int pack() {
    return (significand << 8) | (finite ? exponent & 0xFF : 0x80);
  }

  public boolean isNaN() {
    return !finite && significand == 0;
  }

  /** The exact value as a double (every packed product is exact in a double). */
  public double value() {
    if (!finite) {
      return significand == 0 ? Double.NaN : significand * Double.POSITIVE_INFINITY;
    }
    return Math.scalb((double) significand, exponent);
  }

  /**
   * The value times {@code 2^shift} as a long, e.g. with {@code shift = f.productScaleShift()}.
   *
   * @throws ArithmeticException when it is not finite, not an integer, or does not fit a long
   */
  public long scaled(int shift) {
    if (!finite) {
      throw new ArithmeticException("product is " + (isNaN() ? "NaN" : "infinite"));
    }
    int s = exponent + shift;
    if (significand == 0) {
      return 0;
    }
    if (s < 0 || s + 64 - Long.numberOfLeadingZeros(Math.abs((long) significand)) > 63) {
      throw new ArithmeticException(this + " times 2^" + shift + " is not an integer that fits a long");
    }
    return (long) significand << s;
  }

  @Override
  public String toString() {
    return finite ? significand + "*2^" + exponent : isNaN() ? "NaN" : significand > 0 ? "+inf" : "-inf";
  }
}
