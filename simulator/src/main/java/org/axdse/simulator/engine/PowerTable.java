package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cost.CostModel;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.simulator.energy.LayerWorkload;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Relative power of each (layer, multiplier) pair and the energy workloads of the approximable layers. A
 * multiplier's power is measured by the cost model under the layer's own operand distribution (its activation and
 * weight code histograms, taken as independent) relative to the exact reference circuit of the format under the
 * same operands. Rules: a multiplier whose table is exact counts 1.0 (whatever its circuit); a table-only
 * multiplier with an approximate table has no power figure (NaN), so energies of assignments using it are
 * unavailable. Figures are cached per (layer, multiplier). Thread-safe.
 */
final class PowerTable {
  private final MultiplierCatalog catalog;
  private final MultiplierFormat format;
  private final List<OperandDistribution> distributions = new ArrayList<>();
  private final List<MultiplierCosts> costs = new ArrayList<>();
  private final List<LayerWorkload> workloads = new ArrayList<>();
  private final Map<String, Double> cache = new ConcurrentHashMap<>();
  private final MixedWidthPower mixed;

  PowerTable(Model model, QuantizedModel quant, MultiplierCatalog catalog, long seed) {
    this(model, quant, catalog, seed, null);
  }

  /** With {@code mixed} (a mixed-width run), every figure is relative to the exact 8x8 multiplier instead. */
  PowerTable(Model model, QuantizedModel quant, MultiplierCatalog catalog, long seed, MixedWidthPower mixed) {
    this.mixed = mixed;
    this.catalog = catalog;
    this.format = quant.config().mode().format(quant.config().weightBits());
    List<ApproximableLayer> layers = model.approximableLayers();
    for (int i = 0; i < layers.size(); i++) {
      LayerQuantization q = quant.layer(i);
      OperandDistribution d = OperandDistribution.independent(format, toDouble(q.activationCounts()),
          toDouble(q.weightCounts()));
      distributions.add(d);
      costs.add(MultiplierCosts.of(CostModel.defaults(), d, seed));
      workloads.add(workload(layers.get(i)));
    }
  }

  static double[] toDouble(long[] counts) {
    double[] d = new double[counts.length];
    boolean any = false;
    for (int i = 0; i < counts.length; i++) {
      d[i] = counts[i];
      any |= counts[i] > 0;
    }
    if (!any) {
      java.util.Arrays.fill(d, 1.0);
    }
    return d;
  }

  /** The energy workload of {@code l}: MACs per output channel, weights, input and output activations. */
  static LayerWorkload workload(ApproximableLayer l) {
    int channels = AssignmentResolver.channels(l);
    long perChannel = l.macsPerSample() / channels;
    long[] macs = new long[channels];
    java.util.Arrays.fill(macs, perChannel);
    long weights = switch (l) {
      case ConvLayer c -> c.weights().length;
      case DenseLayer d -> d.weights().length;
      case LstmLayer r -> r.w().length + r.r().length;
      case GruLayer r -> r.w().length + r.r().length;
    };
    return new LayerWorkload(l.name(), macs, weights, l.input().shape().size(), l.output().shape().size());
  }

  OperandDistribution distribution(int layer) {
    return distributions.get(layer);
  }

  List<LayerWorkload> workloads() {
    return workloads;
  }

  /** The relative power of {@code multiplier} in {@code layer}, or NaN for an approximate table-only one. */
  double relativePower(int layer, String multiplier) {
    return cache.computeIfAbsent(layer + "/" + multiplier, k -> compute(layer, catalog.byName(multiplier)));
  }

  private double compute(int layer, Multiplier m) {
    if (m.format().isFloat()) {
      return FloatLayers.relativePower(m);
    }
    if (mixed != null) {
      return mixed.relativePower(layer, m);
    }
    if (m.table().isExact()) {
      return 1.0;
    }
    return costs.get(layer).relativeCost(m, MultiplierCatalog.exactReference(format)).map(r -> r.power())
        .orElse(Double.NaN);
  }
}
