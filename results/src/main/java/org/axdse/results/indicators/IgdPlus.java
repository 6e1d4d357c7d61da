package org.axdse.results.indicators;

/**
 * Inverted generational distance plus (Ishibuchi, Masuda, Tanigaki and Nojima, "Modified distance calculation in
 * generational distance and inverted generational distance", EMO 2015): the mean, over the points z of a
 * reference front, of the distance from z to the nearest point a of the evaluated front, where only the
 * objectives in which a is worse than z count: {@code d+(z, a) = sqrt(sum_k max(a_k - z_k, 0)^2)}. Unlike IGD it
 * is weakly Pareto compliant. Smaller is better; 0 means the front weakly dominates every reference point.
 */
public final class IgdPlus implements QualityIndicator {
  private final double[][] referenceFront;

  private IgdPlus(double[][] referenceFront) {
    this.referenceFront = referenceFront;
  }

  /** The indicator against {@code referenceFront} (minimisation form, at least one point). */
  public static IgdPlus of(double[][] referenceFront) {
    if (referenceFront.length == 0) {
      throw new IllegalArgumentException("IGD+ needs a non-empty reference front");
    }
    double[][] copy = new double[referenceFront.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = referenceFront[i].clone();
      if (copy[i].length != copy[0].length) {
        throw new IllegalArgumentException("reference front points differ in dimension");
      }
    }
    return new IgdPlus(copy);
  }

  @Override
  public String name() {
    return "IGD+";
  }

  /** IGD+ of {@code front}; positive infinity for an empty front (it approximates nothing). */
  @Override
  public double compute(double[][] front) {
    if (front.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    for (double[] z : referenceFront) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] a : front) {
        best = Math.min(best, distancePlus(z, a));
      }
      sum += best;
    }
    return sum / referenceFront.length;
  }

  static double distancePlus(double[] z, double[] a) {
    if (a.length != z.length) {
      throw new IllegalArgumentException(
          "point has " + a.length + " objectives, the reference front " + z.length);
    }
    double s = 0;
    for (int k = 0; k < z.length; k++) {
      double gap = Math.max(a[k] - z[k], 0);
      s += gap * gap;
    }
    return Math.sqrt(s);
  }
}
