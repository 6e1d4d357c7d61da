package org.axdse.simulator.quant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.AddLayer;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.InputFit;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.TransposeLayer;

/**
 * Post-training quantization of a float {@link Model}: runs the float model over calibration images, collects a
 * histogram of every tensor, and chooses the parameters of each tensor, the weight codes, the int32 biases and the
 * requantization multipliers. Rules, in layer order:
 *
 * <ul>
 *   <li>the model input: min/max range of the preprocessed calibration images;
 *   <li>layers that only move codes (MaxPool, Reshape, Transpose, Slice, Pad) keep their input's parameters;
 *   <li>a layer whose output is read only by a Clip/ReLU takes that Clip's output parameters (a fused activation:
 *       the clamp to the clip range then happens in the layer's requantization);
 *   <li>every other tensor gets the range of the configured activation method over its histogram.
 * </ul>
 *
 * Weights use min/max ranges, per tensor or per output channel (for LSTM and GRU, per gate row). The operand code
 * histograms of the layers are left empty here; the engine fills them from an integer run.
 */
public final class ModelQuantizer {
  static final int BATCH = 50;
  static final int HISTOGRAM_CHUNK = 1 << 18;

  private ModelQuantizer() {}

  /** Quantizes {@code model} with {@code config}, calibrating on every image of {@code calibration}. */
  public static QuantizedModel quantize(Model model, Preprocessing pre, Dataset calibration, QuantConfig config) {
    Map<String, ActivationHistogram> hist = histograms(model, pre, calibration);
    QuantScheme scheme = config.mode().scheme();
    RangeSelector selector = config.activationSelector();
    Map<String, List<Layer>> readers = readers(model);
    Map<String, QuantParams> params = new LinkedHashMap<>();
    String input = model.input().name();
    params.put(input, scheme.params(RangeSelector.minMax().select(hist.get(input)), 8));
    for (Layer layer : model.layers()) {
      String out = layer.output().name();
      QuantParams p;
      if (movesCodes(layer)) {
        p = params.get(layer.input().name());
      } else {
        ClipLayer fused = fusedClip(layer, readers, model);
        String source = fused != null ? fused.output().name() : out;
        p = scheme.params(selector.select(hist.get(source)), 8);
      }
      params.put(out, p);
    }
    List<LayerQuantization> layers = new ArrayList<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      layers.add(layer(layer, params.get(layer.input().name()), params.get(layer.output().name()), config));
    }
    return new QuantizedModel(config, pre, params, layers);
  }

  /**
   * Quantizes the weights and biases of {@code model} again, keeping every tensor parameter of {@code q}: for a
   * model with the graph {@code q} was calibrated on but changed weights (approximation-aware fine-tuning), where
   * re-running the activation calibration at every step would cost too much. Operand histograms are left empty.
   */
  public static QuantizedModel requantizeWeights(Model model, QuantizedModel q) {
    List<LayerQuantization> layers = new ArrayList<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      layers.add(layer(layer, q.tensor(layer.input().name()), q.tensor(layer.output().name()), q.config()));
    }
    return new QuantizedModel(q.config(), q.preprocessing(), q.tensors(), layers);
  }

  /**
   * Approximable layer {@code index} of {@code q} with its weights quantized again at {@code bits} bits (per
   * tensor or per channel as {@code q}'s config says), keeping the calibrated activation parameters and the
   * calibration's activation code counts: the per-width quantization of mixed-precision runs.
   */
  public static LayerQuantization layerWithWeightBits(Model model, QuantizedModel q, int index, int bits) {
    ApproximableLayer layer = model.approximableLayers().get(index);
    LayerQuantization l = layer(layer, q.tensor(layer.input().name()), q.tensor(layer.output().name()),
        q.config().withWeightBits(bits));
    return l.withCounts(q.layer(index).activationCounts(), l.weightCounts());
  }

  /** True for layers whose output codes are input codes moved around (same parameters). */
  public static boolean movesCodes(Layer layer) {
    return layer instanceof ReshapeLayer || layer instanceof TransposeLayer || layer instanceof SliceLayer
        || layer instanceof PadLayer || layer instanceof ResizeLayer
        || (layer instanceof PoolLayer p && p.pool() == PoolKind.MAX);
  }

  /**
   * The Clip/ReLU fused into {@code layer}: the only reader of its output when the layer requantizes (Conv, Dense,
   * Add, Affine, AveragePool) and its output is not the model output; else null. The layer's output then has the
   * Clip's parameters and the engine clamps it to the clip range.
   */
  public static ClipLayer fusedClip(Model model, Layer layer) {
    return fusedClip(layer, readers(model), model);
  }

  static ClipLayer fusedClip(Layer layer, Map<String, List<Layer>> readers, Model model) {
    boolean requantizes = layer instanceof ConvLayer || layer instanceof DenseLayer || layer instanceof AddLayer
        || layer instanceof AffineLayer || layer instanceof PoolLayer;
    String out = layer.output().name();
    List<Layer> r = readers.getOrDefault(out, List.of());
    if (!requantizes || out.equals(model.output().name()) || r.size() != 1) {
      return null;
    }
    return r.get(0) instanceof ClipLayer c ? c : null;
  }

  static Map<String, List<Layer>> readers(Model model) {
    Map<String, List<Layer>> readers = new HashMap<>();
    for (Layer l : model.layers()) {
      for (TensorInfo t : l.inputs()) {
        List<Layer> list = readers.computeIfAbsent(t.name(), k -> new ArrayList<>());
        if (!list.contains(l)) {
          list.add(l);
        }
      }
    }
    return readers;
  }

  private static LayerQuantization layer(ApproximableLayer layer, QuantParams in, QuantParams out,
      QuantConfig config) {
    return switch (layer) {
      case ConvLayer c -> affineLayer(c.name(), c.weights(), c.bias(), c.outC(), in, out, config);
      case DenseLayer d -> affineLayer(d.name(), d.weights(), d.bias(), d.outFeatures(), in, out, config);
      case LstmLayer l -> recurrent(l.name(), in, out, l.w(), l.r(), 4 * l.hidden(), config);
      case GruLayer g -> recurrent(g.name(), in, out, g.w(), g.r(), 3 * g.hidden(), config);
    };
  }

  private static LayerQuantization affineLayer(String name, float[] w, float[] b, int channels, QuantParams in,
      QuantParams out, QuantConfig config) {
    QuantizedWeights q = WeightQuantizer.perChannel(w, config.perChannel() ? channels : 1, config.weightBits(),
        config.mode().scheme(), RangeSelector.minMax());
    int[] bias = new int[channels];
    List<FixedPointMultiplier> requant = new ArrayList<>(channels);
    int per = w.length / channels;
    for (int c = 0; c < channels; c++) {
      double sw = q.paramsOf(c * per).scale();
      bias[c] = WeightQuantizer.quantizeBias(b[c], in.scale(), sw);
      requant.add(requantMultiplier(in.scale() * sw / out.scale()));
    }
    return new LayerQuantization(name, in, out, q, null, bias, requant, null, weightCounts(config, q));
  }

  private static LayerQuantization recurrent(String name, QuantParams in, QuantParams out, float[] w, float[] r,
      int rows, QuantConfig config) {
    int channels = config.perChannel() ? rows : 1;
    QuantizedWeights qw = WeightQuantizer.perChannel(w, channels, config.weightBits(), config.mode().scheme(),
        RangeSelector.minMax());
    QuantizedWeights qr = WeightQuantizer.perChannel(r, channels, config.weightBits(), config.mode().scheme(),
        RangeSelector.minMax());
    return new LayerQuantization(name, in, out, qw, qr, null, List.of(), null, weightCounts(config, qw, qr));
  }

  /**
   * The fixed-point form of {@code m}, clamped to the representable {@code [2^-32, 2^30)}: a smaller multiplier
   * maps every realistic accumulator to 0 anyway.
   */
  static FixedPointMultiplier requantMultiplier(double m) {
    return FixedPointMultiplier.of(Math.max(0x1p-32, Math.min(m, Math.nextDown(0x1p30))));
  }

  static long[] weightCounts(QuantConfig config, QuantizedWeights... all) {
    return weightCounts(config.weightBits(), all);
  }

  /** How often each {@code bits}-bit weight code occurs in {@code all}, indexed by bit pattern. */
  public static long[] weightCounts(int bits, QuantizedWeights... all) {
    int mask = (1 << bits) - 1;
    long[] counts = new long[mask + 1];
    for (QuantizedWeights q : all) {
      for (int i = 0, n = q.channels() * q.perChannel(); i < n; i++) {
        counts[q.code(i) & mask]++;
      }
    }
    return counts;
  }

  /** A histogram of every tensor (the input and each layer output) over the calibration images. */
  static Map<String, ActivationHistogram> histograms(Model model, Preprocessing pre, Dataset calibration) {
    InputFit.check(model, pre, calibration);
    FloatExecutor ex = FloatExecutor.of(model);
    Map<String, ActivationHistogram> hist = new HashMap<>();
    for (int from = 0; from < calibration.size(); from += BATCH) {
      int n = Math.min(BATCH, calibration.size() - from);
      float[] x = FloatInputs.of(calibration, pre, from, n);
      add(hist, model.input().name(), x);
      ex.run(x, n, (layer, ins, out, batch) -> add(hist, layer.output().name(), out));
    }
    return hist;
  }

  private static void add(Map<String, ActivationHistogram> hist, String tensor, float[] values) {
    int chunks = (values.length + HISTOGRAM_CHUNK - 1) / HISTOGRAM_CHUNK;
    ActivationHistogram merged = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      ActivationHistogram h = new ActivationHistogram();
      int from = c * HISTOGRAM_CHUNK;
      h.add(values, from, Math.min(HISTOGRAM_CHUNK, values.length - from));
      return h;
    }).reduce(new ActivationHistogram(), (a, b) -> {
      ActivationHistogram m = a.copy();
      m.merge(b);
      return m;
    });
    hist.computeIfAbsent(tensor, k -> new ActivationHistogram()).merge(merged);
  }
}
