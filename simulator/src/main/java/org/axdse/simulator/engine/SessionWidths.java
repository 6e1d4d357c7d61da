package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.energy.WeightMemory;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.WidthQuantizations;

/**
 * The weight widths of a {@link SimulationSession}: which widths assignments may use (the quantization's own
 * when the options name none), the resolver that accepts their formats, the per-(layer, width) quantizations,
 * the engine of an assignment whose layers take their multipliers' widths, and the weight memory model. With a
 * single width it changes nothing: the resolver, the engine and the power figures are those of before.
 */
final class SessionWidths {
  private final WidthSet widths;
  private final QuantizedModel quant;
  private final WidthQuantizations quantizations;
  private final AssignmentResolver resolver;
  private final WeightMemory memory;

  SessionWidths(Model model, QuantizedModel quant, MultiplierCatalog catalog, SessionOptions options) {
    this.widths = options.widths() == null ? WidthSet.of(quant.config().weightBits()) : options.widths();
    if (widths.max() != quant.config().weightBits()) {
      throw new IllegalArgumentException("weight widths " + widths.label() + " need the model quantized at "
          + widths.max() + " bits, not " + quant.config().weightBits());
    }
    this.quant = quant;
    this.quantizations = new WidthQuantizations(model, quant);
    this.resolver = AssignmentResolver.forWidths(model, catalog, quant.config(), widths, options.forceLookup());
    this.memory = WeightMemory.of(model.approximableLayers().stream().map(PowerTable::workload).toList());
  }

  WidthSet set() {
    return widths;
  }

  AssignmentResolver resolver() {
    return resolver;
  }

  WeightMemory memory() {
    return memory;
  }

  /** The power model of several widths (against the exact 8x8 design), or null for a single width. */
  MixedWidthPower power(long seed) {
    return widths.single() ? null : new MixedWidthPower(quantizations, seed);
  }

  /** The width of each channel's multiplier of every layer (one entry: uniform). */
  List<int[]> layerWidths(Assignment assignment) {
    return resolver.resolve(assignment).stream().map(resolver::widths).toList();
  }

  /**
   * The engine of {@code resolved}: {@code using} when every layer keeps the base width, else {@code base} with
   * the layers quantized at their multipliers' widths (a compensated variant, {@code using != base}, must be
   * single-width).
   */
  IntegerEngine engineFor(List<ResolvedLayer> resolved, IntegerEngine using, IntegerEngine base) {
    if (widths.single()) {
      return using;
    }
    List<LayerQuantization> layers = new ArrayList<>(resolved.size());
    boolean changed = false;
    for (ResolvedLayer r : resolved) {
      LayerQuantization l = quantizations.compose(r.index(), resolver.widths(r));
      changed |= l != quant.layer(r.index());
      layers.add(l);
    }
    if (!changed) {
      return using;
    }
    if (using != base) {
      throw new BadInputException("compensation of an assignment with mixed weight widths is not supported; "
          + "give one --weight-bits width with --compensate");
    }
    return base.sharing(quant.withLayers(layers));
  }
}
