package org.axdse.simulator.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.BlockScaledDesigns;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The layers of an assignment whose multiplier is a float design (issue 14): the number format of a layer follows
 * its multiplier, so integer and float layers mix in one network. Checks such an assignment (uniform per layer,
 * convolution or dense), builds the {@link FloatDesignFlow}s the engine runs them with (cached per layer and
 * design for the session's own quantization) and gives their power: the cost model of the float design under
 * uniform codes of its own format, relative to the exact signed 8x8 integer multiplier under uniform codes.
 * Thread-safe.
 */
final class FloatLayers {
  private static final MultiplierCosts COSTS = MultiplierCosts.defaults();
  private static final Map<String, Double> POWER = new ConcurrentHashMap<>();

  private final Model model;
  private final QuantizedModel quant;
  private final MultiplierCatalog catalog;
  private final Map<String, LayerDataflow> flows = new ConcurrentHashMap<>();

  FloatLayers(Model model, QuantizedModel quant, MultiplierCatalog catalog) {
    this.model = model;
    this.quant = quant;
    this.catalog = catalog;
  }

  /** True when {@code name} is a float design of {@code catalog}. */
  static boolean isFloat(MultiplierCatalog catalog, String name) {
    return catalog.contains(name) && catalog.byName(name).format().isFloat();
  }

  /**
   * The resolved layer of {@code names} on {@code l} when they name a float design (no tables: the engine runs it
   * as a {@link FloatDesignFlow}), or null when none does.
   *
   * @throws BadInputException a float design in a per-channel list, or on a recurrent layer
   */
  static ResolvedLayer resolve(MultiplierCatalog catalog, ApproximableLayer l, int index, List<String> names) {
    if (names.stream().noneMatch(n -> isFloat(catalog, n))) {
      return null;
    }
    if (names.size() != 1) {
      throw new BadInputException("assignment: layer '" + l.name() + "': a float multiplier ("
          + names.stream().filter(n -> isFloat(catalog, n)).findFirst().orElseThrow() + ") must be the layer's "
          + "only multiplier; per-channel lists take integer multipliers only");
    }
    if (!(l instanceof ConvLayer) && !(l instanceof DenseLayer)) {
      throw new BadInputException("assignment: layer '" + l.name() + "' (" + l.kind() + "): float multiplier '"
          + names.get(0) + "' covers convolution and dense layers only");
    }
    FloatAccumulation.of(catalog.byName(names.get(0)), l.name());
    return new ResolvedLayer(index, l.name(), names, null);
  }

  /** The dataflows of {@code resolved} under quantization {@code q} (null entries: integer), or null if none. */
  LayerDataflow[] flows(List<ResolvedLayer> resolved, QuantizedModel q) {
    LayerDataflow[] out = null;
    for (ResolvedLayer r : resolved) {
      String name = r.multipliers().get(0);
      if (r.multipliers().size() != 1 || !isFloat(catalog, name)) {
        continue;
      }
      if (out == null) {
        out = new LayerDataflow[resolved.size()];
      }
      ApproximableLayer l = model.approximableLayers().get(r.index());
      Multiplier m = catalog.byName(name);
      out[r.index()] = q == quant
          ? flows.computeIfAbsent(r.index() + "/" + name, key -> flow(l, q.layer(r.index()), m))
          : flow(l, q.layer(r.index()), m);
    }
    return out;
  }

  private static LayerDataflow flow(ApproximableLayer l, LayerQuantization q, Multiplier m) {
    return BlockScaledDesigns.isBlockScaled(m) ? MxDesignFlow.of(l, q, m) : FloatDesignFlow.of(l, q, m);
  }

  /** True when the layer runs a float design. */
  boolean isFloat(ResolvedLayer r) {
    return r.multipliers().size() == 1 && isFloat(catalog, r.multipliers().get(0));
  }

  /**
   * The power of float design {@code m} under uniform codes of its format relative to the exact signed 8x8
   * multiplier under uniform codes (NaN without a circuit).
   */
  static double relativePower(Multiplier m) {
    return POWER.computeIfAbsent(m.name() + "#" + m.table().contentHash(), key -> COSTS.relativeCostAcrossFormats(m,
        MultiplierCatalog.exactReference(MultiplierFormat.signed8x8())).map(c -> c.power()).orElse(Double.NaN));
  }
}
