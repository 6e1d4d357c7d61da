package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from cached prefix activations gives, bit for bit, the logits of a run from the input: on every bundled
 * architecture (a chain, a residual network with a downsampling branch, depthwise separable convolutions, an
 * LSTM) and on a small graph with a residual Add and a Concat, for assignments that share prefixes as a search's
 * offspring do, per-channel ones included, with the cache large or so small that it drops entries; and the
 * session's figures (LeNet-5) are those of an evaluation without the cache. The cache must
 * also be used (hits and skipped MACs counted), and a different layer quantization or image list must not share a
 * key.
 */
class PrefixCacheTest {
  private static final Dataset SET = DatasetSpec.parse("fashion-mnist:"
      + TestData.repoFile("data/fashion-mnist-test-2000")).load(Split.TEST).limit(40);
  private static final List<String> DESIGNS = List.of("s8x8_trunc6", "s8x8_bam_h2v8", "s8x8_perf_r0r1",
      "s8x8_exact_bw");
  private static final int BATCH = 16;

  @TempDir Path dir;

  @Test
  void bundledModelsResumeBitExactly() {
    for (String name : List.of("lenet5", "resnet8", "mobilenet", "lstm")) {
      Path file = TestData.repoFile("models/" + name + ".onnx");
      Model m = OnnxImporter.load(file);
      Preprocessing pre = Preprocessing.forModel(file).orElseThrow();
      check(name, m, pre, SET, 1L << 30, name.equals("lenet5") ? 4 : 0);
    }
  }

