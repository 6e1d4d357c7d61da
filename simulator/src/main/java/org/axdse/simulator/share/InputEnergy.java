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
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;

/**
 * The mean square of each input channel of every convolution and dense layer over calibration images, in the
 * float model. A weight's error {@code dw} adds {@code dw * x} to its output, so {@code E[x^2] dw^2} estimates the
 * output error it causes (cross terms left out); as k-means weights ({@link KMeans1D#cluster(float[], double[],
 * int)}), these put the shared values where the inputs are strong. Recurrent layers get none (plain k-means).
 */
public final class InputEnergy {
  private static final int BATCH = 50;

  private InputEnergy() {}

  /** Per layer name, one k-means weight per weight of the layer's (first) tensor: its input channel's E[x^2]. */
  public static Map<String, double[]> of(Model model, Preprocessing pre, Dataset calibration) {
    Map<String, double[]> sums = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    int per = model.input().shape().size();
    FloatExecutor ex = FloatExecutor.of(model);
    byte[] pixels = new byte[BATCH * per];
    for (int from = 0; from < calibration.size(); from += BATCH) {
      int n = Math.min(BATCH, calibration.size() - from);
      float[] x = new float[n * per];
      for (int i = 0; i < n; i++) {
        calibration.copyImage(from + i, pixels, i * per);
        pre.apply(pixels, i * per, x, i * per);
      }
      ex.run(x, n, (layer, inputs, output, batch) -> add(layer, inputs, sums, counts));
    }
    Map<String, double[]> weights = new LinkedHashMap<>();
    for (ApproximableLayer layer : model.approximableLayers()) {
      double[] s = sums.get(layer.name());
      if (s != null) {
        double[] channel = new double[s.length];
        double mean = 0;
        for (int c = 0; c < s.length; c++) {
          channel[c] = s[c] / counts.get(layer.name());
          mean += channel[c] / s.length;
        }
        double floor = mean > 0 ? 1e-6 * mean : 1; // a dead channel still needs a positive weight
        weights.put(layer.name(), perWeight(layer, channel, floor));
      }
    }
    return weights;
  }

  private static void add(Layer layer, List<float[]> inputs, Map<String, double[]> sums, Map<String, Long> counts) {
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
    int per = channels * inner;
    long rows = 0;
    for (int base = 0; base + per <= in.length; base += per) {
      rows++;
      for (int c = 0; c < channels; c++) {
        double acc = 0;
        int at = layer instanceof ConvLayer ? base + c * inner : base + c;
        int stride = layer instanceof ConvLayer ? 1 : channels;
        for (int j = 0; j < inner; j++) {
          float v = in[at + j * stride];
          acc += (double) v * v;
        }
        s[c] += acc;
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
