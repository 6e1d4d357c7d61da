package org.axdse.simulator.precision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PatchMatrix;
import org.axdse.simulator.model.Preprocessing;

/**
 * The first and second moments of the inputs of every convolution and dense layer over calibration images, in
 * the float model: for each channel group g of a layer, {@code H_g = E[x x^T]} and {@code E[x]} over the im2col
 * columns {@code x} (length {@code K = inC/groups * kH * kW}, the order of a weight row; padding taps 0) or the
 * dense layer's input rows. Every output channel of group g sees the same {@code H_g}: a row error {@code dw}
 * changes that output by {@code dw . x}, so {@code dw^T H_g dw} is its mean square output error. Sums run in a
 * fixed order on the calling thread: the same images give the same moments on every run. LSTM and GRU layers get
 * none.
 */
public final class InputMoments {
  private static final int BATCH = 25;

  private InputMoments() {}

  /**
   * Moments of one layer.
   *
   * @param second {@code [group][K][K]}, symmetric
   * @param mean {@code [group][K]}
   */
  public record LayerMoments(double[][][] second, double[][] mean) {
    public LayerMoments {
      if (second.length != mean.length || second.length == 0) {
        throw new IllegalArgumentException("one second moment and one mean per group");
      }
    }

    public int groups() {
      return second.length;
    }

    /** {@code E[x x^T] - E[x] E[x]^T} of group {@code g}: the second moment once a bias absorbs the mean. */
    public double[][] covariance(int g) {
      double[][] h = second[g];
      double[] m = mean[g];
      double[][] c = new double[h.length][h.length];
      for (int i = 0; i < h.length; i++) {
        for (int j = 0; j < h.length; j++) {
          c[i][j] = h[i][j] - m[i] * m[j];
        }
      }
      return c;
    }
  }

  /** Per approximable layer index, the moments of its inputs (convolution and dense layers only). */
  public static Map<Integer, LayerMoments> of(Model model, Preprocessing pre, Dataset calibration) {
    List<ApproximableLayer> layers = model.approximableLayers();
    Map<String, Acc> acc = new LinkedHashMap<>();
    for (ApproximableLayer l : layers) {
      if (l instanceof ConvLayer c) {
        acc.put(l.name(), new Acc(c.groups(), c.fanIn()));
      } else if (l instanceof DenseLayer d) {
        acc.put(l.name(), new Acc(1, d.inFeatures()));
      }
    }
    FloatExecutor ex = FloatExecutor.of(model);
    for (int from = 0; from < calibration.size(); from += BATCH) {
      int n = Math.min(BATCH, calibration.size() - from);
      float[] x = FloatInputs.of(calibration, pre, from, n);
      ex.run(x, n, (layer, inputs, output, batch) -> add(layer, inputs.get(0), batch, acc.get(layer.name())));
    }
    Map<Integer, LayerMoments> out = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Acc a = acc.get(layers.get(i).name());
      if (a != null && a.count > 0) {
        out.put(i, a.finish());
      }
    }
    return out;
  }

  private static void add(org.axdse.simulator.model.Layer layer, float[] in, int batch, Acc a) {
    if (a == null) {
      return;
    }
    if (layer instanceof ConvLayer c) {
      int positions = c.output().shape().dim(1) * c.output().shape().dim(2);
      int k = c.fanIn();
      float[] col = new float[k * positions];
      int perSample = c.input().shape().size();
      for (int s = 0; s < batch; s++) {
        for (int g = 0; g < c.groups(); g++) {
          PatchMatrix.fill(c, in, s * perSample, g, col);
          a.addColumns(g, col, positions);
        }
        a.count += positions;
      }
    } else if (layer instanceof DenseLayer d) {
      int k = d.inFeatures();
      int rows = in.length / k;
      float[] col = new float[k];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(in, r * k, col, 0, k);
        a.addColumns(0, col, 1);
      }
      a.count += rows;
    }
  }

  /** Running sums of one layer: {@code [group]} upper triangles and means, and the number of columns. */
  private static final class Acc {
    final double[][][] sum;
    final double[][] linear;
    long count;

    Acc(int groups, int k) {
      sum = new double[groups][k][k];
      linear = new double[groups][k];
    }

    /** Adds the {@code positions} columns of the {@code [K, positions]} matrix {@code col} to group g. */
    void addColumns(int g, float[] col, int positions) {
      int k = linear[g].length;
      for (int i = 0; i < k; i++) {
        int ri = i * positions;
        double[] row = sum[g][i];
        double lin = 0;
        for (int p = 0; p < positions; p++) {
          lin += col[ri + p];
        }
        linear[g][i] += lin;
        for (int j = i; j < k; j++) {
          int rj = j * positions;
          double dot = 0;
          for (int p = 0; p < positions; p++) {
            dot += (double) col[ri + p] * col[rj + p];
          }
          row[j] += dot;
        }
      }
    }

    LayerMoments finish() {
      int groups = sum.length;
      double[][][] h = new double[groups][][];
      double[][] m = new double[groups][];
      for (int g = 0; g < groups; g++) {
        int k = linear[g].length;
        h[g] = new double[k][k];
        m[g] = new double[k];
        for (int i = 0; i < k; i++) {
          m[g][i] = linear[g][i] / count;
          for (int j = i; j < k; j++) {
            h[g][i][j] = sum[g][i][j] / count;
            h[g][j][i] = h[g][i][j];
          }
        }
      }
      return new LayerMoments(h, m);
    }
  }
}
