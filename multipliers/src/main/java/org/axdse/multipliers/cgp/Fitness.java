package org.axdse.multipliers.cgp;

/**
 * What a candidate circuit scores: its normalised error ({@link ErrorMeasure}) under the layer's distribution, its
 * power (the cost model's dynamic plus leakage power under the layer's operand stream, absolute units) and its
 * area (NAND2 equivalents, live cells only).
 */
public record Fitness(double error, double power, double area) {
  public Fitness {
    if (!(error >= 0) || !Double.isFinite(error) || !(power >= 0) || !Double.isFinite(power) || !(area >= 0)) {
      throw new IllegalArgumentException("fitness must be finite and >= 0, got " + error + ", " + power + ", "
          + area);
    }
  }

  /** Within the error bound {@code threshold}. */
  public boolean feasible(double threshold) {
    return error <= threshold;
  }

  /**
   * The order of the evolution under {@code threshold}: feasible before infeasible; among feasible, lower power;
   * among infeasible, lower error. Negative when {@code this} is better, 0 when equally good (neutral).
   */
  public int compareUnder(double threshold, Fitness other) {
    boolean mine = feasible(threshold);
    boolean theirs = other.feasible(threshold);
    if (mine != theirs) {
      return mine ? -1 : 1;
    }
    return mine ? Double.compare(power, other.power) : Double.compare(error, other.error);
  }
}
