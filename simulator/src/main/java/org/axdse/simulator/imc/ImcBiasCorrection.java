package org.axdse.simulator.imc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.compensation.BiasCorrection;
import org.axdse.simulator.compensation.BiasOrder;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.compensation.LayerCompensation;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.model.Model;

/**
 * Bias correction of the IMC dataflow's systematic error, without retraining: the ADC's clipping (and rounding),
 * the dropped planes and slices make each output channel's accumulator wrong by an amount whose mean a few
 * calibration images measure. For a layer with given knobs it runs the calibration images through the exact
 * network, computing that layer both exactly and with the knobs ({@link ErrorMeter}), and the channel's bias
 * moves by {@code -round(mean error)} ({@link BiasCorrection#deltas}, the rounding of the multiplier target's
 * bias correction), so the corrected mean error on the calibration images is at most 0.5. The inputs are those
 * of the exact network ({@link BiasOrder#EXACT_INPUTS}: a layer's correction depends only on its own knobs and is
 * measured once per (layer, knobs), all layers of a configuration in one pass) or, for a whole configuration
 * ({@link #deltas}), those of the approximate network with every earlier layer already corrected ({@link
 * BiasOrder#SEQUENTIAL}: one pass per approximated layer that has an approximated layer before it, memoised by the
 * configuration of the layers up to it). With one approximated layer both orders are the same. Deterministic;
 * thread-safe (measurements run one at a time).
 */
public final class ImcBiasCorrection {
  private final ImcSession calibration;
  private final ImcNetwork net;
  private final BiasOrder order;
  private final Map<String, double[]> means = new HashMap<>();
  private final Map<String, int[]> sequential = new HashMap<>();
  private final NetworkBias network;

  /** Corrections measured on every image of {@code calibration} (a session over the calibration images). */
  public ImcBiasCorrection(ImcSession calibration, BiasOrder order) {
    this(calibration, order, false);
  }

  /**
   * As above; with {@code againstNetwork} (order {@link BiasOrder#SEQUENTIAL} only) a whole configuration's
   * corrections bring each layer's mean accumulator to the exact network's ({@link NetworkBias}) instead of to the
   * exact layer's on the same inputs. Single-layer corrections ({@link #delta}) are the same in every mode.
   */
  public ImcBiasCorrection(ImcSession calibration, BiasOrder order, boolean againstNetwork) {
    if (againstNetwork && order != BiasOrder.SEQUENTIAL) {
      throw new IllegalArgumentException("a correction against the exact network is sequential");
    }
    this.calibration = calibration;
    this.net = calibration.network();
    this.order = order;
    this.network = againstNetwork ? new NetworkBias(calibration) : null;
  }

  /** True when whole configurations are corrected against the exact network's accumulators. */
  public boolean againstNetwork() {
    return network != null;
  }

  public BiasOrder order() {
    return order;
  }

  /**
   * The corrections of a whole configuration in this correction's order: one entry per layer, null where nothing
   * is corrected (unmapped layers, full precision).
   */
  public synchronized int[][] deltas(List<ImcKnobs> knobs) {
    if (network != null) {
      return network.deltas(knobs);
    }
    int[][] out = new int[knobs.size()][];
    if (order == BiasOrder.EXACT_INPUTS) {
      measure(knobs);
    }
    boolean upstream = false;
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < knobs.size(); i++) {
      ImcKnobs k = knobs.get(i);
      boolean corrected = k != null && net.workloads().get(i) != null && !k.equals(net.full());
      prefix.append(k == null ? "-" : k.name()).append(' ');
      if (!corrected) {
        continue;
      }
      if (order == BiasOrder.EXACT_INPUTS || !upstream) {
        out[i] = delta(i, k);
      } else {
        int index = i;
        out[i] = sequential.computeIfAbsent(prefix.toString(), key -> measureAfter(knobs, out, index)).clone();
      }
      upstream = true;
    }
    return out;
  }

  /** Layer {@code index}'s correction on the inputs of the network with layers before it corrected by {@code d}. */
  private int[] measureAfter(List<ImcKnobs> knobs, int[][] d, int index) {
    LayerDataflow[] flows = new LayerDataflow[knobs.size()];
    for (int j = 0; j < index; j++) {
      if (d[j] != null) {
        flows[j] = new BiasedDataflow(net.layer(j, knobs.get(j)), d[j]);
      }
    }
    ErrorMeter m = new ErrorMeter(net.layer(index, net.full()), net.layer(index, knobs.get(index)), channels(index));
    flows[index] = m;
    calibration.logits(flows, calibration.all());
    return BiasCorrection.deltas(m.means());
  }

  /** Calibration images the corrections are measured on. */
  public int images() {
    return calibration.data().size();
  }

  /** The mean accumulator error (approximate minus exact) of every output channel of layer {@code index}. */
  public synchronized double[] meanError(int index, ImcKnobs knobs) {
    List<ImcKnobs> one = new ArrayList<>(java.util.Collections.nCopies(net.workloads().size(), (ImcKnobs) null));
    one.set(index, knobs);
    measure(one);
    return means.get(key(index, knobs)).clone();
  }

  /** The int32 added to every output channel's bias of layer {@code index}: {@code -round(mean error)}. */
  public int[] delta(int index, ImcKnobs knobs) {
    return BiasCorrection.deltas(meanError(index, knobs));
  }

  /**
   * Measures, in one pass over the calibration images, every mapped layer of {@code knobs} below full precision
   * whose correction is not known yet.
   */
  public synchronized void measure(List<ImcKnobs> knobs) {
    LayerDataflow[] flows = new LayerDataflow[knobs.size()];
    Map<Integer, ErrorMeter> meters = new HashMap<>();
    for (int i = 0; i < knobs.size(); i++) {
      ImcKnobs k = knobs.get(i);
      if (k == null || net.workloads().get(i) == null || means.containsKey(key(i, k))) {
        continue;
      }
      if (k.equals(net.full())) {
        means.put(key(i, k), new double[channels(i)]);
        continue;
      }
      ErrorMeter m = new ErrorMeter(net.layer(i, net.full()), net.layer(i, k), channels(i));
      meters.put(i, m);
      flows[i] = m;
    }
    if (meters.isEmpty()) {
      return;
    }
    calibration.logits(flows, calibration.all());
    meters.forEach((i, m) -> means.put(key(i, knobs.get(i)), m.means()));
  }

  /**
   * The corrections of {@code knobs} ({@link #deltas}) as the project's {@link Compensation} record (method {@code
   * bias}; one entry per corrected layer, its "multiplier" the configuration name), for {@link
   * Compensation#applyTo}: the quantized model with the corrected int32 biases.
   */
  public Compensation compensation(List<ImcKnobs> knobs, Model model) {
    int[][] d = deltas(knobs);
    List<LayerCompensation> layers = new ArrayList<>();
    for (int i = 0; i < knobs.size(); i++) {
      if (d[i] != null) {
        layers.add(new LayerCompensation(i, model.approximableLayers().get(i).name(), List.of(knobs.get(i).name()),
            Map.of(), d[i]));
      }
    }
    return new Compensation(CompensationMethod.BIAS, order, layers);
  }

  private int channels(int index) {
    ImcWorkload w = net.workloads().get(index);
    return w.groups() * w.groupChannels();
  }

  private static String key(int index, ImcKnobs knobs) {
    return index + "/" + knobs.name();
  }
}
