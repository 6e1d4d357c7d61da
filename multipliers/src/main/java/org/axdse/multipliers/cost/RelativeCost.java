package org.axdse.multipliers.cost;

/**
 * Cost relative to a reference, normally the exact multiplier of the same format, signedness and operand
 * distribution: 1.0 means "as costly as exact", 0.6 means 40 % cheaper. Immutable.
 *
 * @param area area / reference area
 * @param delay delay / reference delay
 * @param power total power / reference total power
 */
public record RelativeCost(double area, double delay, double power) {
  private static final RelativeCost UNITY = new RelativeCost(1, 1, 1);

  public RelativeCost {
    check("area", area);
    check("delay", delay);
    check("power", power);
  }

  /** The reference itself: 1.0 everywhere. */
  public static RelativeCost unity() {
    return UNITY;
  }

  private static void check(String what, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException("relative " + what + " must be finite and >= 0, got " + v);
    }
  }
}
