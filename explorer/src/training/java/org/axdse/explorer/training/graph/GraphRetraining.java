package org.axdse.explorer.training.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.training.CodeValues;
import org.axdse.explorer.training.Inputs;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Approximation-aware retraining of a {@link GraphNet} with a straight-through estimator. For every batch the
 * simulator's integer engine runs the images with the network's current weights ({@link GraphNet#toModel()},
 * weights quantized afresh, activations with the fixed parameters of {@code calibrated}) and the assignment's
 * product tables, convolution, dense, LSTM and GRU gate products alike; the dequantized value of every tensor the
 * engine writes replaces that tensor in the graph's forward pass, {@code y + stopGradient(y_sim - y)}. The forward
 * value is the simulator's down to the logits, the gradient that of the exact float layers (Bengio et al. 2013).
 * Loss: softmax cross-entropy of the logits; update: {@link AdamW}.
 */
public final class GraphRetraining implements AutoCloseable {
  private final GraphNet net;
  private final QuantizedModel calibrated;
  private final Preprocessing pre;
  private final Kernels kernels;
  private final RowTables[] tables;
  private final Map<String, Integer> channels = new HashMap<>();
  private final ModelEmulation emulation;
  private long simulatorNanos;

  /** Prepares retraining of {@code net} for {@code assignment}; {@code calibrated} quantizes {@code net}'s model. */
  public GraphRetraining(GraphNet net, QuantizedModel calibrated, Assignment assignment, MultiplierCatalog catalog,
      Preprocessing pre, int threads) {
    this(net, calibrated, assignment, catalog, pre, threads, null);
  }

  /** As the six-argument form; with {@code emulation} (null: the tables) each step's forward pass is the model's. */
  GraphRetraining(GraphNet net, QuantizedModel calibrated, Assignment assignment, MultiplierCatalog catalog,
      Preprocessing pre, int threads, ModelEmulation emulation) {
    this.emulation = emulation;
    this.net = net;
    this.calibrated = calibrated;
    this.pre = pre;
    Model model = net.model();
    MultiplierFormat format = calibrated.config().mode().format(calibrated.config().weightBits());
    List<ResolvedLayer> resolved = new AssignmentResolver(model, catalog, format,
        calibrated.config().mode().label() + " quantization", false).resolve(assignment);
    this.tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    for (Layer l : model.layers()) {
      channels.put(l.output().name(), l.output().shape().dim(0));
    }
    this.kernels = Kernels.create(threads, KernelMode.fromSystemProperty());
  }

  public GraphNet net() {
    return net;
  }

  /** The simulator's dequantized values of a batch: every tensor the engine wrote (batch-first), and the logits. */
  public record Simulated(Map<String, float[]> tensors, float[] logits) {}

  /** Runs {@code batch} through the integer engine with the current weights. */
  public Simulated simulate(Dataset batch) {
    long start = System.nanoTime();
    Model model = net.toModel();
    QuantizedModel q = ModelQuantizer.requantizeWeights(model, calibrated);
    int n = batch.size();
    IntegerEngine engine = new IntegerEngine(model, q, kernels, n);
    byte[] codes = InputCodes.of(batch, q.preprocessing(), q.tensor(model.input().name()));
    Map<String, float[]> tensors = new HashMap<>();
    byte[] logitCodes = engine.run(codes, 0, n, tables, (tensor, c, b, per, channelMajor) -> {
      if (channels.containsKey(tensor)) {
        tensors.put(tensor, CodeValues.dequantize(c, b, per, channelMajor ? channels.get(tensor) : 1, q.tensor(tensor)));
      }
    });
    float[] logits = CodeValues.dequantize(logitCodes, n, engine.logitsPerSample(), 1, engine.logitParams());
    simulatorNanos += System.nanoTime() - start;
    return new Simulated(tensors, logits);
  }

  /** Wall time spent in {@link #simulate} so far (with model emulation: in its statistics and noise), seconds. */
  public double simulatorSeconds() {
    return emulation != null ? emulation.seconds() : simulatorNanos / 1e9;
  }

  /** What {@link #simulatorSeconds()} measures, for the epoch lines. */
  String emulationLabel() {
    return emulation != null ? "error model and noise" : "simulator";
  }

  /**
   * Called before each epoch: with model emulation, recomputes the error statistics from the current weights and
   * returns a line saying so (null with the tables).
   */
  String beginEpoch(int epoch) {
    if (emulation == null) {
      return null;
    }
    double change = emulation.refresh();
    return String.format(java.util.Locale.ROOT, "retrain: error statistics of %d approximate layers computed from "
        + "the weights before epoch %d (median channel std change %.2f %%; statistics so far %.1f s)",
        emulation.noisyLayers(), epoch, 100 * change, emulation.statisticsSeconds());
  }

  /** The graph's logits {@code [n * classes]} for {@code batch} with the simulator's values substituted. */
  public float[] forward(Dataset batch) {
    Simulated sim = simulate(batch);
    try (NDManager m = NDManager.newBaseManager()) {
      return net.forward(input(m, batch), net.logitsTensor(), substitutes(m, sim)).toType(
          ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }
  }

  /**
   * One step on {@code batch}: simulate, forward with the substitutions, softmax cross-entropy, backward through
   * the exact layers, AdamW update at {@code lr}. Returns the batch's loss before the update.
   */
  double step(Dataset batch, AdamW optimizer, double lr) {
    Simulated sim = emulation == null ? simulate(batch) : null;
    double loss;
    try (NDManager m = NDManager.newBaseManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = emulation != null ? emulation.forward(m, input(m, batch), optimizer.steps())
            : net.forward(input(m, batch), net.logitsTensor(), substitutes(m, sim));
        NDArray l = crossEntropy(m, logits, batch);
        gc.backward(l);
        loss = l.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
      }
      optimizer.step(lr);
    }
    return loss;
  }

  /** Mean softmax cross-entropy of {@code logits} ({@code [n, ...classes]}) against the batch's labels. */
  static NDArray crossEntropy(NDManager m, NDArray logits, Dataset batch) {
    int n = batch.size();
    NDArray flat = logits.reshape(n, -1);
    int classes = (int) flat.getShape().get(1);
    float[] onehot = new float[n * classes];
    for (int i = 0; i < n; i++) {
      onehot[i * classes + batch.label(i)] = 1;
    }
    NDArray y = m.create(onehot, flat.getShape()).toType(flat.getDataType(), false);
    return flat.logSoftmax(1).mul(y).sum().neg().div(Scalars.of(flat, n));
  }

  NDArray input(NDManager m, Dataset batch) {
    float[] x = new float[batch.size() * pre.sampleSize()];
    Inputs.batch(pre, batch, null, 0, batch.size(), x);
    return m.create(x, net.inputShape(batch.size())).toType(net.dataType(), false);
  }

  private Map<String, NDArray> substitutes(NDManager m, Simulated sim) {
    Map<String, NDArray> out = new HashMap<>();
    sim.tensors().forEach((t, v) -> out.put(t, m.create(v)));
    return out;
  }

  @Override
  public void close() {
    kernels.close();
  }
}
