package org.axdse.simulator.share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;

/**
 * Applies a {@link SharingPlan} to a float model: every group of weights (see {@link ShareGranularity}) is
 * clustered by {@link KMeans1D} and each weight replaced by its cluster mean. Groups are clustered in parallel,
 * each into its own slots, so the result is the same for any thread count. The weights of a shared model are
 * quantized like any others: a cluster value becomes one weight code per quantization scale.
 */
public final class WeightSharing {
  private WeightSharing() {}

  /**
   * {@code model} with the weights of the layers {@code plan} names shared, with the clustering figures per
   * layer; a one-line error naming the layer and k when a k exceeds the weights of a group.
   */
  public static SharedModel apply(Model model, SharingPlan plan, int threads) {
    return apply(model, plan, threads, Map.of());
  }

  /**
   * As {@link #apply(Model, SharingPlan, int)}, activation-aware for the layers {@code stats} names ({@link
   * InputEnergy}): weighted k-means (each weight counted by its input channel's mean square), and the bias
   * corrected by the mean output shift the sharing causes; other layers are clustered unweighted.
   */
  public static SharedModel apply(Model model, SharingPlan plan, int threads,
      Map<String, InputEnergy.PerWeight> stats) {
    List<Task> tasks = new ArrayList<>();
    List<ApproximableLayer> shared = new ArrayList<>();
    List<List<float[]>> outputs = new ArrayList<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      int k = plan.kOf(layer.name());
      if (k == 0) {
        continue;
      }
      SharingPlan.check(layer, plan.granularity(), k, null);
      List<float[]> out = new ArrayList<>();
      List<float[]> tensors = ShareGranularity.tensors(layer);
      for (int t = 0; t < tensors.size(); t++) {
        float[] w = tensors.get(t);
        int size = plan.granularity().groupSize(layer, t);
        out.add(new float[w.length]);
        InputEnergy.PerWeight st = t == 0 ? stats.get(layer.name()) : null;
        double[] weight = st == null ? null : st.meanSquare();
        if (weight != null && weight.length != w.length) {
          throw new IllegalArgumentException("layer " + layer.name() + ": " + weight.length + " importance weights "
              + "for " + w.length + " weights");
        }
        for (int from = 0; from < w.length; from += size) {
          tasks.add(new Task(shared.size(), w, weight, out.get(t), from, size, k));
        }
      }
      shared.add(layer);
      outputs.add(out);
    }
    double[] inertia = new double[tasks.size()];
    double[] spread = new double[tasks.size()];
    run(threads, tasks.size(), i -> {
      Task task = tasks.get(i);
      float[] group = Arrays.copyOfRange(task.in(), task.from(), task.from() + task.size());
      double[] weight = task.weight() == null ? null
          : Arrays.copyOfRange(task.weight(), task.from(), task.from() + task.size());
      KMeans1D.Clustering c = KMeans1D.cluster(group, weight, task.k());
      for (int j = 0; j < group.length; j++) {
        task.out()[task.from() + j] = c.valueOf(j);
      }
      inertia[i] = c.inertia();
      spread[i] = KMeans1D.cluster(group, weight, 1).inertia();
    });
    List<SharedModel.LayerSharing> figures = new ArrayList<>();
    List<Layer> layers = new ArrayList<>(model.layers());
    for (int s = 0; s < shared.size(); s++) {
      ApproximableLayer layer = shared.get(s);
      double in = 0;
      double sp = 0;
      int groups = 0;
      for (int i = 0; i < tasks.size(); i++) {
        if (tasks.get(i).layer() == s) {
          in += inertia[i];
          sp += spread[i];
          groups++;
        }
      }
      long weights = ShareGranularity.tensors(layer).stream().mapToLong(w -> w.length).sum();
      figures.add(new SharedModel.LayerSharing(layer.name(), plan.kOf(layer.name()), groups, weights, in, sp));
      InputEnergy.PerWeight st = stats.get(layer.name());
      layers.set(layers.indexOf(layer), rebuilt(layer, outputs.get(s), st == null ? null : st.mean()));
    }
    return new SharedModel(new Model(model.name(), model.input(), model.output(), layers), plan, figures);
  }

  private static Layer rebuilt(ApproximableLayer layer, List<float[]> w, double[] mean) {
    return switch (layer) {
      case ConvLayer c -> new ConvLayer(c.name(), c.ports(), c.inC(), c.outC(), c.window(), c.groups(), w.get(0),
          corrected(c.bias(), c.weights(), w.get(0), mean));
      case DenseLayer d -> new DenseLayer(d.name(), d.ports(), d.inFeatures(), d.outFeatures(), w.get(0),
          corrected(d.bias(), d.weights(), w.get(0), mean));
      case LstmLayer l -> new LstmLayer(l.name(), l.ports(), l.inputSize(), l.hidden(), w.get(0), w.get(1),
          l.bias());
      case GruLayer g -> new GruLayer(g.name(), g.ports(), g.inputSize(), g.hidden(), w.get(0), w.get(1),
          g.wBias(), g.rBias(), g.linearBeforeReset());
    };
  }

  /** {@code bias} plus each row's mean output shift {@code sum (w - shared) E[x]}; {@code bias} when no means. */
  private static float[] corrected(float[] bias, float[] w, float[] shared, double[] mean) {
    if (mean == null) {
      return bias;
    }
    float[] b = bias.clone();
    int per = w.length / b.length;
    for (int o = 0; o < b.length; o++) {
      double shift = 0;
      for (int i = o * per; i < (o + 1) * per; i++) {
        shift += ((double) w[i] - shared[i]) * mean[i];
      }
      b[o] = (float) (b[o] + shift);
    }
    return b;
  }

  private static void run(int threads, int n, java.util.function.IntConsumer body) {
    if (threads <= 1) {
      IntStream.range(0, n).forEach(body);
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while clustering weights", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * One group: {@code size} weights of {@code in} from {@code from} (k-means weights from {@code weight}, or
   * none), shared values written to {@code out}.
   */
  private record Task(int layer, float[] in, double[] weight, float[] out, int from, int size, int k) {}
}
