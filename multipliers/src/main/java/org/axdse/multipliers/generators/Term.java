package org.axdse.multipliers.generators;

/**
 * One partial-product term {@code sign * a_i * w_j * 2^column}. Normally {@code column = i + j}; a correction
 * scheme may place a term in another column. Signed (Baugh-Wooley) multiplication has negative terms where
 * exactly one of {@code a_i}, {@code w_j} is a sign bit.
 *
 * @param i activation bit
 * @param j weight bit (the row of the array)
 * @param sign +1 or -1
 * @param column the weight {@code 2^column} of the term
 */
record Term(int i, int j, int sign, int column) {
  Term {
    if (i < 0 || j < 0 || column < 0 || (sign != 1 && sign != -1)) {
      throw new IllegalArgumentException("bad term " + i + "," + j + "," + sign + "," + column);
    }
  }

  /** This term moved to {@code newColumn}. */
  Term inColumn(int newColumn) {
    return new Term(i, j, sign, newColumn);
  }
}
