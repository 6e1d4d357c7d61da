package org.axdse.simulator.share;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightSharingTest {
  @TempDir Path dir;

  static List<float[]> weights(Model m) {
    return m.approximableLayers().stream().flatMap(l -> ShareGranularity.tensors(l).stream()).toList();
  }

  @Test
  void sameSharedWeightsForOneAndTwoThreads() {
    TinyNets nets = new TinyNets(3);
    for (Model m : List.of(nets.cnn(dir), nets.lstm(dir))) {
      for (ShareGranularity g : ShareGranularity.values()) {
        SharingPlan plan = SharingPlan.uniform(m, g, 2);
        if (g == ShareGranularity.KERNEL && m.approximableIndex("pw") >= 0) {
          plan = plan.with("pw", 1); // its 1x1 kernels hold one weight each
        }
        SharedModel one = WeightSharing.apply(m, plan, 1);
        SharedModel two = WeightSharing.apply(m, plan, 2);
        List<float[]> a = weights(one.model());
        List<float[]> b = weights(two.model());
        for (int i = 0; i < a.size(); i++) {
          assertArrayEquals(a.get(i), b.get(i), m.name() + " " + g);
        }
        assertEquals(one.layers(), two.layers());
      }
    }
  }

  @Test
  void everyGroupHoldsAtMostKValuesAndTheInertiaIsTheirSquaredError() {
    Model m = new TinyNets(4).cnn(dir);
    int k = 3;
    SharedModel s = WeightSharing.apply(m, SharingPlan.uniform(m, ShareGranularity.CHANNEL, k), 2);
    List<ApproximableLayer> before = m.approximableLayers();
    List<ApproximableLayer> after = s.model().approximableLayers();
    for (int l = 0; l < before.size(); l++) {
      float[] w = ShareGranularity.tensors(before.get(l)).get(0);
      float[] v = ShareGranularity.tensors(after.get(l)).get(0);
      int rows = ShareGranularity.rows(before.get(l), 0);
      int per = w.length / rows;
      double sse = 0;
      for (int r = 0; r < rows; r++) {
        Set<Float> distinct = new HashSet<>();
        for (int i = r * per; i < (r + 1) * per; i++) {
          distinct.add(v[i]);
          sse += (w[i] - (double) v[i]) * (w[i] - (double) v[i]);
        }
        assertTrue(distinct.size() <= k, before.get(l).name() + " row " + r + ": " + distinct);
      }
      // the layer's inertia is the squared error of its shared weights (centroids rounded to float)
      assertEquals(sse, s.layers().get(l).inertia(), 1e-6 * sse);
      assertEquals(rows, s.layers().get(l).groups());
      assertTrue(s.layers().get(l).relativeInertia() > 0 && s.layers().get(l).relativeInertia() < 1);
    }
  }

  /**
   * Channel groups of 4 and k = 2 on a dense layer: the shared model equals the brute-force optimum of each row
   * (every split of the sorted row into two runs).
   */
  @Test
  void sharedRowsAreTheBruteForceOptimum() {
    float[] w = {0.1f, 0.9f, 0.2f, 1.0f, -3f, -2.5f, 4f, 4.25f};
    Model m = TinyNets.build(dir, "dense", new int[] {4}, b -> b.gemm("fc", "x", w, new int[] {2, 4},
        new float[2], 1f, 1f, true));
    SharedModel s = WeightSharing.apply(m, SharingPlan.uniform(m, ShareGranularity.CHANNEL, 2), 1);
    float[] shared = ((DenseLayer) s.model().approximableLayers().get(0)).weights();
    // row 0 sorted 0.1 0.2 | 0.9 1.0 -> 0.15, 0.95; row 1 sorted -3 -2.5 | 4 4.25 -> -2.75, 4.125
    float low = (float) (((double) 0.1f + 0.2f) / 2);
    float high = (float) (((double) 0.9f + 1.0f) / 2);
    assertArrayEquals(new float[] {low, high, low, high, -2.75f, -2.75f, 4.125f, 4.125f}, shared);
    double expected = 4 * 0.05 * 0.05 + 2 * 0.25 * 0.25 + 2 * 0.125 * 0.125;
    assertEquals(expected, s.layers().get(0).inertia(), 1e-6);
  }

  /**
   * A model whose weights sit on a grid of few values: sharing each layer with k = its number of distinct
   * weights keeps every logit bit for bit; one value fewer changes the weights.
   */
  @Test
  void kAtLeastTheDistinctValuesEvaluatesBitForBitLikeTheUnsharedModel() {
    TinyNets nets = new TinyNets(5);
    Model m = gridded(nets.cnn(dir));
    Map<String, Integer> distinct = new LinkedHashMap<>();
    for (ApproximableLayer l : m.approximableLayers()) {
      Set<Float> values = new HashSet<>();
      for (float x : ShareGranularity.tensors(l).get(0)) {
        values.add(x);
      }
      distinct.put(l.name(), values.size());
    }
    SharedModel same = WeightSharing.apply(m, new SharingPlan(ShareGranularity.LAYER, distinct), 2);
    Dataset images = nets.images(m, 40, 5);
    int[] all = IntStream.range(0, 40).toArray();
    byte[] expected = logits(m, images, all);
    assertArrayEquals(expected, logits(same.model(), images, all));
    assertEquals(0, same.proxy());
    Map<String, Integer> fewer = new LinkedHashMap<>(distinct);
    fewer.replaceAll((layer, k) -> k - 1);
    SharedModel less = WeightSharing.apply(m, new SharingPlan(ShareGranularity.LAYER, fewer), 2);
    assertTrue(less.proxy() > 0);
    assertFalse(java.util.Arrays.equals(weights(m).get(0), weights(less.model()).get(0)));
  }

  private static byte[] logits(Model m, Dataset images, int[] which) {
    QuantizedModel q = TinyNets.quantize(m, images, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    try (SimulationSession s = TinyNets.session(m, q, images, MultiplierCatalog.builtin(), 2)) {
      return s.logits(Assignment.allExact(), which);
    }
  }

  /** {@code m} with every conv and dense weight rounded to a multiple of 1/8 (a few distinct values). */
  private Model gridded(Model m) {
    var layers = new java.util.ArrayList<>(m.layers());
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof ConvLayer c) {
        layers.set(i, new ConvLayer(c.name(), c.ports(), c.inC(), c.outC(), c.window(), c.groups(),
            round(c.weights()), c.bias()));
      } else if (layers.get(i) instanceof DenseLayer d) {
        layers.set(i, new DenseLayer(d.name(), d.ports(), d.inFeatures(), d.outFeatures(), round(d.weights()),
            d.bias()));
      }
    }
    return new Model(m.name(), m.input(), m.output(), layers);
  }

  private static float[] round(float[] w) {
    float[] r = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      r[i] = Math.round(w[i] * 8) / 8f;
    }
    return r;
  }

  /** The k-means weights are each input channel's mean square, measured here from the layers' float inputs. */
  @Test
  void inputEnergyIsTheMeanSquareOfEachInputChannel() {
    TinyNets nets = new TinyNets(7);
    Model m = nets.cnn(dir);
    Dataset images = nets.images(m, 30, 5);
    var pre = TinyNets.preprocessing(m, 5);
    Map<String, InputEnergy.PerWeight> energy = InputEnergy.of(m, pre, images);
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, double[]> linear = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int per = m.input().shape().size();
    byte[] px = new byte[per];
    org.axdse.simulator.model.FloatExecutor ex = org.axdse.simulator.model.FloatExecutor.of(m);
    for (int i = 0; i < images.size(); i++) { // one image at a time, independently of InputEnergy's batches
      images.copyImage(i, px, 0);
      ex.run(pre.apply(px), 1, (layer, inputs, output, batch) -> {
        if (layer instanceof ConvLayer c) {
          int hw = c.input().shape().size() / c.inC();
          double[] s = sums.computeIfAbsent(c.name(), k -> new double[c.inC()]);
          double[] l = linear.computeIfAbsent(c.name(), k -> new double[c.inC()]);
          for (int j = 0; j < inputs.get(0).length; j++) {
            s[j / hw] += (double) inputs.get(0)[j] * inputs.get(0)[j];
            l[j / hw] += inputs.get(0)[j];
          }
          counts.merge(c.name(), hw, Integer::sum);
        }
      });
    }
    for (String layer : List.of("c1", "dw", "pw")) {
      ConvLayer c = (ConvLayer) m.layer(layer);
      double[] e = energy.get(layer).meanSquare();
      double[] mean = energy.get(layer).mean();
      assertEquals(c.weights().length, e.length);
      for (int i = 0; i < e.length; i++) {
        // c1 and pw: channel = position within the filter / taps; dw (8 groups): channel = output channel
        int ch = layer.equals("dw") ? i / 9 : (i % c.fanIn()) / (c.window().kH() * c.window().kW());
        double expected = sums.get(layer)[ch] / counts.get(layer);
        assertEquals(expected, e[i], 1e-9 * expected + 1e-12, layer + " weight " + i);
        assertEquals(linear.get(layer)[ch] / counts.get(layer), mean[i], 1e-9, layer + " weight " + i);
      }
    }
    // weighted sharing differs from plain sharing where channels differ in energy, and is thread-independent
    SharingPlan plan = SharingPlan.uniform(m, ShareGranularity.LAYER, 3);
    SharedModel weighted = WeightSharing.apply(m, plan, 1, energy);
    assertArrayEquals(weights(weighted.model()).get(0), weights(WeightSharing.apply(m, plan, 2, energy).model())
        .get(0));
    assertFalse(java.util.Arrays.equals(weights(weighted.model()).get(0),
        weights(WeightSharing.apply(m, plan, 1).model()).get(0)));
    // bias correction: each output's bias moves by sum (w - shared) E[x] over its row
    ConvLayer before = (ConvLayer) m.layer("c1");
    ConvLayer after = (ConvLayer) weighted.model().layer("c1");
    double[] mean = energy.get("c1").mean();
    for (int o = 0; o < before.outC(); o++) {
      double shift = 0;
      for (int i = o * before.fanIn(); i < (o + 1) * before.fanIn(); i++) {
        shift += (before.weights()[i] - (double) after.weights()[i]) * mean[i];
      }
      assertEquals(before.bias()[o] + shift, after.bias()[o], 1e-6);
    }
  }

  @Test
  void kLargerThanAGroupIsOneLineNamingLayerAndValue() {
    Model m = new TinyNets(6).cnn(dir);
    // kernel groups of the 1x1 convolution 'pw' hold one weight each
    BadInputException e = assertThrows(BadInputException.class,
        () -> WeightSharing.apply(m, SharingPlan.uniform(m, ShareGranularity.KERNEL, 2), 1));
    assertEquals("layer 'pw': share k = 2 must be in 1..1 (the weights in one kernel group)", e.getMessage());
    BadInputException byKey = assertThrows(BadInputException.class, () -> SharingPlan.resolve(m,
        ShareGranularity.CHANNEL, Map.of("0", 28), "a.json"));
    assertEquals("a.json: layer 'c1': share k = 28 must be in 1..27 (the weights in one channel group)",
        byKey.getMessage());
    assertThrows(BadInputException.class, () -> SharingPlan.resolve(m, ShareGranularity.CHANNEL,
        Map.of("nope", 2), "a.json"));
    assertThrows(IllegalArgumentException.class, () -> new SharingPlan(ShareGranularity.LAYER, Map.of("c1", 0)));
  }
}
