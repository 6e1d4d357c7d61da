package org.axdse.simulator.imc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * A quantized model mapped to an {@link ImcArchitecture}: every convolution and dense layer runs on the arrays
 * (LSTM and GRU layers stay in the digital engine, exact), with per-layer {@link ImcKnobs}. Builds the engine's
 * {@link LayerDataflow}s (cached per layer and knobs) and adds up the {@link ImcCost}. Thread-safe.
 */
public final class ImcNetwork {
  private final QuantizedModel quant;
  private final ImcArchitecture arch;
  private final List<ApproximableLayer> layers;
  private final List<ImcWorkload> workloads;
  private final int weightBits;
  private final boolean weightsSigned;
  private final Map<String, ImcLayer> built = new ConcurrentHashMap<>();
  private volatile ImcBiasCorrection correction;

  public ImcNetwork(Model model, QuantizedModel quant, ImcArchitecture arch) {
    this(model, quant, quant.config(), arch);
  }

  /**
   * The mapping of {@code model} quantized as {@code config}, before calibration: enough to check configurations
   * ({@link ImcConfig}) and count workloads, not to build dataflows or cost layers.
   */
  public ImcNetwork(Model model, QuantConfig config, ImcArchitecture arch) {
    this(model, null, config, arch);
  }

  private ImcNetwork(Model model, QuantizedModel quant, QuantConfig config, ImcArchitecture arch) {
    this.quant = quant;
    this.arch = arch;
    this.layers = model.approximableLayers();
    this.workloads = layers.stream().map(ImcWorkload::of).toList();
    this.weightBits = config.weightBits();
    this.weightsSigned = config.mode().signed();
  }

  public ImcArchitecture architecture() {
    return arch;
  }

  /** One entry per approximable layer: its workload, or null when the layer is not mapped (LSTM, GRU). */
  public List<ImcWorkload> workloads() {
    return workloads;
  }

  public int weightBits() {
    return weightBits;
  }

  /** The exact configuration: every plane and slice, full-resolution ADC. */
  public ImcKnobs full() {
    return ImcKnobs.full(arch, weightBits);
  }

  /** Full knobs on every mapped layer, null on the others. */
  public List<ImcKnobs> allFull() {
    List<ImcKnobs> out = new ArrayList<>();
    for (ImcWorkload w : workloads) {
      out.add(w == null ? null : full());
    }
    return out;
  }

  /** True when approximable layer {@code index}'s input codes are two's complement. */
  public boolean signedActivations(int index) {
    return quant.layer(index).input().signed();
  }

  /** Corrects every layer's bias from now on with {@code c} ({@link #flow}); null: no correction. */
  void correctBias(ImcBiasCorrection c) {
    this.correction = c;
  }

  /** The bias correction in use, or null. */
  public ImcBiasCorrection biasCorrection() {
    return correction;
  }

  /**
   * The engine's dataflow of layer {@code index} with {@code knobs} when every other layer is exact: {@link
   * #layer}, with the bias correction folded in when one is set ({@link ImcBiasCorrection}; with one approximated
   * layer its inputs are the exact network's in either order). Whole configurations: {@link #dataflows}.
   */
  public LayerDataflow flow(int index, ImcKnobs knobs) {
    ImcLayer l = layer(index, knobs);
    ImcBiasCorrection c = correction;
    return c == null || knobs.equals(full()) ? l : new BiasedDataflow(l, c.delta(index, knobs));
  }

  /** The dataflow of layer {@code index} with {@code knobs} (checked against the architecture). */
  public ImcLayer layer(int index, ImcKnobs knobs) {
    if (workloads.get(index) == null) {
      throw new IllegalArgumentException("layer " + layers.get(index).name() + " is not mapped to IMC arrays");
    }
    knobs.checkFor(arch, weightBits, "layer '" + layers.get(index).name() + "'");
    return built.computeIfAbsent(index + "/" + knobs.name(), key -> build(index, knobs));
  }

  private ImcLayer build(int index, ImcKnobs knobs) {
    LayerQuantization q = quant.layer(index);
    ImcWorkload w = workloads.get(index);
    return new ImcLayer(arch, knobs, w.groups() * w.groupChannels(), w.reduction(), q.weights().codes(), weightBits,
        weightsSigned, weightZeroPoints(index), q.input().zeroPoint(), q.input().signed());
  }

  /** The weight zero point of every output channel of mapped layer {@code index}. */
  int[] weightZeroPoints(int index) {
    ImcWorkload w = workloads.get(index);
    int[] zw = new int[w.groups() * w.groupChannels()];
    for (int n = 0; n < zw.length; n++) {
      zw[n] = quant.layer(index).weights().paramsOf(n * w.reduction()).zeroPoint();
    }
    return zw;
  }

  /**
   * The engine's dataflows for {@code knobs} (one per approximable layer, null for unmapped layers). With {@code
   * exactShortcut}, layers at full knobs use the exact kernels instead (the same result, tested, and faster).
   */
  public LayerDataflow[] dataflows(List<ImcKnobs> knobs, boolean exactShortcut) {
    check(knobs);
    ImcBiasCorrection c = correction;
    int[][] deltas = c == null ? new int[knobs.size()][] : c.deltas(knobs);
    LayerDataflow[] out = new LayerDataflow[layers.size()];
    for (int i = 0; i < out.length; i++) {
      ImcKnobs kn = knobs.get(i);
      if (kn != null && !(exactShortcut && kn.equals(full()))) {
        out[i] = deltas[i] == null ? layer(i, kn) : new BiasedDataflow(layer(i, kn), deltas[i]);
      }
    }
    return out;
  }

  /** The cost of layer {@code index} with {@code knobs}; zero for unmapped layers. */
  public ImcCost cost(int index, ImcKnobs knobs) {
    ImcWorkload w = workloads.get(index);
    if (w == null || knobs == null) {
      return ImcCost.ZERO;
    }
    return ImcCost.of(arch, w, knobs, ImcCost.cycles(arch, knobs, signedActivations(index)));
  }

  /** The summed cost per image of the whole network with {@code knobs}. */
  public ImcCost cost(List<ImcKnobs> knobs) {
    check(knobs);
    ImcCost total = ImcCost.ZERO;
    for (int i = 0; i < knobs.size(); i++) {
      total = total.plus(cost(i, knobs.get(i)));
    }
    return total;
  }

  private void check(List<ImcKnobs> knobs) {
    if (knobs.size() != layers.size()) {
      throw new IllegalArgumentException(knobs.size() + " knob sets for " + layers.size() + " layers");
    }
  }
}
