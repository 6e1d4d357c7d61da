package org.axdse.simulator.precision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharedModel;

/**
 * Data-aware codebooks for a shared model: keeps the k-means assignment of every group ({@link
 * org.axdse.simulator.share.WeightSharing}) and refits the group's k shared values to the layer's output on
 * calibration data ({@link CodebookRefit} under the input covariance of {@link InputMoments}), then corrects each
 * output channel's bias by the mean shift {@code sum (w - shared) E[x]} (the covariance is the second moment once
 * the bias absorbs the mean, so refit and bias correction together minimise the mean square output error). With
 * {@code rounds > 0} it alternates: every weight is reassigned to a refitted value of its group by GPTQ-style error
 * feedback under the covariance, and the values are refitted again; the codebooks with the least output error are
 * kept (so more rounds never raise the calibration error). {@code layer} codebooks are fitted over
 * all rows of the layer, {@code channel} per row, {@code kernel} per row over all its kernels' codebooks together.
 * Convolution and dense layers only (LSTM and GRU layers keep their k-means values). Deterministic.
 */
public final class SharedCodebooks {
  private SharedCodebooks() {}

  /** {@code shared} (made from {@code original}) with refitted codebooks and corrected biases. */
  public static SharedModel refit(Model original, SharedModel shared, Map<Integer, InputMoments.LayerMoments> moments,
      int rounds) {
    List<ApproximableLayer> before = original.approximableLayers();
    List<ApproximableLayer> after = shared.model().approximableLayers();
    List<Layer> layers = new ArrayList<>(shared.model().layers());
    List<SharedModel.LayerSharing> figures = new ArrayList<>();
    for (SharedModel.LayerSharing f : shared.layers()) {
      int index = indexOf(before, f.name());
      InputMoments.LayerMoments m = moments.get(index);
      ApproximableLayer s = after.get(index);
      if (m == null || !(s instanceof ConvLayer || s instanceof DenseLayer)) {
        figures.add(f);
        continue;
      }
      float[] w = ShareGranularity.tensors(before.get(index)).get(0);
      float[] v = ShareGranularity.tensors(s).get(0).clone();
      int rows = ((float[]) bias(s)).length;
      double[][][] cov = new double[m.groups()][][];
      Arrays.setAll(cov, m::covariance);
      int group = shared.plan().granularity().groupSize(s, 0);
      LayerFit fit = new LayerFit(w, rows, group, cov, shared.plan().granularity() == ShareGranularity.LAYER);
      float[] best = fit.refit(v, rounds);
      double inertia = 0;
      for (int i = 0; i < w.length; i++) {
        inertia += ((double) w[i] - best[i]) * ((double) w[i] - best[i]);
      }
      float[] b = bias(before.get(index)).clone();
      int per = w.length / rows;
      for (int r = 0; r < rows; r++) {
        double[] mean = m.mean()[r / (rows / m.groups())];
        double shift = 0;
        for (int i = 0; i < per; i++) {
          shift += ((double) w[r * per + i] - best[r * per + i]) * mean[i];
        }
        b[r] = (float) (b[r] + shift);
      }
      layers.set(layers.indexOf(s), rebuilt(s, best, b));
      figures.add(new SharedModel.LayerSharing(f.name(), f.k(), f.groups(), f.weights(), inertia, f.spread()));
    }
    return new SharedModel(new Model(shared.model().name(), shared.model().input(), shared.model().output(),
        layers), shared.plan(), figures);
  }

  /** One layer's rows, groups and covariances; fits the codebooks of a shared weight tensor. */
  private record LayerFit(float[] w, int rows, int group, double[][][] cov, boolean wholeLayer) {
    float[] refit(float[] shared, int rounds) {
      float[] current = shared;
      float[] best = null;
      double bestError = Double.POSITIVE_INFINITY;
      for (int round = 0; round <= rounds; round++) {
        float[] fitted = fitOnce(current);
        double e = error(fitted);
        if (e < bestError) {
          bestError = e;
          best = fitted;
        }
        current = reassigned(fitted);
      }
      return best;
    }

    /** The output error {@code sum_r dw_r^T C dw_r} of {@code v}. */
    double error(float[] v) {
      int per = w.length / rows;
      double sum = 0;
      for (int r = 0; r < rows; r++) {
        double[] d = new double[per];
        for (int i = 0; i < per; i++) {
          d[i] = (double) w[r * per + i] - v[r * per + i];
        }
        sum += Quadratic.form(d, cov[r / (rows / cov.length)]);
      }
      return sum;
    }

