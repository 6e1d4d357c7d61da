package org.axdse.simulator.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.model.Model;

/**
 * Mixed-precision weights for 8xN multipliers: every approximable layer of a calibrated {@link QuantizedModel}
 * quantized again at each weight width N (per tensor or per channel, as the base config says), sharing the base's
 * calibration (activation parameters and activation code counts), and layers whose output channels use different
 * widths composed channel by channel. Each (layer, N) quantization is computed once and cached; a narrower width
 * is rounded as the base's {@link QuantizedModel#rounding()} says (nearest when null). The base model's
 * own width gives back the base layer itself, so single-width runs are untouched. Thread-safe.
 */
public final class WidthQuantizations implements FormatQuantizer {
  private final Model model;
  private final QuantizedModel base;
  private final Map<Long, LayerQuantization> cache = new ConcurrentHashMap<>();

  public WidthQuantizations(Model model, QuantizedModel base) {
    this.model = model;
    this.base = base;
  }

  public QuantizedModel base() {
    return base;
  }

  /** The base model's weight width: the engine's format; every other width must be narrower or equal. */
  public int baseWidth() {
    return base.config().weightBits();
  }

  @Override
  public boolean supports(MultiplierFormat format) {
    return format.activationBits() == 8 && format.weightBits() >= 2 && format.weightBits() <= 8
        && format.signed() == base.config().mode().signed();
  }

  @Override
  public LayerQuantization quantize(int index, MultiplierFormat format) {
    if (!supports(format)) {
      throw new IllegalArgumentException(format + " is not an 8xN format of " + base.config().mode().label()
          + " quantization");
    }
    return layer(index, format.weightBits());
  }

  /** Layer {@code index} with {@code bits}-bit weights (the base layer at the base width). */
  public LayerQuantization layer(int index, int bits) {
    if (bits == baseWidth()) {
      return base.layer(index);
    }
    return cache.computeIfAbsent(((long) index << 8) | bits, k -> {
      LayerQuantization nearest = ModelQuantizer.layerWithWeightBits(model, base, index, bits);
      return base.rounding() == null ? nearest : base.rounding().round(index, nearest);
    });
  }

  /**
   * Layer {@code index} with output channel c at width {@code widths[c]} (one entry: the whole layer): channel
   * c takes its weight codes, weight parameters, bias and requantization multiplier from the layer quantized at
   * its width. Weight parameters become per channel when the widths differ; code histograms are left out (the
   * power model reads the per-width layers).
   */
  public LayerQuantization compose(int index, int[] widths) {
    if (widths.length == 1 || java.util.Arrays.stream(widths).distinct().count() == 1) {
      return layer(index, widths[0]);
    }
    LayerQuantization first = layer(index, widths[0]);
    int channels = widths.length;
    QuantizedWeights w = composeWeights(index, widths, false);
    QuantizedWeights r = first.isRecurrent() ? composeWeights(index, widths, true) : null;
    int[] bias = new int[first.bias().length];
    List<FixedPointMultiplier> requant = new ArrayList<>(bias.length);
    if (bias.length > 0 && bias.length != channels) {
      throw new IllegalArgumentException(first.name() + ": " + channels + " widths for " + bias.length
          + " channels");
    }
    for (int c = 0; c < bias.length; c++) {
      LayerQuantization at = layer(index, widths[c]);
      bias[c] = at.bias()[c];
      requant.add(at.requant().get(c));
    }
    return new LayerQuantization(first.name(), first.input(), first.output(), w, r, bias, requant,
        first.activationCounts(), null);
  }

  private QuantizedWeights composeWeights(int index, int[] widths, boolean recurrent) {
    int channels = widths.length;
    QuantizedWeights any = pick(layer(index, widths[0]), recurrent);
    int total = any.channels() * any.perChannel();
    if (total % channels != 0) {
      throw new IllegalArgumentException(total + " weights cannot be split into " + channels + " channels");
    }
    int per = total / channels;
    int[] codes = new int[total];
    List<QuantParams> params = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      QuantizedWeights q = pick(layer(index, widths[c]), recurrent);
      for (int i = c * per; i < (c + 1) * per; i++) {
        codes[i] = q.code(i);
      }
      params.add(q.paramsOf(c * per));
    }
    return new QuantizedWeights(codes, params);
  }

  private static QuantizedWeights pick(LayerQuantization l, boolean recurrent) {
    return recurrent ? l.recurrent() : l.weights();
  }
}
