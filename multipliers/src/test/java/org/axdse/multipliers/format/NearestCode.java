package org.axdse.multipliers.format;

import java.math.BigDecimal;

/**
 * Test oracle: the code of a finite {@code x} in {@code f} by brute force, scanning every code for the nearest
 * value with exact (BigDecimal) distances, ties to the even code, then the overflow rule. Shares no code with
 * {@link MinifloatRounding}.
 */
public final class NearestCode {
  private NearestCode() {}

  public static int round(Minifloat f, double x) {
    int sign = Double.doubleToRawLongBits(x) < 0 ? f.signBit() : 0;
    double a = Math.abs(x);
    double[] v = f.values();
    int lower = 0;
    for (int c = 0; c <= f.maxCode(); c++) {
      if (v[c] <= a && v[c] > v[lower]) {
        lower = c;
      }
    }
    if (v[lower] == a) {
      return sign | lower;
    }
    int upper = lower + 1;
    while (upper <= f.maxCode() && v[upper] == v[lower]) {
      upper++;
    }
    // beyond the maximum: the next value of an unbounded exponent, maxCode + 1 in code order
    double upperValue = upper <= f.maxCode() ? f.decode(upper)
        : f.maxFinite() + Math.scalb(1.0, f.exponent(f.maxCode()));
    int cmp = new BigDecimal(a).subtract(new BigDecimal(f.decode(lower)))
        .compareTo(new BigDecimal(upperValue).subtract(new BigDecimal(a)));
    boolean up = cmp > 0 || (cmp == 0 && (lower & 1) == 1 && (upper & 1) == 0);
    if (!up) {
      return sign | lower;
    }
    if (upper <= f.maxCode()) {
      return sign | upper;
    }
    if (f.saturate()) {
      return sign | f.maxCode();
    }
    return f.specials() == Specials.IEEE ? sign | (((1 << f.exponentBits()) - 1) << f.mantissaBits()) : f.signBit() - 1;
  }
}
