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
   * The quantization {@code resolved} runs with: every approximable layer quantized at its multipliers' widths
   * (the base quantization itself when every layer keeps the base width). A compensation of a mixed-width
   * assignment applies to this quantization (each layer compensated in its own width).
   */
  QuantizedModel atWidths(List<ResolvedLayer> resolved) {
    if (widths.single()) {
      return quant;
    }
    List<LayerQuantization> layers = new ArrayList<>(resolved.size());
    boolean changed = false;
    for (ResolvedLayer r : resolved) {
      LayerQuantization l = quantizations.compose(r.index(), resolver.widths(r));
      changed |= l != quant.layer(r.index());
      layers.add(l);
    }
    return changed ? quant.withLayers(layers) : quant;
  }

  /**
   * The engine of {@code resolved}: {@code using} when every layer keeps the base width, else {@code base} with
   * the layers quantized at their multipliers' widths. A variant ({@code using != base}, a compensation) must
   * already hold the layers at their widths ({@link #atWidths}); one built on the base widths is refused.
   */
  IntegerEngine engineFor(List<ResolvedLayer> resolved, IntegerEngine using, IntegerEngine base) {
    QuantizedModel composed = atWidths(resolved);
    if (composed == quant) {
      return using;
    }
    if (using == base) {
      return base.sharing(composed);
    }
    QuantizedModel variant = using.quantization();
    for (ResolvedLayer r : resolved) {
      LayerQuantization want = composed.layer(r.index());
      LayerQuantization have = variant.layer(r.index());
      if (want != quant.layer(r.index()) && !want.weights().params().equals(have.weights().params())) {
        throw new BadInputException("layer '" + r.name() + "': the compensated quantization is not at the "
            + "assignment's weight widths " + java.util.Arrays.toString(resolver.widths(r))
            + " (a compensation of mixed widths applies to SimulationSession.atWidths)");
      }
    }
    return using;
  }
}
