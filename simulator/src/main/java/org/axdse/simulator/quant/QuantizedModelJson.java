package org.axdse.simulator.quant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/**
 * Reads the JSON of {@link QuantizedModel#toJson} back for the float model it was made from. Parameters are taken
 * as recorded; weight codes, int32 biases and weight histograms are derived from the model exactly as
 * {@link ModelQuantizer} derives them, and the recorded bias range is checked against the result so that a
 * different model is caught. Errors are {@link IllegalArgumentException}s naming the JSON field.
 */
final class QuantizedModelJson {
  private QuantizedModelJson() {}

  static QuantizedModel read(JsonNode root, Model model, Preprocessing pre) {
    QuantConfig config = config(field(root, "config", "quantization"));
    boolean narrowDefault = config.mode() == QuantMode.SYMMETRIC;
    JsonNode t = field(root, "tensors", "quantization");
    if (!t.isObject()) {
      throw new IllegalArgumentException("quantization.tensors: expected an object");
    }
    Map<String, QuantParams> tensors = new LinkedHashMap<>();
    t.fields().forEachRemaining(e -> tensors.put(e.getKey(),
        params(e.getValue(), "quantization.tensors." + e.getKey(), narrowDefault)));
    for (String name : requiredTensors(model)) {
      if (!tensors.containsKey(name)) {
        throw new IllegalArgumentException("quantization.tensors: no parameters for tensor " + name
            + " of the model");
      }
    }
    JsonNode ls = field(root, "layers", "quantization");
    List<ApproximableLayer> layers = model.approximableLayers();
    if (!ls.isArray() || ls.size() != layers.size()) {
      throw new IllegalArgumentException("quantization.layers: expected " + layers.size()
          + " approximable layers, got " + (ls.isArray() ? ls.size() : "no array"));
    }
    List<LayerQuantization> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      out.add(layer(ls.get(i), "quantization.layers[" + i + "]", layers.get(i), config, narrowDefault));
    }
    return new QuantizedModel(config, pre, tensors, out);
  }

  private static List<String> requiredTensors(Model model) {
    List<String> names = new ArrayList<>();
    names.add(model.input().name());
    model.layers().forEach(l -> names.add(l.output().name()));
    return names;
  }

  private static QuantConfig config(JsonNode c) {
    QuantMode mode = QuantMode.parse(text(c, "mode", "quantization.config"));
    if (mode == null) {
      throw new IllegalArgumentException("quantization.config.mode: expected sym or asym");
    }
    String method = c.has("activationMethod") ? text(c, "activationMethod", "quantization.config")
        : "percentile";
    CalibrationMethod m = CalibrationMethod.parse(method);
    if (m == null) {
      throw new IllegalArgumentException("quantization.config.activationMethod: expected minmax, percentile or mse");
    }
    double percentile = c.has("percentile") ? number(c, "percentile", "quantization.config")
        : QuantConfig.DEFAULT_PERCENTILE;
    return new QuantConfig(mode, bool(c, "perChannel", "quantization.config"),
        (int) integer(c, "weightBits", "quantization.config"),
        (int) integer(c, "calibrationImages", "quantization.config"),
        integer(c, "calibrationSeed", "quantization.config"), m, percentile);
  }

  private static LayerQuantization layer(JsonNode o, String where, ApproximableLayer layer, QuantConfig config,
      boolean narrowDefault) {
    String name = text(o, "name", where);
    if (!name.equals(layer.name())) {
      throw new IllegalArgumentException(where + ".name: " + name + ", but the model's layer is " + layer.name());
    }
    QuantParams in = params(field(o, "input", where), where + ".input", narrowDefault);
    QuantParams out = params(field(o, "output", where), where + ".output", narrowDefault);
    long[] activations = null;
    if (o.has("activationCounts") && !o.get("activationCounts").isNull()) {
      activations = longs(o.get("activationCounts"), where + ".activationCounts");
    }
    return switch (layer) {
      case ConvLayer c -> affine(o, where, c.weights(), c.bias(), c.outC(), in, out, config, activations);
      case DenseLayer d -> affine(o, where, d.weights(), d.bias(), d.outFeatures(), in, out, config, activations);
      case LstmLayer l -> recurrent(o, where, l.name(), l.w(), l.r(), 4 * l.hidden(), in, out, config, activations);
      case GruLayer g -> recurrent(o, where, g.name(), g.w(), g.r(), 3 * g.hidden(), in, out, config, activations);
    };
  }

  private static LayerQuantization affine(JsonNode o, String where, float[] w, float[] b, int channels,
      QuantParams in, QuantParams out, QuantConfig config, long[] activations) {
    QuantizedWeights q = weights(field(o, "weights", where), where + ".weights", w, channels, config);
    long[] mult = longs(field(o, "requantMultiplier", where), where + ".requantMultiplier");
    long[] shift = longs(field(o, "requantShift", where), where + ".requantShift");
    if (mult.length != channels || shift.length != channels) {
      throw new IllegalArgumentException(where + ": expected " + channels + " requantization multipliers and shifts");
    }
    int[] bias = new int[channels];
    List<FixedPointMultiplier> requant = new ArrayList<>(channels);
    int per = w.length / channels;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int c = 0; c < channels; c++) {
      bias[c] = WeightQuantizer.quantizeBias(b[c], in.scale(), q.paramsOf(c * per).scale());
      lo = Math.min(lo, bias[c]);
      hi = Math.max(hi, bias[c]);
      try {
        requant.add(new FixedPointMultiplier(Math.toIntExact(mult[c]), Math.toIntExact(shift[c])));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(where + ".requantMultiplier[" + c + "]: out of the int range");
      }
    }
    if (integer(o, "biasMin", where) != lo || integer(o, "biasMax", where) != hi) {
      throw new IllegalArgumentException(where + ": the model's biases quantize to [" + lo + ", " + hi
          + "], not the recorded [" + integer(o, "biasMin", where) + ", " + integer(o, "biasMax", where)
          + "]: a different model?");
    }
    return new LayerQuantization(text(o, "name", where), in, out, q, null, bias, requant, activations,
        ModelQuantizer.weightCounts(config, q));
  }

  private static LayerQuantization recurrent(JsonNode o, String where, String name, float[] w, float[] r,
      int rows, QuantParams in, QuantParams out, QuantConfig config, long[] activations) {
    QuantizedWeights qw = weights(field(o, "weights", where), where + ".weights", w, rows, config);
    QuantizedWeights qr = weights(field(o, "recurrentWeights", where), where + ".recurrentWeights", r, rows,
        config);
    return new LayerQuantization(name, in, out, qw, qr, null, List.of(), activations,
        ModelQuantizer.weightCounts(config, qw, qr));
  }

  private static QuantizedWeights weights(JsonNode o, String where, float[] w, int rows, QuantConfig config) {
    int channels = config.perChannel() ? rows : 1;
    if (integer(o, "channels", where) != channels) {
      throw new IllegalArgumentException(where + ".channels: expected " + channels + " for this model and "
          + (config.perChannel() ? "per-channel" : "per-tensor") + " weights");
    }
    int bits = (int) integer(o, "bits", where);
    if (bits != config.weightBits()) {
      throw new IllegalArgumentException(where + ".bits: " + bits + ", but the config says " + config.weightBits());
    }
    boolean signed = o.has("signed") ? bool(o, "signed", where) : config.mode().signed();
    boolean narrow = o.has("narrowRange") ? bool(o, "narrowRange", where) : config.mode().signed();
    JsonNode scales = field(o, "scale", where);
    long[] zps = longs(field(o, "zeroPoint", where), where + ".zeroPoint");
    if (!scales.isArray() || scales.size() != channels || zps.length != channels) {
      throw new IllegalArgumentException(where + ": expected " + channels + " scales and zero points");
    }
    List<QuantParams> params = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      if (!scales.get(c).isNumber()) {
        throw new IllegalArgumentException(where + ".scale[" + c + "]: expected a number");
      }
      double scale = scales.get(c).asDouble();
      int zp = (int) zps[c];
      params.add(checked(where + "[" + c + "]", () -> new QuantParams(scale, zp, bits, signed, narrow)));
    }
    int per = w.length / channels;
    int[] codes = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      codes[i] = params.get(i / per).quantize(w[i]);
    }
    return new QuantizedWeights(codes, params);
  }

  private static QuantParams params(JsonNode o, String where, boolean narrowDefault) {
    boolean signed = bool(o, "signed", where);
    boolean narrow = o.has("narrowRange") ? bool(o, "narrowRange", where) : narrowDefault && signed;
    return checked(where, () -> new QuantParams(number(o, "scale", where), (int) integer(o, "zeroPoint", where),
        (int) integer(o, "bits", where), signed, narrow));
  }

  private static <T> T checked(String where, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode o, String key, String where) {
    JsonNode v = o == null ? null : o.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + "." + key + ": missing");
    }
    return v;
  }

  private static String text(JsonNode o, String key, String where) {
    JsonNode v = field(o, key, where);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + "." + key + ": expected a string");
    }
    return v.asText();
  }

  private static double number(JsonNode o, String key, String where) {
    JsonNode v = field(o, key, where);
    if (!v.isNumber()) {
      throw new IllegalArgumentException(where + "." + key + ": expected a number");
    }
    return v.asDouble();
  }

  private static long integer(JsonNode o, String key, String where) {
    JsonNode v = field(o, key, where);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(where + "." + key + ": expected an integer");
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode o, String key, String where) {
    JsonNode v = field(o, key, where);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(where + "." + key + ": expected true or false");
    }
    return v.asBoolean();
  }

  private static long[] longs(JsonNode a, String where) {
    if (!a.isArray()) {
      throw new IllegalArgumentException(where + ": expected an array of integers");
    }
    long[] v = new long[a.size()];
    for (int i = 0; i < v.length; i++) {
      if (!a.get(i).isIntegralNumber() || !a.get(i).canConvertToLong()) {
        throw new IllegalArgumentException(where + "[" + i + "]: expected an integer");
      }
      v[i] = a.get(i).asLong();
    }
    return v;
  }
}
