package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calibration read back from the cache equals a computed one and evaluates bit-identically. */
class CachedCalibrationTest {
  @TempDir Path dir;

  private static final String MODEL = CacheKey.sha256("tiny cnn, seed 13".getBytes(StandardCharsets.UTF_8));

  private static QuantizedModel calibrate(ResultCache cache, Model m, Dataset calib, QuantConfig config,
      List<SetupPhase> phases) {
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return CachedCalibration.run(cache, MODEL, m, TinyNets.preprocessing(m, 5), calib, config, k,
          ProgressListener.NONE, phases::add);
    }
  }

  private static Evaluation evaluate(Model m, QuantizedModel q, Dataset data) {
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      return s.evaluate(Assignment.uniform(m.approximableLayers().stream().map(l -> l.name()).toList(),
          "s8x8_trunc8"));
    }
  }

  @Test
  void cachedCalibrationEqualsComputedOneAndCorruptEntriesAreRecomputed() throws IOException {
    TinyNets t = new TinyNets(13);
    Model m = t.cnn(dir.resolve("model"));
    Dataset data = t.images(m, 40, 5);
    QuantConfig config = TinyNets.config(QuantMode.SYMMETRIC, true, 8);
    ResultCache cache = ResultCache.at(dir.resolve("cache"));
    QuantizedModel plain = TinyNets.quantize(m, data, config, 5);
    List<SetupPhase> phases = new ArrayList<>();
    QuantizedModel cold = calibrate(cache, m, data, config, phases);
    QuantizedModel warm = calibrate(cache, m, data, config, phases);
    assertEquals(List.of("computed", "cached"), phases.stream().map(SetupPhase::how).toList());
    assertEquals(plain.toJson(), warm.toJson());
    for (int i = 0; i < plain.layers().size(); i++) {
      assertArrayEquals(plain.layer(i).weights().codes(), warm.layer(i).weights().codes());
      assertArrayEquals(plain.layer(i).bias(), warm.layer(i).bias());
      assertArrayEquals(plain.layer(i).activationCounts(), warm.layer(i).activationCounts());
      assertArrayEquals(plain.layer(i).weightCounts(), warm.layer(i).weightCounts());
    }
    Evaluation expected = evaluate(m, plain, data);
    assertEquals(expected, evaluate(m, cold, data));
    assertEquals(expected, evaluate(m, warm, data));

    Path entry;
    try (Stream<Path> files = Files.list(cache.directory())) {
      entry = files.findFirst().orElseThrow();
    }
    Files.writeString(entry, Files.readString(entry).replace("\"perChannel\":true", "\"perChannel\":false"));
    phases.clear();
    assertEquals(plain.toJson(), calibrate(cache, m, data, config, phases).toJson());
    assertTrue(phases.get(0).how().startsWith("recomputed: corrupt ("), phases.get(0).how());
    Preprocessing other = new Preprocessing(Preprocessing.Layout.NCHW, m.input().shape().dims(), 1 / 255.0,
        new double[] {0.4}, new double[] {0.25}, 5, List.of());
    assertEquals(false, CachedCalibration.key(MODEL, other, data, config)
        .equals(CachedCalibration.key(MODEL, TinyNets.preprocessing(m, 5), data, config)), "preprocessing");
  }
}
