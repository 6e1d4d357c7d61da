package org.axdse.multipliers;

import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.RelativeCost;
import org.axdse.multipliers.metrics.ErrorMetrics;

/**
 * What a user wants to know about one multiplier: its error metrics, and where it has a circuit, its cost in
 * absolute model units and relative to the exact multiplier of the same format (uniform operands). Immutable.
 *
 * @param cells number of cells of the circuit, or 0 for a table-only multiplier
 * @param cost absolute cost, or null without a circuit
 * @param relative cost relative to the exact multiplier, or null without a circuit
 * @param published figures published with an imported design, or null
 */
public record MultiplierSummary(String name, String description, String format, ErrorMetrics metrics, int cells,
    CostFigures cost, RelativeCost relative, PublishedFigures published) {

  public MultiplierSummary {
    if (name == null || format == null || metrics == null) {
      throw new IllegalArgumentException("a summary needs a name, a format and metrics");
    }
    if ((cost == null) != (relative == null)) {
      throw new IllegalArgumentException("absolute and relative cost go together");
    }
  }

  public boolean hasCost() {
    return cost != null;
  }

  /** Relative power, or NaN for a table-only multiplier. */
  public double relativePower() {
    return relative == null ? Double.NaN : relative.power();
  }

  /** Relative area, or NaN for a table-only multiplier. */
  public double relativeArea() {
    return relative == null ? Double.NaN : relative.area();
  }

  /** Relative delay, or NaN for a table-only multiplier. */
  public double relativeDelay() {
    return relative == null ? Double.NaN : relative.delay();
  }

}
