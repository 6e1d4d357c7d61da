package org.axdse.simulator.share.variant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing after calibration: a plan's variant equals, code for code, the shared float model quantized with the
 * unshared calibration (the path of {@code bench share}, computed here independently); a mixed-width variant
 * equals the shared layer quantized at its width; evaluations agree with the session's own variant path and do
 * not depend on the thread count; the memory equals a hand count.
 */
class SharedQuantizationsTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();

  @TempDir Path dir;

  private record Setup(Model model, Dataset data, QuantizedModel q) {}

  private Setup setup(boolean perChannel) {
    TinyNets t = new TinyNets(11);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 24, 5);
    return new Setup(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, perChannel, 8), 5));
  }

  private static SimulationSession session(Setup s, int threads, WidthSet widths) {
    return SimulationSession.open(s.model, s.q, s.data, LIBRARY, SessionOptions.defaults().withThreads(threads)
        .withBatchSize(16).withFloatReference(false).withWidths(widths));
  }

  private static List<String> names(Model m) {
    return m.approximableLayers().stream().map(ApproximableLayer::name).toList();
  }

  private static SharingPlan plan(Model m, int... k) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < k.length; i++) {
      if (k[i] > 0) {
        map.put(names(m).get(i), k[i]);
      }
    }
    return new SharingPlan(ShareGranularity.CHANNEL, map);
  }

  private static List<int[]> widths(int n, int w) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new int[] {w});
    }
    return out;
  }

  @Test
  void variantIsTheSharedModelQuantizedWithTheUnsharedCalibration() {
    for (boolean perChannel : new boolean[] {false, true}) {
      Setup s = setup(perChannel);
      int n = names(s.model).size();
      int[] ks = new int[n];
      ks[0] = 4;
      ks[n - 1] = 2;
      SharingPlan plan = plan(s.model, ks);
      QuantizedModel expected = ModelQuantizer.requantizeWeights(WeightSharing.apply(s.model, plan, 1).model(), s.q);
      QuantizedModel variant = new SharedQuantizations(s.model, s.q, ShareGranularity.CHANNEL, 2)
          .variant(plan, widths(n, 8));
      for (int l = 0; l < n; l++) {
        assertArrayEquals(expected.layer(l).weights().codes(), variant.layer(l).weights().codes(), "layer " + l);
        assertArrayEquals(expected.layer(l).bias(), variant.layer(l).bias(), "layer " + l);
      }
      assertFalse(java.util.Arrays.equals(s.q.layer(0).weights().codes(), variant.layer(0).weights().codes()),
          "sharing at k = 4 changes the codes (the test can fail)");
      assertArrayEquals(s.q.layer(1).weights().codes(), variant.layer(1).weights().codes(), "unshared layer");
    }
  }

  @Test
  void evaluationMatchesTheSessionVariantPathAndIgnoresThreads() {
    Setup s = setup(true);
    int n = names(s.model).size();
    int[] ks = new int[n];
    java.util.Arrays.fill(ks, 2);
    SharingPlan plan = plan(s.model, ks);
    Assignment a = Assignment.uniform(names(s.model), "s8x8_trunc4");
    QuantizedModel independent = ModelQuantizer.requantizeWeights(WeightSharing.apply(s.model, plan, 1).model(),
        s.q);
    try (SimulationSession one = session(s, 1, null); SimulationSession two = session(s, 2, null)) {
      Evaluation expected = one.evaluate(a, independent);
      Evaluation e1 = new SharedEvaluations(one, ShareGranularity.CHANNEL, 1).evaluate(a, plan);
      Evaluation e2 = new SharedEvaluations(two, ShareGranularity.CHANNEL, 2).evaluate(a, plan);
      assertEquals(expected.assignment().top1(), e1.assignment().top1());
      assertEquals(expected.multiplierEnergy(), e1.multiplierEnergy());
      assertEquals(e1.assignment().top1(), e2.assignment().top1());
      assertEquals(e1.multiplierEnergy(), e2.multiplierEnergy());
      Evaluation empty = new SharedEvaluations(one, ShareGranularity.CHANNEL, 1).evaluate(a, SharingPlan.none());
      assertEquals(one.evaluate(a).assignment().top1(), empty.assignment().top1());
    }
  }

  @Test
  void aSharedLayerAtFourBitsIsTheSharedLayerQuantizedAtFour() {
    Setup s = setup(false);
    int n = names(s.model).size();
    int[] ks = new int[n];
    ks[0] = 4;
    SharingPlan plan = plan(s.model, ks);
    List<int[]> w = widths(n, 8);
    w.set(0, new int[] {4});
    w.set(1, new int[] {4});
    QuantizedModel variant = new SharedQuantizations(s.model, s.q, ShareGranularity.CHANNEL, 1).variant(plan, w);
    Model shared = WeightSharing.apply(s.model, plan, 1).model();
    assertArrayEquals(ModelQuantizer.layerWithWeightBits(shared, s.q, 0, 4).weights().codes(),
        variant.layer(0).weights().codes());
    assertArrayEquals(ModelQuantizer.layerWithWeightBits(s.model, s.q, 1, 4).weights().codes(),
        variant.layer(1).weights().codes());
    try (SimulationSession mix = session(s, 2, new WidthSet(List.of(4, 8)));
        SimulationSession ofShared = SimulationSession.open(shared, withCounts(shared, s.q),
            s.data, LIBRARY, SessionOptions.defaults().withThreads(1).withBatchSize(16).withFloatReference(false)
                .withWidths(new WidthSet(List.of(4, 8))))) {
      Assignment a = Assignment.allExact().with(names(s.model).get(0), LayerAssignment.uniform("s8x4_exact_bw"))
          .with(names(s.model).get(1), LayerAssignment.uniform("s8x4_exact_bw"));
      SharedEvaluations e = new SharedEvaluations(mix, ShareGranularity.CHANNEL, 2);
      assertEquals(mix.evaluate(a).assignment().top1(), e.evaluate(a, SharingPlan.none()).assignment().top1());
      assertEquals(ofShared.evaluate(a).assignment().top1(), e.evaluate(a, plan).assignment().top1());
    }
  }

  /** The shared model quantized with {@code q}'s calibration, the calibration's code counts kept (for energy). */
  private static QuantizedModel withCounts(Model shared, QuantizedModel q) {
    List<org.axdse.simulator.quant.LayerQuantization> layers = new ArrayList<>();
    for (int l = 0; l < q.layers().size(); l++) {
      layers.add(ModelQuantizer.layerWithWeightBits(shared, q, l, q.config().weightBits()));
    }
    return q.withLayers(layers);
  }

  @Test
  void memoryIsTheHandCount() {
    Setup s = setup(true);
    List<ApproximableLayer> layers = s.model.approximableLayers();
    int n = layers.size();
    int[] ks = new int[n];
    ks[0] = 4;
    ks[1] = 16;
    List<int[]> w = widths(n, 8);
    w.set(1, new int[] {6});
    w.set(n - 1, new int[] {4});
    SharedQuantizations sq = new SharedQuantizations(s.model, s.q, ShareGranularity.CHANNEL, 1);
    long expected = 0;
    long weights = 0;
    for (int l = 0; l < n; l++) {
      ApproximableLayer layer = layers.get(l);
      long count = switch (layer) {
        case ConvLayer c -> c.weights().length;
        case DenseLayer d -> d.weights().length;
        default -> throw new IllegalStateException("the tiny CNN has convolution and dense layers only");
      };
      int channels = layer instanceof ConvLayer c ? c.outC() : ((DenseLayer) layer).outFeatures();
      int width = w.get(l)[0];
      weights += count;
      // shared: ceil(log2 k) index bits per weight, one codebook of k entries of the layer's width per channel
      expected += ks[l] == 0 ? count * width
          : count * (32 - Integer.numberOfLeadingZeros(ks[l] - 1)) + (long) channels * ks[l] * width;
    }
    assertEquals(expected, sq.memory(plan(s.model, ks), w).bits());
    assertEquals(expected / (8.0 * weights), sq.memory(plan(s.model, ks), w).relativeToInt8(), 1e-12);
  }

  @Test
  void aKAboveTheGroupSizeIsOneLine() {
    Setup s = setup(false);
    SharedQuantizations sq = new SharedQuantizations(s.model, s.q, ShareGranularity.KERNEL, 1);
    // 3x3 kernels: 9 weights per group in every convolution; the dense layer's rows are larger
    int largest = 0;
    for (int l = 0; l < s.model.approximableLayers().size(); l++) {
      ApproximableLayer layer = s.model.approximableLayers().get(l);
      int group = layer instanceof ConvLayer c ? c.weights().length / (c.outC() * c.inC() / c.groups())
          : ((DenseLayer) layer).inFeatures();
      assertEquals(group, sq.maxK(l), layer.name());
      largest = Math.max(largest, group);
    }
    sq.check(new int[] {2, largest}, "--share-k");
    int tooLarge = largest + 1;
    BadInputException e = assertThrows(BadInputException.class, () -> sq.check(new int[] {4, tooLarge},
        "--share-k"));
    assertEquals(1, e.getMessage().lines().count());
    assertEquals(true, e.getMessage().contains("k = " + tooLarge), e.getMessage());
  }
}
