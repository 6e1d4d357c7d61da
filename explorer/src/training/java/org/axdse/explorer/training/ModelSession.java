package org.axdse.explorer.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.RandomUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.axdse.explorer.training.net.Network;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.IdxFiles;
import org.axdse.simulator.model.Preprocessing;

/**
 * A network of one {@link Architecture} with its parameters in a DJL PyTorch model: trains it (Adam with a cosine
 * learning rate, softmax cross-entropy), evaluates it, and saves or loads its parameters. Closing it frees the
 * native memory. Randomness comes only from the seed: DJL's engine RNG (PyTorch's manual seed) for the initial
 * weights and a {@link SplittableRandom} for the order of the training images.
 */
public final class ModelSession implements AutoCloseable {
  private static final int EVAL_BATCH = 500;

  private final Architecture architecture;
  private final Network network;
  private final Model model;
  private final Preprocessing prep;

  private ModelSession(Architecture architecture, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    RandomUtils.RANDOM.setSeed(seed);
    this.architecture = architecture;
    this.network = architecture.network();
    this.model = Model.newInstance(architecture.cliName(), "PyTorch");
    this.prep = architecture.preprocessing(IdxFiles.FASHION_CLASSES);
    model.setBlock(network.block());
  }

  /** An untrained network whose initial weights depend only on {@code seed}. */
  public static ModelSession fresh(Architecture architecture, int seed) {
    ModelSession s = new ModelSession(architecture, seed);
    s.network.block().setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    s.network.block().initialize(s.model.getNDManager(), DataType.FLOAT32, s.inputShape(1));
    return s;
  }

  /** A network with the parameters saved by {@link #saveParameters} (reseeds the engine RNG with 0). */
  public static ModelSession load(Architecture architecture, Path params) {
    ModelSession s = fresh(architecture, 0);
    try (DataInputStream in = new DataInputStream(Files.newInputStream(params))) {
      s.network.block().loadParameters(s.model.getNDManager(), in);
    } catch (IOException | MalformedModelException e) {
      s.close();
      throw BadInputException.in(params, "not DJL parameters of a " + architecture.cliName() + ": "
          + e.getMessage());
    }
    return s;
  }

  public Architecture architecture() {
    return architecture;
  }

  public Network network() {
    return network;
  }

  /** The DJL model holding the network and its parameters (for fine-tuning loops in this package). */
  Model djlModel() {
    return model;
  }

  /** How images become this network's inputs (Fashion-MNIST normalization, the architecture's layout). */
  public Preprocessing preprocessing() {
    return prep;
  }

  Shape inputShape(int batch) {
    long[] s = network.inputShape();
    long[] dims = new long[s.length + 1];
    dims[0] = batch;
    System.arraycopy(s, 0, dims, 1, s.length);
    return new Shape(dims);
  }

  /** Per-epoch figures reported while training. */
  public record EpochStats(int epoch, double meanLoss, double seconds) {}

  /** Receives each finished epoch. */
  public interface EpochListener {
    void epochDone(EpochStats stats);
  }

  /**
   * Trains on {@code data} as {@code schedule} says. Each epoch visits the images in a fresh order drawn from the
   * seed; the last, partial batch of an epoch is dropped so every step sees the same batch shape.
   */
  public void train(Dataset data, Schedule schedule, EpochListener listener) {
    train(data, schedule, listener, ProgressListener.NONE);
  }

