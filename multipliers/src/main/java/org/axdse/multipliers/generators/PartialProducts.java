package org.axdse.multipliers.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The partial-product terms of an {@code m x n} multiplication, and their gates. Unsigned terms are all positive.
 * Signed terms follow C. R. Baugh and B. A. Wooley, "A Two's Complement Parallel Array Multiplication Algorithm",
 * IEEE Trans. Computers C-22(12), 1973, in its modified form: a negative term {@code -x 2^c} is built as
 * {@code NAND = 1 - x} at weight {@code 2^c} plus the constant {@code -2^c}, and all constants are summed into one
 * constant taken modulo {@code 2^width}. So dropping any set of terms removes exactly their value, in both
 * signednesses.
 */
final class PartialProducts {
  private PartialProducts() {}

  /** All terms of an {@code m}-bit by {@code n}-bit product, rows {@code j = 0..n-1}. */
  static List<Term> terms(int m, int n, boolean signed) {
    List<Term> terms = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        boolean negative = signed && ((i == m - 1) != (j == n - 1));
        terms.add(new Term(i, j, negative ? -1 : 1, i + j));
      }
    }
    return terms;
  }

  /** {@code terms} without those matching {@code drop}. */
  static List<Term> without(List<Term> terms, Predicate<Term> drop) {
    return terms.stream().filter(drop.negate()).toList();
  }

  /**
   * Gates for {@code terms} plus {@code constant}: one row per weight bit {@code j}; constant bits, and terms whose
   * cell in their row is taken (after a correction moved them), become loose bits.
   */
  static BitMatrix matrix(Logic g, int[] a, int[] w, List<Term> terms, long constant, int width) {
    long k = constant;
    int rowCount = 0;
    for (Term t : terms) {
      rowCount = Math.max(rowCount, t.j() + 1);
      if (t.sign() < 0) {
        k -= 1L << t.column();
      }
    }
    List<int[]> loose = new ArrayList<>();
    long wrapped = k & ((1L << width) - 1);
    for (int c = 0; c < width; c++) {
      if (((wrapped >>> c) & 1) != 0) {
        loose.add(new int[] {c, Logic.ONE});
      }
    }
    List<int[]> rows = new ArrayList<>();
    for (int j = 0; j < rowCount; j++) {
      rows.add(emptyRow(width));
    }
    for (Term t : terms) {
      if (t.column() >= width) {
        continue;
      }
      int bit = t.sign() > 0 ? g.and(a[t.i()], w[t.j()]) : g.nand(a[t.i()], w[t.j()]);
      int[] row = rows.get(t.j());
      if (row[t.column()] == Logic.ZERO) {
        row[t.column()] = bit;
      } else {
        loose.add(new int[] {t.column(), bit});
      }
    }
    return new BitMatrix(width, rows, loose);
  }

  private static int[] emptyRow(int width) {
    int[] row = new int[width];
    java.util.Arrays.fill(row, Logic.ZERO);
    return row;
  }
}
