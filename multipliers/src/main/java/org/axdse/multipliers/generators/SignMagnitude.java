package org.axdse.multipliers.generators;

/**
 * Signed version of an unsigned multiplier core by sign-magnitude wrapping: take the absolute value of both
 * two's-complement operands ({@code |a|} fits in 8 unsigned bits and {@code |w|} in N, since {@code |-2^(n-1)| =
 * 2^(n-1)}), multiply the magnitudes with the unsigned core, and negate the product when the operand signs
 * differ. The result is {@code sign(a) sign(w) f(|a|, |w|)}, so the error is symmetric in sign.
 */
final class SignMagnitude {
  /** An unsigned core: magnitude product of {@code a} and {@code w} in {@code width} bits. */
  interface Core {
    int[] multiply(Logic g, int[] a, int[] w, int width);
  }

  private SignMagnitude() {}

  /** The product bits of {@code core} for the netlist's operands, wrapped when the format is signed. */
  static int[] product(Logic g, Core core) {
    int[] a = g.aBits();
    int[] w = g.wBits();
    int width = g.format().productBits();
    if (!g.format().signed()) {
      return core.multiply(g, a, w, width);
    }
    int sa = a[a.length - 1];
    int sw = w[w.length - 1];
    int[] magA = Datapath.conditionalNegate(g, a, sa);
    int[] magW = Datapath.conditionalNegate(g, w, sw);
    int[] mag = core.multiply(g, magA, magW, width);
    return Datapath.conditionalNegate(g, mag, g.xor(sa, sw));
  }
}
