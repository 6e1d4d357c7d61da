package org.axdse.simulator.compensation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.QuantizedWeights;

/**
 * The compensation of one assignment: the method, how bias errors were measured, and the adjustments of every
 * compensated layer (layers not listed are unchanged). {@link #applyTo} turns an uncompensated
 * {@link QuantizedModel} into the compensated one; since the adjustments are codes and integers, applying them to
 * the same quantization (same model, calibration images and flags) reproduces the compensated model exactly.
 */
public record Compensation(CompensationMethod method, BiasOrder biasOrder, List<LayerCompensation> layers) {
  public Compensation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(biasOrder, "biasOrder");
    layers = List.copyOf(layers);
  }

  /** {@code quant} with the weight codes remapped and the biases adjusted; weight histograms are recounted. */
  public QuantizedModel applyTo(QuantizedModel quant) {
    List<LayerQuantization> out = new ArrayList<>(quant.layers());
    for (int k = 0; k < layers.size(); k++) {
      LayerCompensation c = layers.get(k);
      if (c.index() >= out.size()) {
        throw new IllegalArgumentException("compensation of layer " + c.index() + " '" + c.name()
            + "': the model has " + out.size() + " approximable layers");
      }
      LayerQuantization l = quant.layer(c.index());
      if (!l.name().equals(c.name()) || l.isRecurrent()) {
        throw new IllegalArgumentException("compensation of layer " + c.index() + " '" + c.name()
            + "' does not fit the quantization's layer '" + l.name() + "'");
      }
      checkRemapCodes(l.weights(), c, "compensation.layers[" + k + "].weightRemap.");
      out.set(c.index(), apply(l, c));
    }
    return quant.withLayers(out);
  }

  /**
   * Every remapped code, original and tuned, must lie in the weight range of the channels its multiplier runs
   * (with several widths, each multiplier's channels have their own width's range).
   */
  private static void checkRemapCodes(QuantizedWeights w, LayerCompensation c, String where) {
    int total = w.channels() * w.perChannel();
    int channels = c.multipliers().size();
    Map<String, QuantParams> range = new HashMap<>();
    for (int ch = 0; ch < channels; ch++) {
      range.putIfAbsent(c.multiplierOf(ch), w.paramsOf(total / channels * ch));
    }
    c.remaps().forEach((mult, codes) -> codes.forEach((from, to) -> {
      QuantParams p = range.getOrDefault(mult, w.paramsOf(0));
      if (from < p.qmin() || from > p.qmax() || to < p.qmin() || to > p.qmax()) {
        throw new IllegalArgumentException(where + mult + ": code " + from + " -> " + to
            + " is outside the layer's weight range [" + p.qmin() + ", " + p.qmax() + "]");
      }
    }));
  }

  private static LayerQuantization apply(LayerQuantization l, LayerCompensation c) {
    QuantizedWeights w = l.weights();
    int channels = l.bias().length;
    if (c.multipliers().size() != 1 && c.multipliers().size() != channels
        || c.biasDelta().length != 0 && c.biasDelta().length != channels) {
      throw new IllegalArgumentException("compensation of layer '" + c.name() + "' does not fit its " + channels
          + " channels");
    }
    int[] codes = w.codes();
    int per = codes.length / channels;
    for (int i = 0; i < codes.length; i++) {
      codes[i] = c.tuned(i / per, codes[i]);
    }
    QuantizedWeights tuned = new QuantizedWeights(codes, w.params());
    int[] bias = l.bias().clone();
    int[] delta = c.biasDelta();
    for (int n = 0; n < delta.length; n++) {
      bias[n] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) bias[n] + delta[n]));
    }
    long[] weightCounts = l.weightCounts() == null ? null : new long[l.weightCounts().length];
    if (weightCounts != null) {
      int mask = weightCounts.length - 1;
      for (int code : codes) {
        weightCounts[code & mask]++;
      }
    }
    return new LayerQuantization(l.name(), l.input(), l.output(), tuned, null, bias, l.requant(),
        l.activationCounts(), weightCounts);
  }
}
