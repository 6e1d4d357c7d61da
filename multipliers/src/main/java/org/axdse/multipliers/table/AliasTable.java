package org.axdse.multipliers.table;

/**
 * Walker's alias table for O(1) sampling from a discrete distribution over {@code 2^k} outcomes, built with
 * Vose's numerically stable linear-time method (M. D. Vose, "A linear algorithm for generating random numbers
 * with a given distribution", IEEE TSE 17(9), 1991). Outcomes of probability zero are never drawn.
 */
final class AliasTable {
  private final double[] threshold;
  private final int[] alias;
  private final int shift;

  /** Builds the table from probabilities summing to about 1; {@code p.length} must be a power of two. */
  AliasTable(double[] p) {
    int n = p.length;
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("alias table size must be a power of two, got " + n);
    }
    shift = 64 - Integer.numberOfTrailingZeros(n);
    threshold = new double[n];
    alias = new int[n];
    double[] q = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    int heaviest = 0;
    for (int i = 0; i < n; i++) {
      q[i] = p[i] * n;
      if (p[i] > p[heaviest]) {
        heaviest = i;
      }
      if (q[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      threshold[s] = q[s];
      alias[s] = l;
      q[l] -= 1.0 - q[s];
      if (q[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      threshold[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) {
      // Only rounding leaves entries here; an outcome of probability zero must still never be drawn.
      int s = small[--ns];
      threshold[s] = p[s] > 0 ? 1.0 : 0.0;
      alias[s] = heaviest;
    }
  }

  /** The outcome for one uniformly random 64-bit word: the top bits pick a column, the low 48 bits a coin. */
  int draw(long r) {
    int column = shift == 64 ? 0 : (int) (r >>> shift);
    double u = (r & 0xFFFF_FFFF_FFFFL) * 0x1.0p-48;
    return u < threshold[column] ? column : alias[column];
  }
}
