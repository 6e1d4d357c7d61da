package org.axdse.multipliers.cost;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * The cost of catalog multipliers relative to the exact multiplier of their format, all simulated on one
 * reproducible operand stream per format (uniform operands unless a distribution is given). Table-only
 * multipliers have no netlist and so no cost: their answers are empty. Reference figures are computed once per
 * reference netlist and cached. Thread-safe.
 */
public final class MultiplierCosts {
  private final CostModel model;
  private final OperandDistribution distribution;
  private final long seed;
  private final Map<MultiplierFormat, OperandStream> streams = new ConcurrentHashMap<>();
  private final Map<Netlist, CostFigures> references = new ConcurrentHashMap<>();

  private MultiplierCosts(CostModel model, OperandDistribution distribution, long seed) {
    this.model = model;
    this.distribution = distribution;
    this.seed = seed;
  }

  /** The default cost model under uniform operands, seed {@link CostModel#DEFAULT_SEED}. */
  public static MultiplierCosts defaults() {
    return new MultiplierCosts(CostModel.defaults(), null, CostModel.DEFAULT_SEED);
  }

  /** {@code model} under uniform operands of every format, drawn with {@code seed}. */
  public static MultiplierCosts uniform(CostModel model, long seed) {
    return new MultiplierCosts(model, null, seed);
  }

  /** {@code model} under operands from {@code distribution} (multipliers must share its format). */
  public static MultiplierCosts of(CostModel model, OperandDistribution distribution, long seed) {
    return new MultiplierCosts(model, distribution, seed);
  }

  /** The stimulus used for {@code format}. */
  public OperandStream stream(MultiplierFormat format) {
    if (distribution != null && !distribution.format().equals(format)) {
      throw new IllegalArgumentException("operand distribution is for " + distribution.format() + ", not "
          + format);
    }
    return streams.computeIfAbsent(format, f -> OperandStream.sample(
        distribution != null ? distribution : OperandDistribution.uniform(f), model.streamLength(), seed));
  }

  /** The absolute cost of {@code netlist}. */
  public CostFigures figures(Netlist netlist) {
    return model.evaluate(netlist, stream(netlist.format()));
  }

  /** The absolute cost of {@code multiplier}, or empty for a table-only multiplier. */
  public Optional<CostFigures> figures(Multiplier multiplier) {
    return multiplier.circuit().map(this::figures);
  }

  /**
   * The cost of {@code multiplier} relative to {@code exactReference} (the exact multiplier's netlist of the
   * same format), or empty for a table-only multiplier.
   */
  public Optional<RelativeCost> relativeCost(Multiplier multiplier, Netlist exactReference) {
    if (!exactReference.format().equals(multiplier.format())) {
      throw new IllegalArgumentException("reference " + exactReference.name() + " is " + exactReference.format()
          + " but " + multiplier.name() + " is " + multiplier.format());
    }
    Optional<CostFigures> own = figures(multiplier);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    CostFigures reference = references.computeIfAbsent(exactReference, this::figures);
    return Optional.of(own.get().relativeTo(reference));
  }

  /**
   * The cost of {@code multiplier} relative to {@code reference}, a circuit of any format, each under the
   * operand stream of its own format: how a float multiplier compares with the exact 8x8 integer one (issue 14's
   * energy axis). Empty for a table-only multiplier.
   */
  public Optional<RelativeCost> relativeCostAcrossFormats(Multiplier multiplier, Netlist reference) {
    CostFigures ref = references.computeIfAbsent(reference, this::figures);
    return figures(multiplier).map(own -> own.relativeTo(ref));
  }
}
