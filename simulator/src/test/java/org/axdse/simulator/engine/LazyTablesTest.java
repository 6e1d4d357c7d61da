package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session compiles the tables of the multipliers an assignment names when it first resolves them; those equal
 * tables generated eagerly from the designs, and give the same logits whichever multiplier was resolved first.
 */
class LazyTablesTest {
  @TempDir Path dir;

  private static final List<String> NAMES = List.of("s8x8_trunc6", "s8x8_bam_h2v8", "s8x8_perf_r0r1", "s8x8_drum4");

  @Test
  void lazilyBuiltTablesEqualEagerlyBuiltOnes() {
    TinyNets t = new TinyNets(17);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 24, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    int[] all = IntStream.range(0, data.size()).toArray();
    byte[][] forward = new byte[NAMES.size()][];
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      assertNull(s.resolve(Assignment.allExact()).get(0).tables(), "exact layers need no table");
      for (int i = 0; i < NAMES.size(); i++) {
        String name = NAMES.get(i);
        RowTables rows = s.resolve(Assignment.uniform(layers, name)).get(0).tables();
        ProductTable eager = BuiltinLibrary.design(name).orElseThrow().build().table();
        assertEquals(eager, rows.table(0).table(), name);
        forward[i] = s.logits(Assignment.uniform(layers, name), all);
      }
    }
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      for (int i = NAMES.size() - 1; i >= 0; i--) {
        assertArrayEquals(forward[i], s.logits(Assignment.uniform(layers, NAMES.get(i)), all),
            "resolved in the other order, 1 thread: " + NAMES.get(i));
      }
    }
  }
}
