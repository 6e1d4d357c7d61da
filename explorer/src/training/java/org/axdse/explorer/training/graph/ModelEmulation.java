package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensator;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.errormodel.EmulationCheck;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.errormodel.PositionErrors;
import org.axdse.simulator.errormodel.TapCounts;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The forward pass of {@code --emulation model} retraining, which never runs the product tables (after ProxSim,
 * De la Parra et al., DATE 2020): the graph's float layers on int8 fake-quantized values (the input and every
 * tensor the engine requantizes, with the calibrated activation parameters; convolution and dense weights
 * quantized afresh each step as the simulator quantizes them) and, at each approximate layer's output before its
 * quantization, Gaussian noise with the statistical error model's mean and variance of the accumulator error,
 * dequantized with {@code s_in * s_w[c]}. Straight-through throughout: the gradient is the float layers'.
 *
 * <p>The moments are those of {@link PositionErrors}: per weight position, the product error conditional on the
 * activation being the zero point or not, from the calibration's activation-code distribution of the position
 * (measured once) and the current weight codes (recomputed by {@link #refresh()} before every epoch). Each
 * accumulator's mean and variance are then two convolutions of the layer input's non-zero indicator, so outputs
 * whose inputs are zero (background, ReLU zeros, padding) get the zero-point products' error only. The
 * multiplier tables enter only through these statistics.
 */
final class ModelEmulation {
  private final GraphNet net;
  private final QuantizedModel calibrated;
  private final long seed;
  private final Map<String, Integer> approximable = new HashMap<>();
  private final Map<Integer, ResolvedLayer> approximate = new HashMap<>();
  private final Map<Integer, TapCounts> taps = new HashMap<>();
  private Map<Integer, PositionErrors> errors = Map.of();
  private long nanos;
  private long statisticsNanos;

  private ModelEmulation(GraphNet net, QuantizedModel calibrated, long seed) {
    this.net = net;
    this.calibrated = calibrated;
    this.seed = seed;
    List<ApproximableLayer> layers = net.model().approximableLayers();
    for (int i = 0; i < layers.size(); i++) {
      approximable.put(layers.get(i).name(), i);
    }
  }

  /**
   * The emulation of {@code assignment} for {@code net} quantized as {@code calibrated}: counts the activation
   * codes of every weight position of the approximate layers in one exact run over {@code calibration} and
   * computes the first statistics. A layer the error model cannot describe being approximate is a one-line error.
   */
  static ModelEmulation open(GraphNet net, QuantizedModel calibrated, Assignment assignment,
      MultiplierCatalog catalog, Dataset calibration, int threads, long seed) {
    long start = System.nanoTime();
    Model model = net.model();
    ModelEmulation e = new ModelEmulation(net, calibrated, seed);
    AssignmentResolver resolver = Compensator.resolver(model, calibrated, catalog);
    for (ResolvedLayer r : resolver.resolve(assignment)) {
      if (!r.exact()) {
        ApproximableLayer l = model.approximableLayers().get(r.index());
        if (!ErrorModel.describable(l)) {
          throw EmulationCheck.refused(l);
        }
        e.approximate.put(r.index(), r);
      }
    }
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      Compensator.exactHistograms(model, calibrated, new ArrayList<>(e.approximate.keySet()), calibration, k)
          .forEach((i, h) -> e.taps.put(i, TapCounts.of(h)));
    }
    e.statisticsNanos += System.nanoTime() - start;
    e.nanos += System.nanoTime() - start;
    e.refresh();
    return e;
  }

  /**
   * Recomputes every approximate layer's position errors from the network's current weight codes; returns the
   * median over channels of {@code |sigma_new / sigma_old - 1|}, {@code sigma^2} the sum of the channel's
   * conditional variances, against the previous statistics (0 the first time).
   */
  double refresh() {
    long start = System.nanoTime();
    QuantizedModel q = ModelQuantizer.requantizeWeights(net.toModel(), calibrated);
    Map<Integer, PositionErrors> next = new HashMap<>();
    approximate.forEach((i, r) -> {
      LayerQuantization l = q.layer(i);
      int channels = AssignmentResolver.channels(net.model().approximableLayers().get(i));
      ProductTable[] tables = new ProductTable[channels];
      for (int o = 0; o < channels; o++) {
        tables[o] = r.tables().table(o).table();
      }
      next.put(i, PositionErrors.of(taps.get(i), channels, l.weights().codes(), tables, l.input().zeroPoint(),
          l.input().signed()));
    });
    List<Double> changes = new ArrayList<>();
    next.forEach((i, p) -> {
      PositionErrors old = errors.get(i);
      for (int c = 0; old != null && c < p.channels(); c++) {
        double now = 0;
        double before = 0;
        for (int k = c * p.reduction(); k < (c + 1) * p.reduction(); k++) {
          now += p.variance()[k];
          before += old.variance()[k];
        }
        if (before > 0) {
          changes.add(Math.abs(Math.sqrt(now / before) - 1));
        }
      }
    });
    errors = next;
    long spent = System.nanoTime() - start;
    nanos += spent;
    statisticsNanos += spent;
    return changes.isEmpty() ? 0 : changes.stream().sorted().toList().get(changes.size() / 2);
  }

  /** Approximate layers with noise. */
  int noisyLayers() {
    return errors.size();
  }

  /** Wall time spent on the error statistics, weight quantization and noise draws so far, seconds. */
  double seconds() {
    return nanos / 1e9;
  }

  /** Of {@link #seconds()}, the part spent measuring and computing the error statistics. */
  double statisticsSeconds() {
    return statisticsNanos / 1e9;
  }

  /** The statistics of approximable layer {@code index} (null for an exact layer). */
  PositionErrors errors(int index) {
    return errors.get(index);
  }

  /** The weights quantized as the simulator would quantize them now. */
  QuantizedModel quantization() {
    long start = System.nanoTime();
    QuantizedModel q = ModelQuantizer.requantizeWeights(net.toModel(), calibrated);
    nanos += System.nanoTime() - start;
    return q;
  }

  /** The emulated logits of {@code input} (float, batch-first) in global step {@code step}. */
  NDArray forward(NDManager m, NDArray input, long step) {
    QuantizedModel q = quantization();
    NDArray x = FakeQuant.apply(input, q.tensor(net.model().input().name()));
    return net.forward(x, net.logitsTensor(), new Hook(m, q, step));
  }

  /**
   * The modelled accumulator error of approximate layer {@code layer} on input {@code x} (fake-quantized, so the
   * zero point is 0.0): its mean and variance per output, in accumulator units, shaped as the layer's output.
   */
  NDArray[] moments(NDManager m, Layer layer, NDArray x) {
    PositionErrors p = errors.get(approximable.get(layer.name()));
    NDArray n = x.stopGradient().neq(0).toType(x.getDataType(), false);
    float[] slope = new float[p.mean().length];
    float[] constant = new float[p.channels()];
    for (int o = 0; o < p.channels(); o++) {
      for (int k = o * p.reduction(); k < (o + 1) * p.reduction(); k++) {
        slope[k] = p.mean()[k] - p.zero()[k];
        constant[o] += p.zero()[k];
      }
    }
    NDArray zeros = m.zeros(new Shape(p.channels()), x.getDataType());
    NDArray b = m.create(constant).toType(x.getDataType(), false);
    if (layer instanceof ConvLayer c) {
      Shape w = new Shape(c.outC(), c.inC() / c.groups(), c.window().kH(), c.window().kW());
      return new NDArray[] {LayerForward.conv(c, n, cast(m.create(slope, w), x), b),
          LayerForward.conv(c, n, cast(m.create(p.variance(), w), x), zeros)};
    }
    Shape w = new Shape(p.channels(), p.reduction());
    return new NDArray[] {LayerForward.dense(n, cast(m.create(slope, w), x), b),
        LayerForward.dense(n, cast(m.create(p.variance(), w), x), zeros)};
  }

  private static NDArray cast(NDArray a, NDArray like) {
    return a.toType(like.getDataType(), false);
  }

  /**
   * {@code y} (no gradient) plus the noise of approximate layer {@code layer} on input {@code x} in step
   * {@code step}: {@code (mean + sqrt(variance) * z) * s_in * s_w[c]}, {@code z} standard normal.
   */
  NDArray withNoise(NDManager m, QuantizedModel q, Layer layer, NDArray x, NDArray y, long step) {
    long start = System.nanoTime();
    int index = approximable.get(layer.name());
    LayerQuantization l = q.layer(index);
    int channels = errors.get(index).channels();
    float[] scale = new float[channels];
    for (int c = 0; c < channels; c++) {
      scale[c] = (float) (l.input().scale() * l.weights().params().get(l.weights().channels() == 1 ? 0 : c)
          .scale());
    }
    NDArray[] mv = moments(m, layer, x);
    NDArray z = ChannelNoise.standardNormal(m, y.getShape(), seed, step, index).toType(y.getDataType(), false);
    NDArray s = cast(ChannelNoise.perChannel(m, scale, y.getShape(), layer instanceof ConvLayer), y);
    NDArray noise = mv[0].add(mv[1].maximum(0).sqrt().mul(z)).mul(s);
    nanos += System.nanoTime() - start;
    return y.stopGradient().add(noise);
  }

  /**
   * True for a ReLU whose output has its input's parameters: on values already on the input's grid it gives values
   * on the same grid (0 is a code), so quantizing again would change nothing.
   */
  private static boolean keepsGrid(Layer layer, QuantizedModel q) {
    return layer instanceof ClipLayer c && c.min() == 0 && c.max() == Float.POSITIVE_INFINITY
        && q.tensor(c.input().name()).equals(q.tensor(c.output().name()));
  }

  /** The fake quantization and noise of one step. */
  private final class Hook implements ForwardHook {
    private final NDManager m;
    private final QuantizedModel q;
    private final long step;

    Hook(NDManager m, QuantizedModel q, long step) {
      this.m = m;
      this.q = q;
      this.step = step;
    }

    @Override
    public NDArray weight(Layer layer, NDArray w) {
      var codes = q.layer(approximable.get(layer.name())).weights();
      float[] v = new float[(int) w.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) codes.dequantize(i);
      }
      NDArray quantized = m.create(v, w.getShape()).toType(w.getDataType(), false);
      return LayerForward.local(ForwardHook.straightThrough(w, quantized), quantized);
    }

    @Override
    public NDArray output(Layer layer, List<NDArray> inputs, NDArray y) {
      String out = layer.output().name();
      Integer index = approximable.get(layer.name());
      if (index != null && errors.containsKey(index)) {
        return ForwardHook.straightThrough(y, FakeQuant.apply(withNoise(m, q, layer, inputs.get(0), y, step),
            q.tensor(out)));
      }
      if (ModelQuantizer.movesCodes(layer) || !q.tensors().containsKey(out) || keepsGrid(layer, q)) {
        return y;
      }
      return ForwardHook.straightThrough(y, FakeQuant.apply(y, q.tensor(out)));
    }
  }
}