  /** As {@link #train(Dataset, Schedule, EpochListener)}, reporting the images trained on to {@code progress}. */
  public void train(Dataset data, Schedule schedule, EpochListener listener, ProgressListener progress) {
    int epochs = schedule.epochs();
    int batchSize = schedule.batchSize();
    float learningRate = schedule.learningRate();
    int size = data.imageBytes();
    int steps = data.size() / batchSize;
    int[] labelOf = data.labels();
    if (steps == 0) {
      throw new IllegalArgumentException("batch size " + batchSize + " exceeds " + data.size() + " images");
    }
    Tracker lr = Tracker.cosine().setBaseValue(learningRate).optFinalValue(learningRate * 0.01f)
        .setMaxUpdates(Math.max(1, epochs * steps)).build();
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build());
    SplittableRandom shuffler = new SplittableRandom(schedule.seed());
    float[] x = new float[batchSize * size];
    float[] y = new float[batchSize];
    try (Trainer trainer = model.newTrainer(config);
        ProgressListener.Task task = progress.start("train", (long) epochs * steps * batchSize, "images")) {
      trainer.initialize(inputShape(batchSize));
      for (int epoch = 1; epoch <= epochs; epoch++) {
        long start = System.nanoTime();
        SplittableRandom random = shuffler.split();
        int[] order = permutation(data.size(), random);
        double lossSum = 0;
        for (int step = 0; step < steps; step++) {
          int from = step * batchSize;
          Inputs.batch(prep, data, order, from, batchSize, x);
          if (schedule.flips()) {
            flipRows(x, batchSize, (int) network.inputShape()[network.inputShape().length - 1], random);
          }
          for (int i = 0; i < batchSize; i++) {
            y[i] = labelOf[order[from + i]];
          }
          try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray input = m.create(x, inputShape(batchSize));
            NDArray labels = m.create(y);
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList out = trainer.forward(new NDList(input));
              NDArray loss = trainer.getLoss().evaluate(new NDList(labels), out);
              gc.backward(loss);
              lossSum += loss.getFloat();
            }
            trainer.step();
          }
          task.advance(batchSize);
        }
        listener.epochDone(new EpochStats(epoch, lossSum / steps, (System.nanoTime() - start) / 1e9));
      }
    }
  }

  /** Mirrors each sample's rows (of {@code width} values) with probability 1/2. */
  private static void flipRows(float[] x, int samples, int width, SplittableRandom random) {
    int per = x.length / samples;
    for (int s = 0; s < samples; s++) {
      if (random.nextBoolean()) {
        for (int row = s * per; row < (s + 1) * per; row += width) {
          for (int i = row, j = row + width - 1; i < j; i++, j--) {
            float t = x[i];
            x[i] = x[j];
            x[j] = t;
          }
        }
      }
    }
  }

  public static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Inference-mode logits {@code [n][classes]} for already preprocessed inputs ({@code n} samples). */
  public float[][] logits(float[] inputs, int n) {
    int classes = (int) network.classes();
    float[][] out = new float[n][classes];
    try (NDManager m = model.getNDManager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDArray result = network.block().forward(ps, new NDList(m.create(inputs, inputShape(n))), false)
          .singletonOrThrow();
      float[] flat = result.toFloatArray();
      for (int i = 0; i < n; i++) {
        System.arraycopy(flat, i * classes, out[i], 0, classes);
      }
    }
    return out;
  }

  /** Top-1 accuracy over all of {@code data}, in inference mode (BatchNorm uses its running statistics). */
  public double accuracy(Dataset data) {
    int[] labels = data.labels();
    int correct = 0;
    for (int from = 0; from < data.size(); from += EVAL_BATCH) {
      int n = Math.min(EVAL_BATCH, data.size() - from);
      float[] x = new float[n * data.imageBytes()];
      Inputs.batch(prep, data, null, from, n, x);
      float[][] logits = logits(x, n);
      for (int i = 0; i < n; i++) {
        if (argmax(logits[i]) == labels[from + i]) {
          correct++;
        }
      }
    }
    return correct / (double) data.size();
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Saves the parameters (weights and BatchNorm statistics) in DJL's format, atomically. */
  public void saveParameters(Path target) {
    AtomicFiles.write(target, out -> {
      DataOutputStream data = new DataOutputStream(out);
      network.block().saveParameters(data);
      data.flush();
    });
  }

  @Override
  public void close() {
    model.close();
  }
}
