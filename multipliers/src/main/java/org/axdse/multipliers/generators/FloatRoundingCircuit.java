package org.axdse.multipliers.generators;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.format.Specials;

/**
 * Normalization and rounding of a float product to a code of the operand format, round to nearest, ties to even,
 * then the format's overflow rule: the hardware form of {@link Minifloat#encode} on the product.
 *
 * <p>Stages: a leading-one detector and left shifter normalize the significand product {@code P} ({@code W = 2m+2}
 * bits); the biased result exponent is {@code R = S + 1 - bias - lz}. When {@code R <= 0} the result is subnormal
 * and the normalized product is shifted right by {@code 1 - R} (capped at {@code m + 3}: anything further rounds to
 * zero just the same) into a word with {@code m + 3} extra low bits, so nothing is lost; the top {@code m + 1} bits
 * are kept, the next is the guard bit and the OR of the rest the sticky bit. The code is {@code ((R - 1) << m) +
 * kept + roundUp} (field 0 for subnormals), so a rounding carry moves into the exponent field by itself. A code
 * above the largest finite one overflows: saturation, or infinity / NaN. Zero, infinity and NaN override. Without
 * subnormals a subnormal result becomes 0 or the smallest normal, the nearer (ties to 0), as in the encoder.
 */
final class FloatRoundingCircuit {
  private FloatRoundingCircuit() {}

  static int[] round(Logic g, Minifloat f, FloatMultiplierCircuit.Product product) {
    int m = f.mantissaBits();
    int e = f.exponentBits();
    int[] p = product.significand();
    int width = p.length;
    Datapath.LeadingOne lo = Datapath.leadingOne(g, p);
    int[] lz = Datapath.encode(g, lo.oneHot(), i -> width - 1 - i, Datapath.bitsFor(width - 1));
    int[] normalized = Datapath.shiftLeft(g, p, lz, width);

    int rMax = (1 << (e + 1)) - 2 + 1 - f.bias();
    int rMin = 2 + 1 - f.bias() - (width - 1);
    int rw = Datapath.bitsFor(Math.max(Math.abs(rMin), Math.abs(rMax)) + 2) + 1;
    int[] r1 = Datapath.add(g, product.exponentSum(), constant(1 - f.bias(), rw), Logic.ZERO, rw);
    int[] r = Datapath.add(g, r1, not(g, Datapath.fit(lz, rw)), Logic.ONE, rw);
    int denormal = g.or(r[rw - 1], g.not(FloatOperand.orAll(g, r)));

    int cap = m + 3;
    int cb = Datapath.bitsFor(cap);
    int[] d = Datapath.add(g, not(g, r), constant(2, rw), Logic.ZERO, rw);
    int[] dMinusCap = Datapath.add(g, d, constant(-cap, rw), Logic.ZERO, rw);
    int capped = g.not(dMinusCap[rw - 1]);
    int[] shift = new int[cb];
    for (int b = 0; b < cb; b++) {
      int capBit = ((cap >>> b) & 1) != 0 ? Logic.ONE : Logic.ZERO;
      shift[b] = g.and(denormal, g.mux(capped, d[b], capBit));
    }
    int[] wide = new int[width + cap];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = i >= cap ? normalized[i - cap] : Logic.ZERO;
    }
    int[] y = Datapath.shiftRight(g, wide, shift, wide.length);
    int top = wide.length - 1;
    int[] kept = new int[m + 1];
    System.arraycopy(y, top - m, kept, 0, m + 1);
    int guard = y[top - m - 1];
    int sticky = FloatOperand.orAll(g, java.util.Arrays.copyOf(y, top - m - 1));
    int roundUp = g.and(guard, g.or(sticky, kept[0]));

    int fb = Datapath.bitsFor(Math.max(rMax - 1, 1));
    int[] rMinusOne = Datapath.add(g, r, constant(-1, rw), Logic.ZERO, rw);
    int cw = m + fb + 1;
    int[] fieldShifted = new int[cw];
    for (int i = 0; i < cw; i++) {
      fieldShifted[i] = i >= m && i - m < fb ? g.and(g.not(denormal), rMinusOne[i - m]) : Logic.ZERO;
    }
    int[] code = Datapath.add(g, fieldShifted, kept, roundUp, cw);
    if (!f.subnormals()) {
      flushSubnormal(g, code, m, g.not(FloatOperand.orAll(g, r)), normalized);
    }
    int[] overDiff = Datapath.add(g, code, constant(-(f.maxCode() + 1), cw + 1), Logic.ZERO, cw + 1);
    int over = g.not(overDiff[cw]);

    int magnitudeBits = e + m;
    int infCode = ((1 << e) - 1) << m;
    int nanCode = (1 << magnitudeBits) - 1;
    int overflowCode = f.saturate() ? f.maxCode() : f.specials() == Specials.IEEE ? infCode : nanCode;
    int[] out = new int[magnitudeBits + 1];
    for (int i = 0; i < magnitudeBits; i++) {
      int v = g.mux(over, code[i], bit(overflowCode, i));
      v = g.and(lo.any(), v);
      v = g.mux(product.inf(), v, bit(infCode, i));
      out[i] = g.mux(product.nan(), v, bit(nanCode, i));
    }
    out[magnitudeBits] = product.sign();
    return out;
  }

  /**
   * Without subnormals a result below the smallest normal is 0, or the smallest normal when it exceeds half of
   * it: {@code R == 0} (the product is in {@code [minNormal/2, minNormal)}) and bits below the leading one.
   */
  private static void flushSubnormal(Logic g, int[] code, int m, int rIsZero, int[] normalized) {
    int subnormal = g.not(FloatOperand.orAll(g, java.util.Arrays.copyOfRange(code, m, code.length)));
    int aboveHalf = g.and(rIsZero,
        FloatOperand.orAll(g, java.util.Arrays.copyOf(normalized, normalized.length - 1)));
    for (int i = 0; i < m; i++) {
      code[i] = g.and(g.not(subnormal), code[i]);
    }
    code[m] = g.or(code[m], g.and(subnormal, aboveHalf));
  }

  private static int bit(int value, int i) {
    return ((value >>> i) & 1) != 0 ? Logic.ONE : Logic.ZERO;
  }

  private static int[] constant(int value, int width) {
    int[] c = new int[width];
    for (int i = 0; i < width; i++) {
      c[i] = bit(value, i);
    }
    return c;
  }

  private static int[] not(Logic g, int[] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = g.not(x[i]);
    }
    return out;
  }
}