  @Test
  void residualConcatGraphResumesBitExactlyWithATinyCache() {
    TinyNets t = new TinyNets(5);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 40, 5);
    PrefixCache.Stats s = check("tiny cnn", m, TinyNets.preprocessing(m, 5), data, 40 * 600, 0);
    assertTrue(s.evictions() > 0, "the small bound dropped entries: " + s);
    assertTrue(s.bytes() <= 40 * 600, "held within the bound: " + s);
  }

  /**
   * Evaluates a chain of assignments, each a copy of an earlier one with the layers from a random one on redrawn
   * (as crossover and mutation do), through the cache and from the input; compares the logits.
   */
  static PrefixCache.Stats check(String name, Model m, Preprocessing pre, Dataset data, long bound,
      int sessionChecks) {
    PrefixCache sessionCache = PrefixCache.ofBytes(bound);
    QuantizedModel q;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      q = Calibration.run(m, pre, data, QuantConfig.defaults(QuantMode.SYMMETRIC).withPerChannel(true)
          .withCalibration(data.size(), CalibrationMethod.MINMAX), k);
    }
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    int[] channels = m.approximableLayers().stream().mapToInt(AssignmentResolver::channels).toArray();
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    PrefixCache cache = PrefixCache.ofBytes(bound);
    int[] images = IntStream.range(0, data.size()).map(i -> data.size() - 1 - i).toArray();
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty());
        SimulationSession s = SimulationSession.open(m, q, data, MultiplierCatalog.builtin(),
            SessionOptions.defaults().withThreads(1).withBatchSize(BATCH).withFloatReference(false)
                .withLayerStatistics(false))) {
      IntegerEngine engine = new IntegerEngine(m, q, k, BATCH);
      byte[] codes = InputCodes.of(data, pre, q.tensor(m.input().name()));
      List<String[]> seen = new ArrayList<>();
      for (int e = 0; e < 10; e++) {
        String[] genes = seen.isEmpty() ? random(rnd, layers.size())
            : seen.get(rnd.nextInt(seen.size())).clone();
        int from = rnd.nextInt(layers.size());
        String[] fresh = random(rnd, layers.size());
        System.arraycopy(fresh, from, genes, from, layers.size() - from);
        seen.add(genes);
        Assignment a = Assignment.allExact();
        for (int l = 0; l < layers.size(); l++) {
          a = a.with(layers.get(l), e % 3 == 2 && l == layers.size() - 1 ? perChannel(rnd, channels[l])
              : new LayerAssignment.Uniform(genes[l]));
        }
        List<ResolvedLayer> resolved = s.resolve(a);
        RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
        byte[] full = run(engine, codes, images, tables, null, resolved);
        byte[] cached = run(engine, codes, images, tables, cache, resolved);
        assertArrayEquals(full, cached, name + ", assignment " + e + " " + a);
        if (e < sessionChecks) {
          assertEquals(s.evaluate(a, images, q), s.evaluate(a, images, q, sessionCache),
              name + ": the session's figures, assignment " + e);
        }
      }
    }
    PrefixCache.Stats st = cache.stats();
    assertTrue(st.hits() > 0 && st.macsSaved() > 0, name + ": some evaluations resumed: " + st);
    return st;
  }

  private static byte[] run(IntegerEngine engine, byte[] codes, int[] images, RowTables[] tables, PrefixCache cache,
      List<ResolvedLayer> resolved) {
    int per = engine.activations().perSample(engine.tensor(engine.model().input().name()));
    int classes = engine.logitsPerSample();
    byte[] out = new byte[images.length * classes];
    byte[] batch = new byte[BATCH * per];
    PrefixRun pr = cache == null ? null : new PrefixRun(cache, engine, resolved, images, BATCH);
    for (int from = 0; from < images.length; from += BATCH) {
      int n = Math.min(BATCH, images.length - from);
      for (int j = 0; j < n; j++) {
        System.arraycopy(codes, images[from + j] * per, batch, j * per, per);
      }
      byte[] logits = pr == null ? engine.run(batch, 0, n, tables, TensorTap.NONE)
          : pr.runBatch(batch, from, n, tables);
      System.arraycopy(logits, 0, out, from * classes, n * classes);
    }
    if (pr != null) {
      pr.finish(images.length);
    }
    return out;
  }

  private static String[] random(SplittableRandom rnd, int n) {
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = DESIGNS.get(rnd.nextInt(DESIGNS.size()));
    }
    return g;
  }

  private static LayerAssignment perChannel(SplittableRandom rnd, int channels) {
    List<String> ms = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ms.add(DESIGNS.get(rnd.nextInt(DESIGNS.size())));
    }
    return new LayerAssignment.PerChannel(ms);
  }

  @Test
  void keysFollowTheLayersQuantizationAndTheImages() {
    TinyNets t = new TinyNets(9);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 8, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      List<ResolvedLayer> r = s.resolve(Assignment.allExact());
      int[] images = {0, 1, 2, 3};
      CacheKeyPair base = new CacheKeyPair(PrefixKeys.of(q, r, images, BATCH));
      assertEquals(base, new CacheKeyPair(PrefixKeys.of(q, r, images.clone(), BATCH)), "deterministic");
      assertNotEquals(base.last(), new CacheKeyPair(PrefixKeys.of(q, r, new int[] {0, 1, 2, 4}, BATCH)).last(),
          "other images");
      assertNotEquals(base.last(), new CacheKeyPair(PrefixKeys.of(q, r, images, 8)).last(), "other batches");
      LayerQuantization l0 = q.layer(0);
      int[] bias = l0.bias().clone();
      bias[0]++;
      QuantizedModel tuned = q.withLayers(replaceFirst(q, new LayerQuantization(l0.name(), l0.input(), l0.output(),
          l0.weights(), l0.recurrent(), bias, l0.requant(), l0.activationCounts(), l0.weightCounts())));
      CacheKeyPair other = new CacheKeyPair(PrefixKeys.of(tuned, r, images, BATCH));
      assertEquals(base.keys()[0], other.keys()[0], "nothing before layer 0 changed");
      assertNotEquals(base.keys()[1], other.keys()[1], "layer 0's bias changed its output");
      List<ResolvedLayer> r2 = s.resolve(Assignment.allExact().with(m.approximableLayers().get(0).name(),
          new LayerAssignment.Uniform("s8x8_trunc6")));
      assertNotEquals(base.keys()[1], new CacheKeyPair(PrefixKeys.of(q, r2, images, BATCH)).keys()[1],
          "layer 0's multiplier changed its output");
    }
  }

  private static List<LayerQuantization> replaceFirst(QuantizedModel q, LayerQuantization first) {
    List<LayerQuantization> out = new ArrayList<>(q.layers());
    out.set(0, first);
    return out;
  }

  private record CacheKeyPair(org.axdse.simulator.cache.CacheKey[] keys) {
    org.axdse.simulator.cache.CacheKey last() {
      return keys[keys.length - 1];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CacheKeyPair p && java.util.Arrays.equals(keys, p.keys);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(keys);
    }
  }
}

