package org.axdse.multipliers.generators;

/**
 * Gate-level unsigned DRUM-k multiplier: each operand whose leading one is at position {@code p >= k} is cut to
 * its {@code k} bits from the leading one down, the lowest kept bit is forced to 1 (which makes the expected error
 * zero), the two {@code k}-bit segments are multiplied exactly and the product is shifted back. Operands below
 * {@code 2^k} are used exactly. S. Hashemi, R. I. Bahar and S. Reda, "DRUM: A Dynamic Range Unbiased Multiplier
 * for Approximate Applications", ICCAD 2015.
 *
 * <p>Circuit: per operand a leading-one detector over bits {@code k..n-1} and a priority encoder give the shift
 * {@code s = p - k + 1} (0 if there is no such one); a right barrel shifter extracts the segment; a {@code k x k}
 * array multiplier, an adder for {@code s1 + s2} and a left barrel shifter finish the product.
 */
final class DrumCircuit {
  private DrumCircuit() {}

  static int[] multiply(Logic g, int[] a, int[] w, int width, int k) {
    Segment sa = segment(g, a, k);
    Segment sw = segment(g, w, k);
    int pw = sa.bits.length + sw.bits.length;
    BitMatrix m = PartialProducts.matrix(g, sa.bits, sw.bits,
        PartialProducts.terms(sa.bits.length, sw.bits.length, false), 0, pw);
    int[] product = Reducer.exact(g, pw).reduce(m, Reduction.ARRAY);
    int maxShift = Math.max(0, a.length - k) + Math.max(0, w.length - k);
    if (maxShift == 0) {
      return Datapath.fit(product, width);
    }
    int[] shift = Datapath.add(g, sa.shift, sw.shift, Logic.ZERO, Datapath.bitsFor(maxShift));
    return Datapath.shiftLeft(g, product, shift, width);
  }

  /** The {@code k}-bit (or shorter, for short operands) segment and its shift amount. */
  private record Segment(int[] bits, int[] shift) {}

  private static Segment segment(Logic g, int[] x, int k) {
    int n = x.length;
    if (n <= k) {
      return new Segment(x.clone(), new int[0]);
    }
    int[] upper = new int[n - k];
    System.arraycopy(x, k, upper, 0, n - k);
    Datapath.LeadingOne lo = Datapath.leadingOne(g, upper);
    int[] s = Datapath.encode(g, lo.oneHot(), i -> i + 1, Datapath.bitsFor(n - k));
    int[] seg = Datapath.shiftRight(g, x, s, k);
    seg[0] = g.or(seg[0], lo.any());
    return new Segment(seg, s);
  }
}
