package org.axdse.explorer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axdse.explorer.training.net.Approximated;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Approximation-aware fine-tuning of a {@link ModelSession} with a straight-through estimator. For every batch the
 * simulator's integer engine runs the images with the network's current weights (exported, imported and
 * quantized with the fixed activation parameters of {@code calibrated}) and the assignment's product tables, and
 * the dequantized output of every convolution and dense layer replaces that layer's output in the DJL forward pass:
 * {@code y = y_exact + stopGradient(y_sim - y_exact)} ({@link Approximated}). The forward value is therefore the
 * simulator's, to the logits, and the gradient is the exact layers' (Bengio et al. 2013; for approximate
 * multipliers: Mrazek et al., "ALWANN", ICCAD 2019 discusses the retraining alternative). Every approximable layer
 * is substituted, also those the assignment leaves exact, so quantization error is in the forward pass too.
 * BatchNorm is frozen: the forward pass runs in inference mode (running statistics), only weights, biases and the
 * BatchNorm scale and shift learn.
 */
public final class SteTraining implements AutoCloseable {
  private final ModelSession session;
  private final QuantizedModel calibrated;
  private final Path origin;
  private final Map<String, Approximated> sites;
  private final Kernels kernels;
  private final RowTables[] tables;
  private long simulatorNanos;

  /**
   * Prepares fine-tuning of {@code session} for {@code assignment}; {@code calibrated} is the quantization of the
   * session's current network (its tensor parameters stay fixed), {@code origin} names the model in errors.
   */
  public SteTraining(ModelSession session, QuantizedModel calibrated, Assignment assignment,
      MultiplierCatalog catalog, int threads, Path origin) {
    this.session = session;
    this.calibrated = calibrated;
    this.origin = origin;
    this.sites = session.network().approximableOutputs();
    Model model = currentModel();
    MultiplierFormat format = calibrated.config().mode().format(calibrated.config().weightBits());
    List<ResolvedLayer> resolved = new AssignmentResolver(model, catalog, format,
        calibrated.config().mode().label() + " quantization", false).resolve(assignment);
    List<ApproximableLayer> layers = model.approximableLayers();
    for (int i = 0; i < layers.size(); i++) {
      if (!resolved.get(i).exact() && site(model, layers.get(i)) == null) {
        throw BadInputException.in(origin, "retraining substitutes convolution and dense outputs only; layer '"
            + layers.get(i).name() + "' (" + layers.get(i).kind() + ") must stay exact");
      }
    }
    this.tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    this.kernels = Kernels.create(threads, KernelMode.fromSystemProperty());
  }

  /** The tensor whose codes replace {@code layer}'s DJL output: its own, or that of the ReLU fused into it. */
  private String site(Model model, ApproximableLayer layer) {
    if (sites.containsKey(layer.output().name())) {
      return layer.output().name();
    }
    ClipLayer fused = ModelQuantizer.fusedClip(model, layer);
    return fused != null && sites.containsKey(fused.output().name()) ? fused.output().name() : null;
  }

  /** The simulator's model of the network's current weights. */
  public Model currentModel() {
    return OnnxImporter.load(session.network().export(), origin);
  }

  /** What the simulator computed for one batch. */
  public record Simulated(Map<String, float[]> outputs, float[] logits) {}

  /**
   * Runs images {@code indices} of {@code data} through the integer engine with the current weights: the
   * dequantized output of every substituted tensor (sample-major, NCHW) and the dequantized logits.
   */
  public Simulated simulate(Dataset data, int[] indices) {
    long start = System.nanoTime();
    Model model = currentModel();
    QuantizedModel q = ModelQuantizer.requantizeWeights(model, calibrated);
    int n = indices.length;
    IntegerEngine engine = new IntegerEngine(model, q, kernels, n);
    byte[] codes = InputCodes.of(data.select(indices), q.preprocessing(), q.tensor(model.input().name()));
    Map<String, Integer> channels = new HashMap<>();
    model.layers().forEach(l -> channels.put(l.output().name(), l.output().shape().dim(0)));
    Map<String, float[]> outputs = new HashMap<>();
    byte[] logitCodes = engine.run(codes, 0, n, tables, (tensor, c, batch, per, channelMajor) -> {
      if (sites.containsKey(tensor)) {
        outputs.put(tensor, CodeValues.dequantize(c, batch, per,
            channelMajor ? channels.get(tensor) : 1, q.tensor(tensor)));
      }
    });
    QuantParams lp = engine.logitParams();
    float[] logits = CodeValues.dequantize(logitCodes, n, engine.logitsPerSample(), 1, lp);
    simulatorNanos += System.nanoTime() - start;
    return new Simulated(outputs, logits);
  }

