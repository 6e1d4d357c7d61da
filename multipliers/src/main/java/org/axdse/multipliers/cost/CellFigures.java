package org.axdse.multipliers.cost;

/**
 * The cost of one cell type in a {@link CellTable}: area in NAND2 equivalents, delay in NAND2-delay units, and a
 * capacitance-like switching weight charged each time one of its outputs toggles.
 *
 * @param area cell area relative to a NAND2 (NAND2 = 1)
 * @param delay delay from any input to the (first) output, e.g. the sum of a half or full adder
 * @param carryDelay delay from any input to the second output (the carry of a half or full adder); equal to
 *     {@code delay} for single-output cells
 * @param switching energy-like weight per output toggle, relative to a NAND2 output toggle
 */
public record CellFigures(double area, double delay, double carryDelay, double switching) {

  public CellFigures {
    check("area", area);
    check("delay", delay);
    check("carryDelay", carryDelay);
    check("switching", switching);
  }

  /** A single-output cell (carry delay = delay). */
  public static CellFigures of(double area, double delay, double switching) {
    return new CellFigures(area, delay, delay, switching);
  }

  /** The delay from any input to output {@code output} (0 = first, 1 = carry). */
  public double delayTo(int output) {
    return output == 0 ? delay : carryDelay;
  }

  private static void check(String what, double v) {
    if (!Double.isFinite(v) || v < 0) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
    }
  }
}
