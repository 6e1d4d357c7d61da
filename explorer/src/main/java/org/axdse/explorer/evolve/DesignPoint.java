package org.axdse.explorer.evolve;

import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.WeightedError;
import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.MultiplierCatalog;

/**
 * A multiplier's figures in one layer, as the search sees them: its weighted error under the layer's distribution
 * ({@code error} normalised by the evolution's measure, or its predicted loss) and its power relative to the format's exact
 * reference circuit under the layer's operand stream (the cost model's full stream, seed 1, as {@code search}
 * charges it).
 */
public record DesignPoint(String name, WeightedError layerError, double error, CostFigures cost,
    double relativePower) {

  /** The point of {@code m} (a circuit) in the layer whose evaluator (error, support) and costs are given. */
  static DesignPoint of(Multiplier m, CandidateEvaluator ev, MultiplierCosts costs) {
    WeightedError e = ev.support().error(m.netlist());
    CostFigures c = costs.figures(m.netlist());
    double rel = m.table().isExact() ? 1.0
        : costs.relativeCost(m, MultiplierCatalog.exactReference(m.format())).orElseThrow().power();
    return new DesignPoint(m.name(), e, ev.errorOf(m.netlist()), c, rel);
  }

  /** No worse in both error and power, better in one. */
  boolean dominates(DesignPoint o) {
    return error <= o.error && relativePower <= o.relativePower
        && (error < o.error || relativePower < o.relativePower);
  }
}
