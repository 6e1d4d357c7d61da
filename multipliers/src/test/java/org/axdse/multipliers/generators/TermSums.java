package org.axdse.multipliers.generators;

import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Independent reference for partial-product designs, written from the definition of the product and not from the
 * generators: {@code a * w = sum_{i,j} s_ij a_i w_j 2^(i+j)} where, for two's complement operands, {@code s_ij =
 * -1} when exactly one of {@code i = 7}, {@code j = N-1} holds (the sign bits weigh {@code -2^7} and
 * {@code -2^(N-1)}), and {@code +1} otherwise.
 */
final class TermSums {
  interface TermFilter {
    boolean keep(int i, int j);
  }

  private TermSums() {}

  static int bit(int x, int i) {
    return (x >>> i) & 1;
  }

  static int sign(MultiplierFormat f, int i, int j) {
    return f.signed() && ((i == 7) != (j == f.weightBits() - 1)) ? -1 : 1;
  }

  /** Sum of the terms {@code keep} accepts for operands {@code a}, {@code w}. */
  static long sum(MultiplierFormat f, int a, int w, TermFilter keep) {
    long s = 0;
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < f.weightBits(); j++) {
        if (keep.keep(i, j)) {
          s += (long) sign(f, i, j) * bit(a, i) * bit(w, j) << (i + j);
        }
      }
    }
    return s;
  }

  /** {@code v} modulo {@code 2^(8+N)}, read back as the format reads a product (two's complement if signed). */
  static int wrap(MultiplierFormat f, long v) {
    int p = f.productBits();
    long m = v & ((1L << p) - 1);
    if (f.signed() && m >= 1L << (p - 1)) {
      m -= 1L << p;
    }
    return (int) m;
  }
}
