package org.axdse.simulator.kernels;

import java.util.Arrays;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * The error of a product table as a bilinear form of the operand bits: {@code T[a][w] - a * w = c0 + sum_i
 * alpha[i] a_i + sum_j beta[j] w_j + sum_ij coef[i * 8 + j] a_i w_j}, exactly for every pair of codes, where
 * {@code a_i} is bit i of the 8-bit activation code and {@code w_j} bit j of the weight code (codes as the table
 * indexes them: two's complement for signed formats, plain binary otherwise) and {@code a * w} the product of the
 * operand values. Truncated, broken-array and perforated multipliers, whose approximation drops partial products
 * {@code a_i w_j}, have this form with few nonzero {@code coef}; so does any table (imported, evolved) that happens
 * to be bilinear, because {@link #detect} reads only the table.
 *
 * <p>The coefficients are the Moebius transform of the error on the bit cube restricted to degree at most (1, 1)
 * (Grabisch, Marichal and Roubens, "Equivalent representations of set functions", Mathematics of Operations
 * Research 25(2), 2000): {@code c0 = e(0, 0)}, {@code alpha[i] = e(2^i, 0) - c0}, {@code beta[j] = e(0, 2^j) - c0},
 * {@code coef[i][j] = e(2^i, 2^j) - e(2^i, 0) - e(0, 2^j) + c0}; the table is bilinear exactly when these
 * coefficients reproduce every entry, which {@link #detect} checks.
 *
 * @param format the table's format (integer, 8-bit activations)
 * @param c0 the constant term
 * @param alpha the 8 activation-bit coefficients
 * @param beta the weight-bit coefficients, {@code format.weightBits()} of them
 * @param coef the bit-pair coefficients, {@code coef[i * 8 + j]}, 64 entries (zero for {@code j >= weightBits})
 */
public record BilinearForm(MultiplierFormat format, int c0, int[] alpha, int[] beta, int[] coef) {
  /** Activation bits. */
  static final int A_BITS = 8;

  public BilinearForm {
    if (format == null || format.isFloat()) {
      throw new IllegalArgumentException("a bilinear form needs an integer format, got " + format);
    }
    if (alpha == null || alpha.length != A_BITS || beta == null || beta.length != format.weightBits()
        || coef == null || coef.length != A_BITS * 8) {
      throw new IllegalArgumentException("a bilinear form of " + format + " needs 8 alpha, "
          + format.weightBits() + " beta and 64 pair coefficients");
    }
    for (int i = 0; i < A_BITS; i++) {
      for (int j = format.weightBits(); j < 8; j++) {
        if (coef[i * 8 + j] != 0) {
          throw new IllegalArgumentException("pair (" + i + ", " + j + ") beyond the " + format.weightBits()
              + "-bit weight");
        }
      }
    }
    alpha = alpha.clone();
    beta = beta.clone();
    coef = coef.clone();
  }

  /**
   * The bilinear form of {@code table}'s error, or null when the table is a float table or its error is not
   * bilinear in the operand bits (checked on every entry).
   */
  public static BilinearForm detect(ProductTable table) {
    MultiplierFormat f = table.format();
    if (f.isFloat()) {
      return null;
    }
    int n = f.weightBits();
    long e00 = error(table, 0, 0);
    int[] alpha = new int[A_BITS];
    int[] beta = new int[n];
    int[] coef = new int[A_BITS * 8];
    long[] ea = new long[A_BITS];
    long[] ew = new long[n];
    for (int i = 0; i < A_BITS; i++) {
      ea[i] = error(table, 1 << i, 0) - e00;
    }
    for (int j = 0; j < n; j++) {
      ew[j] = error(table, 0, 1 << j) - e00;
    }
    long[] pair = new long[A_BITS * 8];
    for (int i = 0; i < A_BITS; i++) {
      for (int j = 0; j < n; j++) {
        pair[i * 8 + j] = error(table, 1 << i, 1 << j) - e00 - ea[i] - ew[j];
      }
    }
    if (!fitsInt(e00) || !allFit(ea) || !allFit(ew) || !allFit(pair)) {
      return null;
    }
    for (int i = 0; i < A_BITS; i++) {
      alpha[i] = (int) ea[i];
    }
    for (int j = 0; j < n; j++) {
      beta[j] = (int) ew[j];
    }
    for (int p = 0; p < pair.length; p++) {
      coef[p] = (int) pair[p];
    }
    BilinearForm form = new BilinearForm(f, (int) e00, alpha, beta, coef);
    return form.reproduces(table) ? form : null;
  }

  @Override
  public int[] alpha() {
    return alpha.clone();
  }

  @Override
  public int[] beta() {
    return beta.clone();
  }

  @Override
  public int[] coef() {
    return coef.clone();
  }

  /** True when the form gives {@code table}'s error for every pair of codes (integer arithmetic, no wrapping). */
  boolean reproduces(ProductTable table) {
    int n = format.weightBits();
    long[] byWeightBit = new long[n];
    for (int a = 0; a < 256; a++) {
      long base = c0;
      for (int i = 0; i < A_BITS; i++) {
        if ((a >> i & 1) != 0) {
          base += alpha[i];
        }
      }
      for (int j = 0; j < n; j++) {
        long s = beta[j];
        for (int i = 0; i < A_BITS; i++) {
          if ((a >> i & 1) != 0) {
            s += coef[i * 8 + j];
          }
        }
        byWeightBit[j] = s;
      }
      for (int w = 0; w < 1 << n; w++) {
        long predicted = base;
        for (int j = 0; j < n; j++) {
          if ((w >> j & 1) != 0) {
            predicted += byWeightBit[j];
          }
        }
        if (predicted != error(table, a, w)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The table entry minus the exact product, at activation code {@code a} and weight code {@code w}. */
  static long error(ProductTable table, int a, int w) {
    int index = (a << table.format().weightBits()) | w;
    return (long) table.atIndex(index) - table.format().exactProductAt(index);
  }

  /** The form's value at activation code {@code a} and weight code {@code w} (int, wrapping as the kernels). */
  public int at(int a, int w) {
    int v = c0;
    for (int i = 0; i < A_BITS; i++) {
      if ((a >> i & 1) != 0) {
        v += alpha[i];
        for (int j = 0; j < beta.length; j++) {
          v += (w >> j & 1) != 0 ? coef[i * 8 + j] : 0;
        }
      }
    }
    for (int j = 0; j < beta.length; j++) {
      v += (w >> j & 1) != 0 ? beta[j] : 0;
    }
    return v;
  }

  /** The number of nonzero bit-pair coefficients: the popcount terms the bilinear kernel evaluates. */
  public int pairs() {
    int p = 0;
    for (int c : coef) {
      p += c != 0 ? 1 : 0;
    }
    return p;
  }

  private static boolean fitsInt(long v) {
    return v == (int) v;
  }

  private static boolean allFit(long[] v) {
    return Arrays.stream(v).allMatch(BilinearForm::fitsInt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BilinearForm b && format.equals(b.format) && c0 == b.c0 && Arrays.equals(alpha, b.alpha)
        && Arrays.equals(beta, b.beta) && Arrays.equals(coef, b.coef);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coef) * 31 + Arrays.hashCode(alpha) + 7 * Arrays.hashCode(beta) + c0;
  }

  @Override
  public String toString() {
    return "BilinearForm[" + format + ", " + pairs() + " pairs]";
  }
}
