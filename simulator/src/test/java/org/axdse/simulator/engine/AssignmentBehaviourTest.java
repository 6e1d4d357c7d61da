package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-channel assignments, the table path of an exact table, determinism across threads and runs. */
class AssignmentBehaviourTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(QuantMode.class)
  void perChannelAssignmentChangesOnlyTheChannelsItNames(QuantMode mode) {
    TinyNets t = new TinyNets(3);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 16, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, true, 8), 5);
    ConvLayer c1 = (ConvLayer) m.approximableLayers().get(0);
    String prefix = mode == QuantMode.SYMMETRIC ? "s8x8" : "u8x8";
    String exact = mode == QuantMode.SYMMETRIC ? "s8x8_exact_bw" : "u8x8_exact";
    List<String> perChannel = new ArrayList<>();
    for (int c = 0; c < c1.outC(); c++) {
      perChannel.add(c % 3 == 0 ? prefix + "_trunc8" : exact);
    }
    Assignment a = new Assignment(Map.of(c1.name(), LayerAssignment.perChannel(perChannel)));
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      int[] all = IntStream.range(0, 16).toArray();
      byte[] base = outputOf(s, Assignment.allExact(), all, c1.output().name());
      byte[] mixed = outputOf(s, a, all, c1.output().name());
      int plane = 16 * c1.output().shape().dim(1) * c1.output().shape().dim(2);
      for (int c = 0; c < c1.outC(); c++) {
        byte[] x = java.util.Arrays.copyOfRange(base, c * plane, (c + 1) * plane);
        byte[] y = java.util.Arrays.copyOfRange(mixed, c * plane, (c + 1) * plane);
        if (c % 3 == 0) {
          assertFalse(java.util.Arrays.equals(x, y), "channel " + c + " uses trunc8 and should change");
        } else {
          assertArrayEquals(x, y, "channel " + c + " is exact and must not change");
        }
      }
      Evaluation e = s.evaluate(a);
      assertEquals(perChannel, e.layers().get(0).multipliers());
      assertNotNull(e.multiplierEnergy());
      assertTrue(e.multiplierEnergy() < 1.0, "trunc8 on a third of one layer saves some multiplier energy");
      assertTrue(e.layers().get(0).errorStd() > 0);
      assertEquals(0.0, e.layers().get(1).errorStd());
    }
  }

  /** The conv output codes (channel-major, one batch of 16) of {@code tensor}. */
  private static byte[] outputOf(SimulationSession s, Assignment a, int[] images, String tensor) {
    Map<String, byte[]> seen = new HashMap<>();
    s.trace(a, images, (name, codes, batch, per, cm) -> {
      if (name.equals(tensor)) {
        assertTrue(cm);
        seen.put(name, java.util.Arrays.copyOf(codes, batch * per));
      }
    });
    return seen.get(tensor);
  }

  @ParameterizedTest
  @EnumSource(QuantMode.class)
  void exactTableThroughLookupsEqualsTheExactPath(QuantMode mode) {
    TinyNets t = new TinyNets(5);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 40, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, false, 8), 5);
    Path lib = dir.resolve("lib");
    MultiplierCatalog catalog = exactTableLibrary(lib, mode.format(8));
    int[] all = IntStream.range(0, 40).toArray();
    List<String> names = m.approximableLayers().stream().map(l -> l.name()).toList();
    byte[] exact;
    try (SimulationSession s = TinyNets.session(m, q, data, catalog, 2)) {
      exact = s.logits(Assignment.allExact(), all);
    }
    try (SimulationSession s = SimulationSession.open(m, q, data, catalog, SessionOptions.defaults()
        .withThreads(2).withBatchSize(16).withFloatReference(false).withForceLookup(true))) {
      assertFalse(s.resolve(Assignment.uniform(names, "table_exact")).get(0).exact(), "must take the table path");
      assertArrayEquals(exact, s.logits(Assignment.uniform(names, "table_exact"), all));
      Evaluation e = s.evaluate(Assignment.uniform(names, "table_exact"));
      assertEquals(1.0, e.agreement());
      assertEquals(0.0, e.layers().get(0).errorStd());
      assertEquals(1.0, e.multiplierEnergy(), 1e-12, "an exact table counts as the exact multiplier");
    }
  }

  /** A library directory holding the exact table of {@code format} as a .bin named {@code table_exact}. */
  static MultiplierCatalog exactTableLibrary(Path lib, org.axdse.multipliers.table.MultiplierFormat format) {
    try {
      java.nio.file.Files.createDirectories(lib);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Multiplier m = Multiplier.ofTable("table_exact", "exact products, table only", ProductTable.exact(format));
    MultiplierFiles.writeWithSidecar(m, FileFormat.BIN, lib.resolve("table_exact.bin"));
    return MultiplierCatalog.withDirectories(List.of(lib));
  }

  @Test
  void resultsDoNotDependOnThreadsOrRepetition() {
    TinyNets t = new TinyNets(9);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 40, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, true, 6), 5);
    List<String> names = m.approximableLayers().stream().map(l -> l.name()).toList();
    Assignment a = Assignment.uniform(names, "u8x6_trunc4").with(names.get(1), LayerAssignment.uniform("u8x6_exact"));
    int[] all = IntStream.range(0, 40).toArray();
    byte[] one;
    Evaluation e1;
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      one = s.logits(a, all);
      e1 = s.evaluate(a);
    }
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      assertArrayEquals(one, s.logits(a, all));
      assertArrayEquals(one, s.logits(a, all), "repeated run");
      assertEquals(e1, s.evaluate(a));
      assertEquals(e1, s.evaluate(a), "repeated evaluation");
    }
    QuantizedModel again = TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, true, 6), 5);
    assertEquals(q.toJson(), again.toJson(), "calibration is deterministic");
  }

  @Test
  void subsetEvaluationCountsOnlyTheSubset() {
    TinyNets t = new TinyNets(13);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 40, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    List<String> names = m.approximableLayers().stream().map(l -> l.name()).toList();
    Assignment a = Assignment.uniform(names, "s8x8_trunc6");
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      int[] sub = {3, 7, 8, 20, 39};
      Evaluation e = s.evaluate(a, sub);
      assertEquals(5, e.images());
      byte[] logits = s.logits(a, sub);
      int correct = 0;
      for (int j = 0; j < sub.length; j++) {
        int best = 0;
        for (int c = 1; c < 5; c++) {
          if (logits[j * 5 + c] > logits[j * 5 + best]) {
            best = c;
          }
        }
        correct += best == data.label(sub[j]) ? 1 : 0;
      }
      assertEquals(correct / 5.0, e.assignment().top1(), 1e-12);
    }
  }
}
