package org.axdse.multipliers.format;

/**
 * Double to minifloat code: round to nearest, ties to even, as IEEE 754 roundTiesToEven with an unbounded
 * exponent, then the format's overflow rule on the rounded magnitude. An infinite input stays infinite in an
 * IEEE format (saturating or not) and is treated as an overflow in the others. Without subnormals, a magnitude
 * below the smallest normal goes to the nearer of zero and the smallest normal, ties to zero.
 */
final class MinifloatRounding {
  private MinifloatRounding() {}

  static int encode(Minifloat f, double x) {
    if (Double.isNaN(x)) {
      return nanCode(f);
    }
    int sign = Double.doubleToRawLongBits(x) < 0 ? f.signBit() : 0;
    double a = Math.abs(x);
    if (Double.isInfinite(a)) {
      return sign | (f.specials() == Specials.IEEE ? infinityCode(f) : overflowCode(f));
    }
    if (a == 0) {
      return sign;
    }
    int m = f.mantissaBits();
    int emin = 1 - f.bias();
    if (!f.subnormals() && a < f.minNormal()) {
      return a > f.minNormal() / 2 ? sign | (1 << m) : sign;
    }
    int q = Math.max(Math.getExponent(a), emin) - m;
    long r = (long) Math.rint(Math.scalb(a, -q));
    if (r == 0) {
      return sign;
    }
    if (r == 1L << (m + 1)) {
      r >>= 1;
      q++;
    }
    int field = r >= (1L << m) ? q + m + f.bias() : 0;
    int mant = (int) (r & ((1L << m) - 1));
    if (field >= (1 << f.exponentBits()) || ((field << m) | mant) > f.maxCode()) {
      return sign | overflowCode(f);
    }
    return sign | (field << m) | mant;
  }

  private static int overflowCode(Minifloat f) {
    if (f.saturate()) {
      return f.maxCode();
    }
    return f.specials() == Specials.IEEE ? infinityCode(f) : nanCode(f);
  }

  private static int infinityCode(Minifloat f) {
    return ((1 << f.exponentBits()) - 1) << f.mantissaBits();
  }

  private static int nanCode(Minifloat f) {
    if (f.specials() == Specials.FINITE) {
      throw new IllegalArgumentException(f.name() + " has no NaN");
    }
    return (1 << (f.exponentBits() + f.mantissaBits())) - 1;
  }
}
