package org.axdse.multipliers.library;

import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.MultiplierSummary;
import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.cost.RelativeCost;
import org.axdse.multipliers.metrics.ErrorMetrics;

/** Computes {@link MultiplierSummary summaries}: error metrics under uniform inputs and the default cost model. */
public final class Summaries {
  private final MultiplierCosts costs;

  private Summaries(MultiplierCosts costs) {
    this.costs = costs;
  }

  /** Uniform operands, the default cell table and stream seed. */
  public static Summaries defaults() {
    return new Summaries(MultiplierCosts.defaults());
  }

  public MultiplierSummary of(Multiplier m) {
    ErrorMetrics metrics = ErrorMetrics.of(m.table());
    CostFigures cost = costs.figures(m).orElse(null);
    RelativeCost relative = cost == null ? null
        : costs.relativeCost(m, MultiplierCatalog.exactReference(m.format())).orElseThrow();
    int cells = m.circuit().map(n -> n.cells().size()).orElse(0);
    return new MultiplierSummary(m.name(), m.description(), m.format().namePrefix(), metrics, cells, cost,
        relative, m.published());
  }

  /** Summaries of {@code multipliers}, computed in parallel, in input order. */
  public List<MultiplierSummary> of(List<Multiplier> multipliers) {
    return multipliers.parallelStream().map(this::of).toList();
  }
}
