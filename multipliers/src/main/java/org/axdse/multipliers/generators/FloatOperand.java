package org.axdse.multipliers.generators;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.format.Specials;

/**
 * The fields of one minifloat operand as nets: sign, significand {@code (m+1)} bits with the hidden bit, the
 * effective exponent {@code max(field, 1)} ({@code e} bits), and the zero, infinity and NaN flags of the format.
 */
record FloatOperand(int sign, int[] significand, int[] exponent, int zero, int inf, int nan) {

  static FloatOperand of(Logic g, Minifloat f, int[] code) {
    int m = f.mantissaBits();
    int e = f.exponentBits();
    int[] field = new int[e];
    System.arraycopy(code, m, field, 0, e);
    int fieldNonZero = orAll(g, field);
    int fieldAllOnes = andAll(g, field);
    int[] mant = new int[m];
    for (int i = 0; i < m; i++) {
      mant[i] = f.subnormals() ? code[i] : g.and(code[i], fieldNonZero);
    }
    int[] sig = new int[m + 1];
    System.arraycopy(mant, 0, sig, 0, m);
    sig[m] = fieldNonZero;
    int[] exp = field.clone();
    exp[0] = g.or(field[0], g.not(fieldNonZero));
    int zero = g.not(orAll(g, sig));
    int mantNonZero = orAll(g, java.util.Arrays.copyOf(code, m));
    int mantAllOnes = andAll(g, java.util.Arrays.copyOf(code, m));
    int inf = Logic.ZERO;
    int nan = Logic.ZERO;
    if (f.specials() == Specials.IEEE) {
      inf = g.and(fieldAllOnes, g.not(mantNonZero));
      nan = g.and(fieldAllOnes, mantNonZero);
    } else if (f.specials() == Specials.FN) {
      nan = g.and(fieldAllOnes, mantAllOnes);
    }
    return new FloatOperand(code[m + e], sig, exp, zero, inf, nan);
  }

  static int orAll(Logic g, int[] x) {
    int acc = Logic.ZERO;
    for (int b : x) {
      acc = g.or(acc, b);
    }
    return acc;
  }

  static int andAll(Logic g, int[] x) {
    int acc = Logic.ONE;
    for (int b : x) {
      acc = g.and(acc, b);
    }
    return acc;
  }
}