  /** Wall time spent in {@link #simulate} so far (export, import, quantization and the engine run), seconds. */
  public double simulatorSeconds() {
    return simulatorNanos / 1e9;
  }

  /**
   * The DJL logits {@code [n][classes]} of images {@code indices} of {@code data} with every substituted output
   * set to the simulator's (inference mode, no gradient): by construction the simulator's dequantized logits.
   */
  public float[][] forward(Dataset data, int[] indices) {
    int n = indices.length;
    float[] x = inputs(data, indices);
    Simulated sim = simulate(data, indices);
    int classes = (int) session.network().classes();
    float[][] out = new float[n][classes];
    try (NDManager m = session.djlModel().getNDManager().newSubManager()) {
      substitute(m, sim);
      try {
        float[] flat = session.network().block()
            .forward(new ai.djl.training.ParameterStore(m, false), new NDList(m.create(x, session.inputShape(n))),
                false).singletonOrThrow().toFloatArray();
        for (int i = 0; i < n; i++) {
          System.arraycopy(flat, i * classes, out[i], 0, classes);
        }
      } finally {
        clear();
      }
    }
    return out;
  }

  /** A trainer for the session's parameters: Adam with the constant {@code learningRate}, softmax cross-entropy. */
  public Trainer newTrainer(float learningRate, int batchSize) {
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
    Trainer trainer = session.djlModel().newTrainer(config);
    trainer.initialize(session.inputShape(batchSize));
    for (Pair<String, Parameter> p : session.network().block().getParameters()) {
      if (p.getValue().requiresGradient()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
    }
    return trainer;
  }

  /**
   * One fine-tuning step on images {@code indices}: simulate them, forward with the substitutions, backward
   * through the exact layers, update. Returns the batch's loss before the update (the simulator's, by
   * construction).
   */
  public double step(Trainer trainer, Dataset data, int[] indices) {
    int n = indices.length;
    float[] x = inputs(data, indices);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = data.label(indices[i]);
    }
    Simulated sim = simulate(data, indices);
    double loss;
    try (NDManager m = trainer.getManager().newSubManager()) {
      substitute(m, sim);
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDList out = trainer.evaluate(new NDList(m.create(x, session.inputShape(n))));
        NDArray l = trainer.getLoss().evaluate(new NDList(m.create(y)), out);
        gc.backward(l);
        loss = l.getFloat();
      } finally {
        clear();
      }
      trainer.step();
    }
    return loss;
  }

  /**
   * {@code epochs} passes over {@code data}, each in a fresh order drawn from {@code seed}, in steps of
   * {@code batchSize} images (the last partial batch is dropped); reports each epoch's mean loss.
   */
  public void fineTune(Dataset data, int epochs, float learningRate, int batchSize, long seed,
      ModelSession.EpochListener listener) {
    int steps = data.size() / batchSize;
    if (steps == 0) {
      throw new IllegalArgumentException("batch size " + batchSize + " exceeds " + data.size() + " images");
    }
    SplittableRandom shuffler = new SplittableRandom(seed);
    try (Trainer trainer = newTrainer(learningRate, batchSize)) {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        long start = System.nanoTime();
        int[] order = ModelSession.permutation(data.size(), shuffler.split());
        double sum = 0;
        for (int s = 0; s < steps; s++) {
          sum += step(trainer, data, java.util.Arrays.copyOfRange(order, s * batchSize, (s + 1) * batchSize));
        }
        listener.epochDone(new ModelSession.EpochStats(epoch, sum / steps, (System.nanoTime() - start) / 1e9));
      }
    }
  }

  private float[] inputs(Dataset data, int[] indices) {
    float[] x = new float[indices.length * data.imageBytes()];
    Inputs.batch(session.preprocessing(), data, indices, 0, indices.length, x);
    return x;
  }

  private void substitute(NDManager m, Simulated sim) {
    sites.forEach((tensor, block) -> block.substitute(m.create(sim.outputs().get(tensor))));
  }

  private void clear() {
    sites.values().forEach(b -> b.substitute(null));
  }

  @Override
  public void close() {
    kernels.close();
  }
}
