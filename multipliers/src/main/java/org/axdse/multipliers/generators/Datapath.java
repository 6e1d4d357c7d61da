package org.axdse.multipliers.generators;

import java.util.function.IntUnaryOperator;

/**
 * Word-level building blocks over {@link Logic}: adders, conditional negation, leading-one detection, encoding and
 * logarithmic barrel shifters. Words are arrays of nets, LSB first.
 */
final class Datapath {
  private Datapath() {}

  /** Bits needed to hold values {@code 0..max}. */
  static int bitsFor(int max) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
  }

  /** {@code x + y + cin} modulo {@code 2^width}, ripple carry. */
  static int[] add(Logic g, int[] x, int[] y, int cin, int width) {
    int[] out = new int[width];
    int carry = cin;
    for (int i = 0; i < width; i++) {
      int xi = bit(x, i);
      int yi = bit(y, i);
      if (i == width - 1) {
        out[i] = g.xor3(xi, yi, carry);
      } else {
        int[] sc = g.fullAdder(xi, yi, carry);
        out[i] = sc[0];
        carry = sc[1];
      }
    }
    return out;
  }

  /** {@code s ? -x : x} in the width of {@code x}: {@code (x XOR s) + s}. */
  static int[] conditionalNegate(Logic g, int[] x, int s) {
    int[] flipped = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      flipped[i] = g.xor(x[i], s);
    }
    return add(g, flipped, new int[0], s, x.length);
  }

  /**
   * Leading-one detector: a one-hot word marking the most significant 1 of {@code x} (all zero when {@code x} is
   * zero), and whether {@code x} is non-zero.
   */
  record LeadingOne(int[] oneHot, int any) {}

  static LeadingOne leadingOne(Logic g, int[] x) {
    int[] h = new int[x.length];
    int above = Logic.ZERO;
    for (int i = x.length - 1; i >= 0; i--) {
      h[i] = g.and(x[i], g.not(above));
      above = g.or(above, x[i]);
    }
    return new LeadingOne(h, above);
  }

  /** Priority encoder output: the binary code of {@code value(i)} for the set position {@code i} of a one-hot word. */
  static int[] encode(Logic g, int[] oneHot, IntUnaryOperator value, int bits) {
    int[] out = new int[bits];
    for (int b = 0; b < bits; b++) {
      int acc = Logic.ZERO;
      for (int i = 0; i < oneHot.length; i++) {
        if (((value.applyAsInt(i) >>> b) & 1) != 0) {
          acc = g.or(acc, oneHot[i]);
        }
      }
      out[b] = acc;
    }
    return out;
  }

  /** {@code x << amount}, {@code width} bits, one multiplexer stage per amount bit. */
  static int[] shiftLeft(Logic g, int[] x, int[] amount, int width) {
    int[] cur = fit(x, width);
    for (int t = 0; t < amount.length; t++) {
      int sh = 1 << t;
      int[] next = new int[width];
      for (int p = 0; p < width; p++) {
        next[p] = g.mux(amount[t], cur[p], p - sh >= 0 ? cur[p - sh] : Logic.ZERO);
      }
      cur = next;
    }
    return cur;
  }

  /** {@code x >> amount} (logical, bits shifted out are dropped), {@code width} bits. */
  static int[] shiftRight(Logic g, int[] x, int[] amount, int width) {
    int[] cur = fit(x, Math.max(width, x.length));
    for (int t = 0; t < amount.length; t++) {
      int sh = 1 << t;
      int[] next = new int[cur.length];
      for (int p = 0; p < cur.length; p++) {
        next[p] = g.mux(amount[t], cur[p], p + sh < cur.length ? cur[p + sh] : Logic.ZERO);
      }
      cur = next;
    }
    return fit(cur, width);
  }

  /** {@code x} zero-extended or cut to {@code width} bits. */
  static int[] fit(int[] x, int width) {
    int[] out = new int[width];
    for (int i = 0; i < width; i++) {
      out[i] = bit(x, i);
    }
    return out;
  }

  private static int bit(int[] x, int i) {
    return i < x.length ? x[i] : Logic.ZERO;
  }
}
