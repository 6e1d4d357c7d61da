package org.axdse.simulator.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.WidthQuantizations;

/**
 * Relative power of {@code 8xN} multipliers in a mixed-width run, against the exact 8x8 multiplier of the run's
 * signedness: the design's circuit under the layer's operands at N bits (its activation code counts and its
 * weight codes quantized at N) over the exact 8x8 reference circuit under the same activations and the weights at
 * 8 bits. A design whose table is exact counts as the exact reference circuit of its format (so {@code s8x4}
 * exact shows the saving of a 8x4 array, and any exact 8x8 design counts 1.0). Table-only approximate designs
 * have no figure (NaN). Cached per (layer, width). Thread-safe.
 */
final class MixedWidthPower {
  private final WidthQuantizations widths;
  private final QuantMode mode;
  private final long seed;
  private final Map<Long, MultiplierCosts> costs = new ConcurrentHashMap<>();

  MixedWidthPower(WidthQuantizations widths, long seed) {
    this.widths = widths;
    this.mode = widths.base().config().mode();
    this.seed = seed;
  }

  double relativePower(int layer, Multiplier m) {
    MultiplierFormat f = m.format();
    if (m.table().isExact() && f.weightBits() == 8) {
      return 1.0;
    }
    MultiplierCosts own = costs(layer, f.weightBits());
    CostFigures figures = m.table().isExact() ? own.figures(MultiplierCatalog.exactReference(f))
        : own.figures(m).orElse(null);
    if (figures == null) {
      return Double.NaN;
    }
    MultiplierFormat wide = mode.format(8);
    CostFigures reference = costs(layer, 8).figures(MultiplierCatalog.exactReference(wide));
    return figures.relativeTo(reference).power();
  }

  private MultiplierCosts costs(int layer, int bits) {
    return costs.computeIfAbsent(((long) layer << 8) | bits, k -> {
      LayerQuantization q = widths.layer(layer, bits);
      OperandDistribution d = OperandDistribution.independent(mode.format(bits),
          PowerTable.toDouble(q.activationCounts()), PowerTable.toDouble(q.weightCounts()));
      return MultiplierCosts.of(CostModel.defaults(), d, seed);
    });
  }
}
