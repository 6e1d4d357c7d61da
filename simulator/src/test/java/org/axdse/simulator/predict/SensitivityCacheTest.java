package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensitivity measurement on the bundled LeNet-5 (32 images): cached and read back identical; an entry
 * measured on another model (its recorded hash differs) is recomputed, never used; the measurement repeats
 * itself from its seed and does not depend on the thread count; every layer is sensitive.
 */
class SensitivityCacheTest {
  private static final Path FILE = TestData.repoFile("models/lenet5.onnx");
  private static final Model M = OnnxImporter.load(FILE);
  private static final Dataset SET = DatasetSpec.parse("fashion-mnist:"
      + TestData.repoFile("data/fashion-mnist-test-2000")).load(Split.TEST).limit(32);
  private static final QuantizedModel Q = quantize();
  private static final String SHA = "a".repeat(64);

  @TempDir Path dir;

  private static QuantizedModel quantize() {
    Preprocessing pre = Preprocessing.forModel(FILE).orElseThrow();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return Calibration.run(M, pre, SET, QuantConfig.defaults(QuantMode.SYMMETRIC), k);
    }
  }

  private static SimulationSession session(int threads) {
    return SimulationSession.open(M, Q, SET, MultiplierCatalog.builtin(), SessionOptions.defaults()
        .withThreads(threads).withFloatReference(false).withLayerStatistics(false));
  }

  @Test
  void cachedThenReadBackAndRecomputedOnAnotherModelsEntry() {
    ResultCache cache = ResultCache.at(dir);
    List<SetupPhase> phases = new ArrayList<>();
    try (SimulationSession s = session(2)) {
      Sensitivity first = SensitivityMeasurement.cached(cache, s, SHA, 1, ProgressListener.NONE, phases::add);
      Sensitivity again = SensitivityMeasurement.cached(cache, s, SHA, 1, ProgressListener.NONE, phases::add);
      assertEquals("computed", phases.get(0).how());
      assertEquals("cached", phases.get(1).how());
      assertEquals(first.encode().length, again.encode().length);
      assertArrayEquals(first.encode(), again.encode());

      // the entry under this key now holds a measurement of another model (a different recorded hash, no
      // response)
      String other = "b".repeat(64);
      double[][] none = new double[first.layers()][first.levels().length];
      double[][] noLoss = new double[first.layers()][first.losses().length];
      Sensitivity foreign = new Sensitivity(other, first.levels(), first.signal(), none, none, first.losses(), noLoss,
          first.images());
      cache.put(SensitivityMeasurement.key(s, SHA, 1), foreign.encode());
      Sensitivity third = SensitivityMeasurement.cached(cache, s, SHA, 1, ProgressListener.NONE, phases::add);
      assertTrue(phases.get(2).how().startsWith("recomputed") && phases.get(2).how().contains(other),
          phases.get(2).how());
      assertArrayEquals(first.encode(), third.encode(), "recomputed, not the foreign zeros");
      assertEquals(SHA, third.modelSha256());
    }
  }

  @Test
  void decodeRefusesAnotherModelOrLayerCount() {
    Sensitivity s = new Sensitivity(SHA, new double[] {0.1, 1}, new double[][] {{1, 2}}, new double[][] {{3, 30}},
        new double[][] {{4, 8}}, new double[] {0.1, 1}, new double[][] {{2, 20}}, 5);
    assertEquals(s.lossResponse(0, 0.5), Sensitivity.decode(s.encode(), SHA, 1).lossResponse(0, 0.5));
    assertEquals(s.weight(0), Sensitivity.decode(s.encode(), SHA, 1).weight(0));
    assertThrows(IllegalArgumentException.class, () -> Sensitivity.decode(s.encode(), "c".repeat(64), 1));
    assertThrows(IllegalArgumentException.class, () -> Sensitivity.decode(s.encode(), SHA, 2));
    byte[] cut = java.util.Arrays.copyOf(s.encode(), s.encode().length - 3);
    assertThrows(IllegalArgumentException.class, () -> Sensitivity.decode(cut, SHA, 1));
  }

  @Test
  void responseIsThePowerLawThroughTheNearestLevels() {
    // noise: 3 at 0.1 and 30 at 1 -> exponent 1, so 15 at 0.5 and 300 at 10 (extrapolated);
    // offset: 4 at 0.1 and 8 at 1 -> exponent log10(2) = 0.301, so 4 * 0.5^0.301 at 0.05;
    // signal loss: 2 at 0.5 and 16 at 1 -> exponent 3, so 2 * 0.8^3 at 0.4
    Sensitivity s = new Sensitivity(SHA, new double[] {0.1, 1}, new double[][] {{1, 2}}, new double[][] {{3, 30}},
        new double[][] {{4, 8}}, new double[] {0.5, 1}, new double[][] {{2, 16}}, 5);
    assertEquals(15, s.noiseResponse(0, 0.5), 1e-9);
    assertEquals(300, s.noiseResponse(0, 10), 1e-9);
    assertEquals(4 * Math.pow(0.5, Math.log10(2)), s.offsetResponse(0, 0.05), 1e-9);
    assertEquals(2 * Math.pow(0.8, 3), s.lossResponse(0, 0.4), 1e-9);
    assertEquals(0, s.noiseResponse(0, 0), 0.0);
  }

  @Test
  void deterministicFromTheSeedForAnyThreadCount() {
    Sensitivity one;
    Sensitivity two;
    Sensitivity otherSeed;
    try (SimulationSession s = session(1)) {
      one = SensitivityMeasurement.measure(s, SHA, 4, ProgressListener.NONE);
    }
    try (SimulationSession s = session(2)) {
      two = SensitivityMeasurement.measure(s, SHA, 4, ProgressListener.NONE);
      otherSeed = SensitivityMeasurement.measure(s, SHA, 5, ProgressListener.NONE);
    }
    assertArrayEquals(one.encode(), two.encode());
    for (int l = 0; l < one.layers(); l++) {
      assertArrayEquals(one.signal()[l], two.signal()[l]);
      assertTrue(one.weight(l) > 0 && one.meanWeight(l) > 0, "layer " + l + " is sensitive");
    }
    assertTrue(!java.util.Arrays.equals(one.encode(), otherSeed.encode()), "another seed, other noise");
  }

  /**
   * The levels reach the small noise of approximate designs (noise-to-signal 0.0001 and 0.001) and the small
   * gains (0.001, 0.01), and what is measured there is a real, smaller response: noise of a hundredth the power
   * hurts less in every layer, and the response at a measured level is that measurement, not an extrapolation.
   */
  @Test
  void measuredDownToTheNoiseOfApproximateDesigns() {
    Sensitivity s;
    try (SimulationSession session = session(2)) {
      s = SensitivityMeasurement.measure(session, SHA, 1, ProgressListener.NONE);
    }
    assertEquals(0.0001, s.levels()[0]);
    assertEquals(0.001, s.losses()[0]);
    int lowest = 0;
    int hundredTimes = java.util.Arrays.binarySearch(s.levels(), 0.01);
    for (int l = 0; l < s.layers(); l++) {
      if (!s.describes(l)) {
        continue;
      }
      double[] noise = s.noise()[l];
      assertTrue(noise[lowest] < noise[hundredTimes], "layer " + l + ": " + noise[lowest] + " at 0.0001, "
          + noise[hundredTimes] + " at 0.01");
      assertEquals(noise[lowest], s.noiseResponse(l, 0.0001), 1e-12);
      assertEquals(s.loss()[l][0], s.lossResponse(l, 0.001), 1e-12);
    }
  }
}