    /** Refits the values of {@code v} for its assignment (equal values in a group: one centroid). */
    float[] fitOnce(float[] v) {
      int per = w.length / rows;
      float[] out = new float[w.length];
      int systemRows = wholeLayer ? rows : 1;
      for (int r0 = 0; r0 < rows; r0 += systemRows) {
        int from = r0 * per;
        int to = from + systemRows * per;
        List<Double> values = new ArrayList<>();
        int[] ids = new int[to - from];
        for (int g = from; g < to; g += group) {
          TreeMap<Float, Integer> local = new TreeMap<>();
          for (int i = g; i < g + group; i++) {
            local.putIfAbsent(v[i], 0);
          }
          for (Map.Entry<Float, Integer> e : local.entrySet()) {
            e.setValue(values.size());
            values.add((double) e.getKey());
          }
          for (int i = g; i < g + group; i++) {
            ids[i - from] = local.get(v[i]);
          }
        }
        CodebookRefit.NormalEquations eq = new CodebookRefit.NormalEquations(values.size());
        for (int r = r0; r < r0 + systemRows; r++) {
          double[][] h = cov[r / (rows / cov.length)];
          eq.add(w, r * per, Arrays.copyOfRange(ids, (r - r0) * per, (r - r0 + 1) * per), h, damping(h));
        }
        double[] c = eq.solve(values.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = from; i < to; i++) {
          out[i] = (float) c[ids[i - from]];
        }
      }
      return out;
    }

    /**
     * Every weight moved to a value of its own group, row by row with error feedback under the row's covariance
     * ({@link Gptq} with the group's values as the grid instead of a uniform one): each weight, in act order, takes
     * the group value nearest to its error-corrected value, and its error is spread over the weights still to come.
     */
    float[] reassigned(float[] v) {
      int per = w.length / rows;
      float[] out = new float[w.length];
      float[][] books = new float[w.length / group][];
      for (int b = 0; b < books.length; b++) {
        books[b] = distinct(v, b * group, group);
      }
      Gptq.Factor[] factors = new Gptq.Factor[cov.length];
      for (int r = 0; r < rows; r++) {
        int g = r / (rows / cov.length);
        if (factors[g] == null) {
          factors[g] = Gptq.factor(cov[g], Gptq.DAMP);
        }
        Gptq.Factor f = factors[g];
        if (f == null) {
          System.arraycopy(v, r * per, out, r * per, per);
          continue;
        }
        double[][] u = f.u();
        double[] x = new double[per];
        for (int i = 0; i < per; i++) {
          x[i] = w[r * per + f.order()[i]];
        }
        for (int i = 0; i < per; i++) {
          int at = r * per + f.order()[i];
          float value = nearest(books[at / group], x[i]);
          out[at] = value;
          double err = (x[i] - value) / u[i][i];
          for (int j = i + 1; j < per; j++) {
            x[j] -= err * u[i][j];
          }
        }
      }
      return out;
    }

    /** The distinct values of {@code v[from, from + n)}, ascending. */
    private static float[] distinct(float[] v, int from, int n) {
      float[] c = Arrays.copyOfRange(v, from, from + n);
      Arrays.sort(c);
      int m = 0;
      for (int i = 0; i < c.length; i++) {
        if (i == 0 || c[i] != c[m - 1]) {
          c[m++] = c[i];
        }
      }
      return Arrays.copyOf(c, m);
    }

    /** The value of the ascending {@code book} nearest to {@code x} (ties: the smaller one). */
    private static float nearest(float[] book, double x) {
      float best = book[0];
      for (float c : book) {
        if (Math.abs(x - c) < Math.abs(x - best)) {
          best = c;
        }
      }
      return best;
    }
  }

  /** {@link Gptq#DAMP} of the mean diagonal of {@code h}. */
  private static double damping(double[][] h) {
    double trace = 0;
    for (int i = 0; i < h.length; i++) {
      trace += h[i][i];
    }
    return trace > 0 ? Gptq.DAMP * trace / h.length : 1;
  }

  private static float[] bias(ApproximableLayer layer) {
    return layer instanceof ConvLayer c ? c.bias() : ((DenseLayer) layer).bias();
  }

  private static Layer rebuilt(ApproximableLayer layer, float[] w, float[] b) {
    return layer instanceof ConvLayer c
        ? new ConvLayer(c.name(), c.ports(), c.inC(), c.outC(), c.window(), c.groups(), w, b)
        : new DenseLayer(((DenseLayer) layer).name(), ((DenseLayer) layer).ports(),
            ((DenseLayer) layer).inFeatures(), ((DenseLayer) layer).outFeatures(), w, b);
  }

  private static int indexOf(List<ApproximableLayer> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no approximable layer " + name);
  }
}
