package org.axdse.simulator.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes per-layer and network energy for one inference. For a layer with MAC counts {@code m_c} per output
 * channel and relative multiplier powers {@code p_c} (the chosen multiplier's power over the exact one's, measured
 * by the caller under the layer's operand distribution):
 *
 * <pre>
 *   multiplier  = sum_c m_c * p_c * multiply8Pj          (exact: p_c = 1)
 *   accumulator = M * add32Pj                            M = sum_c m_c
 *   register    = M * registerFileAccessesPerMac * registerFilePj
 *   sram        = (ceil(max(W, M / weightReuse) / 8) + ceil(max(I, M / inputReuse) / 8) + ceil(O / 8)) * sramPj
 *   dram        = ceil(W / 8) * dramWeightReadsPerInference * dramPj
 * </pre>
 *
 * where W, I and O are the weight, input and output activation counts: every operand is fetched from the on-chip
 * buffer in 64-bit words of eight 8-bit values, at least once and again whenever its reuse in the PE array runs
 * out; outputs are written once; weights come from DRAM once per inference and activations stay on chip.
 */
public final class EnergyModel {
  private final ArchitectureEnergy arch;

  public EnergyModel(ArchitectureEnergy arch) {
    this.arch = java.util.Objects.requireNonNull(arch, "arch");
  }

  public ArchitectureEnergy architecture() {
    return arch;
  }

  /**
   * The energy of {@code layer} with relative multiplier powers {@code relativePower}: one value for the whole
   * layer, or one per output channel.
   */
  public LayerEnergy layer(LayerWorkload layer, double[] relativePower) {
    if (relativePower.length != 1 && relativePower.length != layer.channels()) {
      throw new IllegalArgumentException(layer.name() + ": " + relativePower.length + " relative powers for "
          + layer.channels() + " channels (give 1 or " + layer.channels() + ")");
    }
    double weighted = 0;
    for (int c = 0; c < layer.channels(); c++) {
      double p = relativePower[relativePower.length == 1 ? 0 : c];
      if (!(p >= 0) || !Double.isFinite(p)) {
        throw new IllegalArgumentException(layer.name() + ": relative power must be finite and non-negative, got "
            + p);
      }
      weighted += layer.macs(c) * p;
    }
    double macs = layer.totalMacs();
    long sramWords = words(Math.max(layer.weights(), macs / arch.weightReuse()))
        + words(Math.max(layer.inputActivations(), macs / arch.inputReuse()))
        + words(layer.outputActivations());
    return new LayerEnergy(layer.name(), layer.totalMacs(),
        weighted * arch.multiply8Pj(),
        macs * arch.multiply8Pj(),
        macs * arch.add32Pj(),
        macs * arch.registerFileAccessesPerMac() * arch.registerFilePj(),
        sramWords * arch.sramPj(),
        words(layer.weights()) * arch.dramWeightReadsPerInference() * arch.dramPj());
  }

  /** A report over {@code layers}, with {@code relativePowers.get(i)} for layer {@code i}. */
  public EnergyReport report(List<LayerWorkload> layers, List<double[]> relativePowers) {
    if (layers.size() != relativePowers.size()) {
      throw new IllegalArgumentException(layers.size() + " layers but " + relativePowers.size()
          + " sets of relative powers");
    }
    List<LayerEnergy> out = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      out.add(layer(layers.get(i), relativePowers.get(i)));
    }
    return new EnergyReport(arch, out);
  }

  /** The report with every multiplier exact (every relative figure is 1). */
  public EnergyReport exact(List<LayerWorkload> layers) {
    return report(layers, layers.stream().map(l -> new double[] {1.0}).toList());
  }

  /** 64-bit words holding {@code count} 8-bit values. */
  static long words(double count) {
    return (long) Math.ceil(count / ArchitectureEnergy.WORD_BYTES);
  }
}
