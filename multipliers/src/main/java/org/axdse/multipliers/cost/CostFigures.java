package org.axdse.multipliers.cost;

/**
 * The circuit cost of one multiplier: area in NAND2 equivalents, critical-path delay in cell-delay units, and
 * power per operation (dynamic from simulated toggles, leakage from area) in NAND2-output-toggle units. These
 * are model units, meaningful relative to each other; see {@link #relativeTo}. Immutable.
 *
 * @param area sum of cell areas, NAND2 = 1
 * @param delay longest operand-to-product path, NAND2-ish delay units
 * @param dynamicPower switching-weighted toggles per operation
 * @param leakagePower leakage per operation, proportional to area
 * @param power {@code dynamicPower + leakagePower}
 * @param estimate true when the figures are this model's estimate (as opposed to measured or published ones)
 */
public record CostFigures(double area, double delay, double dynamicPower, double leakagePower, double power,
    boolean estimate) {

  public CostFigures {
    check("area", area);
    check("delay", delay);
    check("dynamicPower", dynamicPower);
    check("leakagePower", leakagePower);
    check("power", power);
    double sum = dynamicPower + leakagePower;
    if (Math.abs(power - sum) > 1e-9 * Math.max(1.0, sum)) {
      throw new IllegalArgumentException("power " + power + " must equal dynamic + leakage = " + sum);
    }
  }

  /** Model estimates with {@code power = dynamicPower + leakagePower}. */
  public static CostFigures estimate(double area, double delay, double dynamicPower, double leakagePower) {
    return new CostFigures(area, delay, dynamicPower, leakagePower, dynamicPower + leakagePower, true);
  }

  /** These figures divided by {@code reference}'s (usually the exact multiplier of the same format). */
  public RelativeCost relativeTo(CostFigures reference) {
    return new RelativeCost(ratio(area, reference.area, "area"), ratio(delay, reference.delay, "delay"),
        ratio(power, reference.power, "power"));
  }

  private static double ratio(double x, double ref, String what) {
    if (ref > 0) {
      return x / ref;
    }
    if (x == 0) {
      return 1.0;
    }
    throw new IllegalArgumentException("reference " + what + " is 0, cannot express " + x + " relative to it");
  }

  private static void check(String what, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
    }
  }
}
