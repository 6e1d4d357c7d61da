package org.axdse.results.pareto;

/**
 * Pareto dominance between objective vectors in minimisation form: {@code a} dominates {@code b} when it is no
 * worse in every objective and strictly better in at least one.
 */
public final class Dominance {
  private Dominance() {}

  /** True when {@code a} dominates {@code b} (both minimised, same length). */
  public static boolean dominates(double[] a, double[] b) {
    return compare(a, b) < 0;
  }

  /**
   * -1 when {@code a} dominates {@code b}, 1 when {@code b} dominates {@code a}, 0 when neither does (incomparable
   * or equal).
   */
  public static int compare(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "objective vectors differ in length: " + a.length + " and " + b.length);
    }
    boolean aBetter = false;
    boolean bBetter = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] < b[k]) {
        aBetter = true;
      } else if (b[k] < a[k]) {
        bBetter = true;
      }
      if (aBetter && bBetter) {
        return 0;
      }
    }
    if (aBetter) {
      return -1;
    }
    return bBetter ? 1 : 0;
  }

  /** True when {@code a} is no worse than {@code b} in every objective (weak dominance, includes equality). */
  public static boolean weaklyDominates(double[] a, double[] b) {
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
    }
    return true;
  }
}
