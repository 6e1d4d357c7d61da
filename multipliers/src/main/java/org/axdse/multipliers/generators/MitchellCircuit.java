package org.axdse.multipliers.generators;

/**
 * Gate-level unsigned Mitchell logarithmic multiplier: for non-zero operands {@code x = 2^k1 (1 + f1)} and
 * {@code y = 2^k2 (1 + f2)} the product is approximated by {@code 2^(k1+k2) (1 + f1 + f2)} when
 * {@code f1 + f2 < 1}, else {@code 2^(k1+k2+1) (f1 + f2)}, truncated to an integer. J. N. Mitchell, "Computer
 * Multiplication and Division Using Binary Logarithms", IRE Trans. Electronic Computers EC-11(4), 1962.
 *
 * <p>Circuit: per operand a leading-one detector and priority encoder give the leading-zero count {@code z}; a
 * barrel shifter normalises the operand, whose bits below the leading one are the fraction (aligned to 7 bits).
 * One adder sums the fractions; its carry {@code c} selects the mantissa {@code 1.s} at offset {@code N-1+c}; a
 * second adder sums {@code z1 + z2} and a right barrel shifter divides by {@code 2^(z1+z2)}. A zero operand clears
 * the mantissa, so the product is zero.
 */
final class MitchellCircuit {
  private MitchellCircuit() {}

  static int[] multiply(Logic g, int[] a, int[] w, int width) {
    int fracBits = a.length - 1;
    Normalized na = normalize(g, a);
    Normalized nw = normalize(g, w);
    int[] f2 = new int[fracBits];
    int offset = fracBits - nw.fraction.length;
    for (int t = 0; t < fracBits; t++) {
      f2[t] = t >= offset ? nw.fraction[t - offset] : Logic.ZERO;
    }
    int[] s = Datapath.add(g, na.fraction, f2, Logic.ZERO, fracBits + 1);
    int c = s[fracBits];
    int nonZero = g.and(na.any, nw.any);
    int[] mantissa = new int[fracBits + 1];
    for (int t = 0; t < fracBits; t++) {
      mantissa[t] = g.and(s[t], nonZero);
    }
    mantissa[fracBits] = nonZero;
    int base = w.length - 1;
    int[] placed = new int[width];
    for (int p = 0; p < width; p++) {
      placed[p] = g.mux(c, at(mantissa, p - base), at(mantissa, p - base - 1));
    }
    int zBits = Datapath.bitsFor(a.length - 1 + w.length - 1);
    int[] z = Datapath.add(g, na.zeros, nw.zeros, Logic.ZERO, zBits);
    return Datapath.shiftRight(g, placed, z, width);
  }

  private static int at(int[] x, int i) {
    return i >= 0 && i < x.length ? x[i] : Logic.ZERO;
  }

  /** Leading-zero count, fraction bits below the leading one (MSB-aligned), and non-zero flag. */
  private record Normalized(int[] zeros, int[] fraction, int any) {}

  private static Normalized normalize(Logic g, int[] x) {
    int n = x.length;
    Datapath.LeadingOne lo = Datapath.leadingOne(g, x);
    int[] z = Datapath.encode(g, lo.oneHot(), i -> n - 1 - i, Datapath.bitsFor(n - 1));
    int[] norm = Datapath.shiftLeft(g, x, z, n);
    int[] fraction = new int[n - 1];
    System.arraycopy(norm, 0, fraction, 0, n - 1);
    return new Normalized(z, fraction, lo.any());
  }
}
