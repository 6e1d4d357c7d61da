package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.errormodel.LayerPrediction;
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
 * The forward pass of {@code --emulation model} retraining, which never runs the product tables (ProxSim, De la
 * Parra et al., DATE 2020): the graph's float layers on int8 fake-quantized values (the input and every tensor
 * the engine requantizes, with the calibrated activation parameters; convolution and dense weights quantized
 * afresh each step as the simulator quantizes them) and, at each approximate layer's output before its
 * quantization, Gaussian noise with the {@link ErrorModel}'s per-channel mean and variance of the accumulator
 * error, dequantized with {@code s_in * s_w[c]}. Straight-through throughout: the gradient is the float layers'.
 * The multipliers enter only through the error model's statistics, measured once on the calibration images
 * (activation code distributions and covariances) and recomputed from the current weight codes by
 * {@link #refresh()} at the start of every epoch.
 */
final class ModelEmulation {
  private final GraphNet net;
  private final QuantizedModel calibrated;
  private final Assignment assignment;
  private final ErrorModel measured;
  private final long seed;
  private final Map<String, Integer> approximable = new HashMap<>();
  private Map<Integer, ChannelMoments> moments = Map.of();
  private long nanos;
  private long statisticsNanos;

  private ModelEmulation(GraphNet net, QuantizedModel calibrated, Assignment assignment, ErrorModel measured,
      long seed) {
    this.net = net;
    this.calibrated = calibrated;
    this.assignment = assignment;
    this.measured = measured;
    this.seed = seed;
    List<ApproximableLayer> layers = net.model().approximableLayers();
    for (int i = 0; i < layers.size(); i++) {
      approximable.put(layers.get(i).name(), i);
    }
  }

  /**
   * The emulation of {@code assignment} for {@code net} quantized as {@code calibrated}: measures the error
   * model's activation statistics in one exact run over {@code calibration} (a layer it cannot describe being
   * approximate is a one-line error) and computes the first statistics.
   */
  static ModelEmulation open(GraphNet net, QuantizedModel calibrated, Assignment assignment,
      MultiplierCatalog catalog, Dataset calibration, int threads, long seed) {
    long start = System.nanoTime();
    ErrorModel em;
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      em = ErrorModel.open(net.model(), calibrated, catalog, calibration, k);
    }
    ModelEmulation e = new ModelEmulation(net, calibrated, assignment, em, seed);
    e.nanos += System.nanoTime() - start;
    e.statisticsNanos += System.nanoTime() - start;
    e.refresh();
    return e;
  }

  /**
   * Recomputes every approximate layer's channel moments from the network's current weight codes; returns the
   * median over channels of {@code |std_new / std_old - 1|} against the previous statistics (0 the first time).
   */
  double refresh() {
    long start = System.nanoTime();
    Model current = net.toModel();
    QuantizedModel q = ModelQuantizer.requantizeWeights(current, calibrated);
    Map<Integer, ChannelMoments> next = new HashMap<>();
    for (LayerPrediction p : measured.withWeights(current, q).predict(assignment)) {
      if (p.std() > 0 || p.mean() != 0) {
        next.put(p.index(), p.channels());
      }
    }
    List<Double> changes = new ArrayList<>();
    next.forEach((i, m) -> {
      ChannelMoments old = moments.get(i);
      for (int c = 0; old != null && c < m.channels(); c++) {
        if (old.variance(c) > 0) {
          changes.add(Math.abs(Math.sqrt(m.variance(c) / old.variance(c)) - 1));
        }
      }
    });
    moments = next;
    nanos += System.nanoTime() - start;
    statisticsNanos += System.nanoTime() - start;
    return changes.isEmpty() ? 0 : changes.stream().sorted().toList().get(changes.size() / 2);
  }

  /** Approximate layers with noise. */
  int noisyLayers() {
    return moments.size();
  }

  /** Wall time spent on the error model, weight quantization and noise draws so far, seconds. */
  double seconds() {
    return nanos / 1e9;
  }

  /** Of {@link #seconds()}, the part spent measuring and computing the error statistics. */
  double statisticsSeconds() {
    return statisticsNanos / 1e9;
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
   * The noise of approximable layer {@code index} with the weight scales of {@code q}: per channel the modelled
   * accumulator mean and standard deviation times {@code s_in * s_w[c]}; null for a layer without error.
   */
  ChannelNoise noise(int index, QuantizedModel q) {
    ChannelMoments m = moments.get(index);
    if (m == null) {
      return null;
    }
    LayerQuantization l = q.layer(index);
    int channels = m.channels();
    double[] mean = new double[channels];
    double[] std = new double[channels];
    for (int c = 0; c < channels; c++) {
      double scale = l.input().scale() * l.weights().params().get(l.weights().channels() == 1 ? 0 : c).scale();
      mean[c] = m.mean(c) * scale;
      std[c] = Math.sqrt(m.variance(c)) * scale;
    }
    return new ChannelNoise(mean, std);
  }

  /** {@code y} (no gradient) plus the noise of approximate layer {@code layer} in step {@code step}. */
  NDArray withNoise(NDManager m, QuantizedModel q, Layer layer, NDArray y, long step) {
    int index = approximable.get(layer.name());
    ChannelNoise noise = noise(index, q);
    long start = System.nanoTime();
    NDArray draws = noise.draw(m, y.getShape(), layer instanceof ConvLayer, seed, step, index);
    nanos += System.nanoTime() - start;
    return y.stopGradient().add(draws.toType(y.getDataType(), false));
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
    public NDArray output(Layer layer, NDArray y) {
      String out = layer.output().name();
      Integer index = approximable.get(layer.name());
      if (index != null && moments.containsKey(index)) {
        return ForwardHook.straightThrough(y, FakeQuant.apply(withNoise(m, q, layer, y, step), q.tensor(out)));
      }
      if (ModelQuantizer.movesCodes(layer) || !q.tensors().containsKey(out) || keepsGrid(layer, q)) {
        return y;
      }
      return ForwardHook.straightThrough(y, FakeQuant.apply(y, q.tensor(out)));
    }
  }
}
