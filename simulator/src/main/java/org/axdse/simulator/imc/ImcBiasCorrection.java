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
 * of the exact network ({@link BiasOrder#EXACT_INPUTS}), so a layer's correction depends only on its own knobs and
 * is measured once per (layer, knobs). Deterministic; thread-safe (measurements run one at a time).
 */
public final class ImcBiasCorrection {
  private final ImcSession calibration;
  private final ImcNetwork net;
  private final Map<String, double[]> means = new HashMap<>();

  /** Corrections measured on every image of {@code calibration} (a session over the calibration images). */
  public ImcBiasCorrection(ImcSession calibration) {
    this.calibration = calibration;
    this.net = calibration.network();
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
   * The corrections of {@code knobs} as the project's {@link Compensation} record (method {@code bias}, exact
   * inputs; one entry per corrected layer, its "multiplier" the configuration name), for {@link
   * Compensation#applyTo}: the quantized model with the corrected int32 biases.
   */
  public Compensation compensation(List<ImcKnobs> knobs, Model model) {
    measure(knobs);
    List<LayerCompensation> layers = new ArrayList<>();
    for (int i = 0; i < knobs.size(); i++) {
      ImcKnobs k = knobs.get(i);
      if (k != null && net.workloads().get(i) != null && !k.equals(net.full())) {
        layers.add(new LayerCompensation(i, model.approximableLayers().get(i).name(), List.of(k.name()), Map.of(),
            delta(i, k)));
      }
    }
    return new Compensation(CompensationMethod.BIAS, BiasOrder.EXACT_INPUTS, layers);
  }

  private int channels(int index) {
    ImcWorkload w = net.workloads().get(index);
    return w.groups() * w.groupChannels();
  }

  private static String key(int index, ImcKnobs knobs) {
    return index + "/" + knobs.name();
  }
}
