package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The float and exact reference results through a {@link ResultCache}: the same evaluations bit for bit with and
 * without the cache and for 1 and 2 threads; corrupt, misplaced and ill-fitting entries are recomputed.
 */
class CachedReferencesTest {
  @TempDir Path dir;

  private static final String MODEL = CacheKey.sha256("tiny cnn, seed 11".getBytes(StandardCharsets.UTF_8));

  private Model model;
  private Dataset data;
  private QuantizedModel quant;
  private Assignment approximate;
  private ResultCache cache;

  @BeforeEach
  void setUp() {
    TinyNets t = new TinyNets(11);
    model = t.cnn(dir.resolve("model"));
    data = t.images(model, 48, 5);
    quant = TinyNets.quantize(model, data, TinyNets.config(QuantMode.SYMMETRIC, true, 8), 5);
    approximate = Assignment.uniform(model.approximableLayers().stream().map(l -> l.name()).toList(),
        "s8x8_trunc6");
    cache = ResultCache.at(dir.resolve("cache"));
  }

  private Evaluation evaluate(ResultCache using, Dataset images, int threads, boolean withFloat,
      List<SetupPhase> phases) {
    SessionOptions o = SessionOptions.defaults().withThreads(threads).withBatchSize(16)
        .withFloatReference(withFloat);
    try (SimulationSession s = SimulationSession.open(model, quant, images, MultiplierCatalog.builtin(), o,
        ProgressListener.NONE, using, MODEL)) {
      Evaluation e = s.evaluate(approximate);
      phases.addAll(s.setupPhases());
      return e;
    }
  }

  private static String how(List<SetupPhase> phases, String name) {
    return phases.stream().filter(p -> p.name().equals(name)).map(SetupPhase::how).findFirst().orElseThrow();
  }

  private Path entry(String kind) throws IOException {
    try (Stream<Path> files = Files.list(cache.directory())) {
      return files.filter(f -> f.getFileName().toString().startsWith(kind + "-")).findFirst().orElseThrow();
    }
  }

  @Test
  void resultsWithTheCacheEqualResultsWithoutItForOneAndTwoThreads() {
    List<SetupPhase> ignored = new ArrayList<>();
    Evaluation plain = evaluate(ResultCache.off(), data, 2, true, ignored);
    assertNotNull(plain.floatModel());
    assertEquals(plain, evaluate(ResultCache.off(), data, 1, true, ignored), "1 and 2 threads");
    List<SetupPhase> cold = new ArrayList<>();
    assertEquals(plain, evaluate(cache, data, 2, true, cold));
    assertEquals("computed", how(cold, "exact reference"));
    assertEquals("computed", how(cold, "float reference"));
    List<SetupPhase> warm = new ArrayList<>();
    assertEquals(plain, evaluate(cache, data, 1, true, warm), "cached, 1 thread");
    assertEquals("cached", how(warm, "exact reference"));
    assertEquals("cached", how(warm, "float reference"));
  }

  @Test
  void corruptEntryIsRecomputedAndReplaced() throws IOException {
    Evaluation plain = evaluate(ResultCache.off(), data, 2, false, new ArrayList<>());
    evaluate(cache, data, 2, false, new ArrayList<>());
    Path f = entry("exact");
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length - 2] ^= 1; // one image's top-1 class
    Files.write(f, bytes);
    List<SetupPhase> phases = new ArrayList<>();
    assertEquals(plain, evaluate(cache, data, 2, false, phases));
    assertEquals("recomputed: corrupt (checksum mismatch)", how(phases, "exact reference"));
    List<SetupPhase> again = new ArrayList<>();
    assertEquals(plain, evaluate(cache, data, 2, false, again));
    assertEquals("cached", how(again, "exact reference"));
  }

  @Test
  void entryOfOtherImagesUnderThisKeysNameIsRecomputed() throws IOException {
    Dataset first = data.limit(32);
    evaluate(cache, first, 2, false, new ArrayList<>());
    Path firstEntry = entry("exact");
    CacheKey key = ReferenceKeys.exact(MODEL, quant,
        InputCodes.of(data, quant.preprocessing(), quant.tensor(model.input().name())), data.labels(), 0);
    assertNotEquals(firstEntry, cache.file(key), "32 and 48 images have different keys");
    Files.copy(firstEntry, cache.file(key));
    List<SetupPhase> phases = new ArrayList<>();
    assertEquals(evaluate(ResultCache.off(), data, 2, false, new ArrayList<>()),
        evaluate(cache, data, 2, false, phases));
    assertEquals("recomputed: mismatched (the entry is for another key)", how(phases, "exact reference"));
  }

  @Test
  void wellFormedEntryThatDoesNotFitIsRecomputed() {
    CacheKey key = ReferenceKeys.exact(MODEL, quant,
        InputCodes.of(data, quant.preprocessing(), quant.tensor(model.input().name())), data.labels(), 0);
    cache.put(key, new ReferenceResults(47).toBytes());
    List<SetupPhase> phases = new ArrayList<>();
    assertEquals(evaluate(ResultCache.off(), data, 2, false, new ArrayList<>()),
        evaluate(cache, data, 2, false, phases));
    assertEquals("recomputed: invalid (cached results are not for 48 images)", how(phases, "exact reference"));
  }

  @Test
  void keysChangeWithTheQuantizationTheImagesAndTheModel() {
    byte[] codes = InputCodes.of(data, quant.preprocessing(), quant.tensor(model.input().name()));
    CacheKey base = ReferenceKeys.exact(MODEL, quant, codes, data.labels(), 0);
    assertEquals(base, ReferenceKeys.exact(MODEL, quant, codes.clone(), data.labels(), 0));
    QuantizedModel perTensor = TinyNets.quantize(model, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    assertNotEquals(base, ReferenceKeys.exact(MODEL, perTensor, codes, data.labels(), 0));
    byte[] other = codes.clone();
    other[0] ^= 1;
    assertNotEquals(base, ReferenceKeys.exact(MODEL, quant, other, data.labels(), 0));
    assertNotEquals(base, ReferenceKeys.exact(CacheKey.sha256(new byte[1]), quant, codes, data.labels(), 0));
    assertNotEquals(ReferenceKeys.floating(MODEL, quant.preprocessing(), data, 0),
        ReferenceKeys.floating(MODEL, quant.preprocessing(), data.limit(47), 0));
  }

  @Test
  void floatPassIsSkippedWhenNotShown() throws IOException {
    List<SetupPhase> phases = new ArrayList<>();
    Evaluation e = evaluate(cache, data, 2, false, phases);
    assertEquals(null, e.floatModel());
    assertTrue(how(phases, "float reference").startsWith("skipped"));
    try (Stream<Path> files = Files.list(cache.directory())) {
      assertEquals(List.of("exact"), files.map(f -> f.getFileName().toString().split("-")[0]).toList());
    }
  }
}
