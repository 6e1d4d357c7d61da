package org.axdse.simulator.share;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/**
 * The mean and mean square of each input channel of every convolution and dense layer over calibration images, in
 * the float model, spread to the layer's weights. A weight's error {@code dw} adds {@code dw * x} to its output,
 * so {@code E[x^2] dw^2} estimates the output error it causes (cross terms left out): as k-means weights ({@link
 * KMeans1D#cluster(float[], double[], int)}) they put the shared values where the inputs are strong; and
 * {@code sum dw E[x]} is the mean shift of an output, which {@link WeightSharing} folds back into the bias (bias
 * correction as in Nagel et al., "Data-Free Quantization Through Weight Equalization and Bias Correction", ICCV
 * 2019). Recurrent layers get none (plain k-means, bias unchanged).
 */
public final class InputEnergy {
  private static final int BATCH = 50;

  private InputEnergy() {}

  /** Per layer name, the statistics of each weight's input channel, one entry per weight of the layer. */
  public static Map<String, PerWeight> of(Model model, Preprocessing pre, Dataset calibration) {
    Map<String, double[]> sums = new HashMap<>();
    Map<String, double[]> linear = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    FloatExecutor ex = FloatExecutor.of(model);
    for (int from = 0; from < calibration.size(); from += BATCH) {
      int n = Math.min(BATCH, calibration.size() - from);
      float[] x = FloatInputs.of(calibration, pre, from, n);
      ex.run(x, n, (layer, inputs, output, batch) -> add(layer, inputs, sums, linear, counts));
    }
    Map<String, PerWeight> weights = new LinkedHashMap<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      double[] s = sums.get(layer.name());
      if (s != null) {
        double[] square = new double[s.length];
        double[] mean = new double[s.length];
        double average = 0;
        for (int c = 0; c < s.length; c++) {
          square[c] = s[c] / counts.get(layer.name());
          mean[c] = linear.get(layer.name())[c] / counts.get(layer.name());
          average += square[c] / s.length;
        }
        double floor = average > 0 ? 1e-6 * average : 1; // a dead channel still needs a positive weight
        weights.put(layer.name(), new PerWeight(perWeight(layer, square, floor),
            perWeight(layer, mean, Double.NEGATIVE_INFINITY)));
      }
    }
    return weights;
  }

  /**
   * Statistics of the input channel of each weight of a layer.
   *
   * @param meanSquare {@code E[x^2]} (at least a millionth of the layer's average, so positive)
   * @param mean {@code E[x]}
   */
  public record PerWeight(double[] meanSquare, double[] mean) {
    public PerWeight {
      if (meanSquare.length != mean.length) {
        throw new IllegalArgumentException("one mean and one mean square per weight");
      }
    }
  }

  private static void add(Layer layer, List<float[]> inputs, Map<String, double[]> sums,
      Map<String, double[]> linear, Map<String, Long> counts) {
    int channels;
    int inner;
    if (layer instanceof ConvLayer c) {
      channels = c.inC();
      inner = c.input().shape().size() / channels;
    } else if (layer instanceof DenseLayer d) {
      channels = d.inFeatures();
      inner = 1;
    } else {
      return;
    }
    float[] in = inputs.get(0);
    double[] s = sums.computeIfAbsent(layer.name(), k -> new double[channels]);
    double[] l = linear.computeIfAbsent(layer.name(), k -> new double[channels]);
    int per = channels * inner;
    long rows = 0;
    for (int base = 0; base + per <= in.length; base += per) {
      rows++;
      for (int c = 0; c < channels; c++) {
        double acc = 0;
        double sum = 0;
        int at = layer instanceof ConvLayer ? base + c * inner : base + c;
        int stride = layer instanceof ConvLayer ? 1 : channels;
        for (int j = 0; j < inner; j++) {
          float v = in[at + j * stride];
          acc += (double) v * v;
          sum += v;
        }
        s[c] += acc;
        l[c] += sum;
      }
    }
    counts.merge(layer.name(), rows * inner, Long::sum);
  }

  private static double[] perWeight(ApproximableLayer layer, double[] channel, double floor) {
    if (layer instanceof ConvLayer c) {
      double[] w = new double[c.weights().length];
      int taps = c.window().kH() * c.window().kW();
      int inPerGroup = c.inC() / c.groups();
      int outPerGroup = c.outC() / c.groups();
      for (int i = 0; i < w.length; i++) {
        int o = i / c.fanIn();
        int ch = (o / outPerGroup) * inPerGroup + (i % c.fanIn()) / taps;
        w[i] = Math.max(channel[ch], floor);
      }
      return w;
    }
    DenseLayer d = (DenseLayer) layer;
    double[] w = new double[d.weights().length];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(channel[i % d.inFeatures()], floor);
    }
    return w;
  }
}
