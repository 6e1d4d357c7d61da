package org.axdse.simulator.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/**
 * Everything the integer engine needs besides the float model: the configuration it was made with, the input
 * preprocessing, the activation parameters of every tensor (by tensor name: the model input and every layer
 * output), and the integer form of each approximable layer in assignment-index order. Immutable once built;
 * {@link #toJson} gives the per-layer parameters written into every result.
 */
public record QuantizedModel(QuantConfig config, Preprocessing preprocessing, Map<String, QuantParams> tensors,
    List<LayerQuantization> layers, WeightRounding rounding) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public QuantizedModel {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(preprocessing, "preprocessing");
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    layers = List.copyOf(layers);
  }

  /** A model whose narrower widths are rounded to the nearest code ({@code rounding} null). */
  public QuantizedModel(QuantConfig config, Preprocessing preprocessing, Map<String, QuantParams> tensors,
      List<LayerQuantization> layers) {
    this(config, preprocessing, tensors, layers, null);
  }

  /** This model with narrower widths rounded by {@code value} (null: nearest), for {@link WidthQuantizations}. */
  public QuantizedModel withRounding(WeightRounding value) {
    return new QuantizedModel(config, preprocessing, tensors, layers, value);
  }

  /** The parameters of tensor {@code name}. */
  public QuantParams tensor(String name) {
    QuantParams p = tensors.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no quantization parameters for tensor " + name);
    }
    return p;
  }

  /** The approximable layer with assignment index {@code index}. */
  public LayerQuantization layer(int index) {
    return layers.get(index);
  }

  /** The approximable layer called {@code name}. */
  public LayerQuantization layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no approximable layer " + name));
  }

  /** This model with {@code replaced} layers (same order and names). */
  public QuantizedModel withLayers(List<LayerQuantization> replaced) {
    return new QuantizedModel(config, preprocessing, tensors, replaced, rounding);
  }

  /**
   * The quantization as JSON: {@code config}, {@code tensors} (scale, zero point, bits, signed per tensor) and
   * {@code layers} (input, output, per-channel weight scales and zero points, requantization multipliers and
   * shifts, bias range, the calibration's activation code histogram). Weight codes and int32 biases are not
   * written: they follow from the model and the recorded parameters, so {@link #fromJson} rebuilds an equal model.
   */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode c = root.putObject("config");
    c.put("mode", config.mode().label());
    c.put("perChannel", config.perChannel());
    c.put("weightBits", config.weightBits());
    c.put("activationBits", 8);
    c.put("calibrationImages", config.calibrationImages());
    c.put("calibrationSeed", config.calibrationSeed());
    c.put("activationRanges", config.activationSelector().name());
    c.put("activationMethod", config.activationMethod().label());
    c.put("percentile", config.percentile());
    c.put("weightRanges", "minmax");
    if (rounding != null) {
      c.put("weightRounding", rounding.label());
    }
    ObjectNode t = root.putObject("tensors");
    tensors.forEach((name, p) -> params(t.putObject(name), p));
    ArrayNode ls = root.putArray("layers");
    for (int i = 0; i < layers.size(); i++) {
      LayerQuantization l = layers.get(i);
      ObjectNode o = ls.addObject();
      o.put("index", i);
      o.put("name", l.name());
      params(o.putObject("input"), l.input());
      params(o.putObject("output"), l.output());
      weights(o.putObject("weights"), l.weights());
      if (l.isRecurrent()) {
        weights(o.putObject("recurrentWeights"), l.recurrent());
      } else {
        ArrayNode mult = o.putArray("requantMultiplier");
        ArrayNode shift = o.putArray("requantShift");
        for (FixedPointMultiplier m : l.requant()) {
          mult.add(m.multiplier());
          shift.add(m.shift());
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int b : l.bias()) {
          lo = Math.min(lo, b);
          hi = Math.max(hi, b);
        }
        o.put("biasMin", lo);
        o.put("biasMax", hi);
      }
      if (l.activationCounts() != null) {
        ArrayNode counts = o.putArray("activationCounts");
        for (long n : l.activationCounts()) {
          counts.add(n);
        }
      }
    }
    return root;
  }

  /**
   * Rebuilds the model {@link #toJson} described, for the same float {@code model}: the recorded activation and
   * weight parameters and requantization multipliers are used as written (no calibration), weight codes and biases
   * are quantized again from the model with those parameters, so the result equals the original and evaluates
   * bit-identically. Throws {@link IllegalArgumentException} naming the JSON field when the document is malformed
   * or does not fit {@code model}.
   */
  public static QuantizedModel fromJson(JsonNode json, Model model, Preprocessing preprocessing) {
    return QuantizedModelJson.read(json, model, preprocessing);
  }

  private static void params(ObjectNode o, QuantParams p) {
    o.put("scale", p.scale());
    o.put("zeroPoint", p.zeroPoint());
    o.put("bits", p.bits());
    o.put("signed", p.signed());
    o.put("narrowRange", p.narrowRange());
  }

  private static void weights(ObjectNode o, QuantizedWeights w) {
    o.put("bits", w.params().get(0).bits());
    o.put("channels", w.channels());
    o.put("signed", w.params().get(0).signed());
    o.put("narrowRange", w.params().get(0).narrowRange());
    ArrayNode scales = o.putArray("scale");
    ArrayNode zps = o.putArray("zeroPoint");
    for (QuantParams p : w.params()) {
      scales.add(p.scale());
      zps.add(p.zeroPoint());
    }
  }
}
