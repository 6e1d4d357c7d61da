package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Float designs in an ordinary assignment: integer and float layers mix in one network; the logits are the same
 * on 1 and 2 threads and differ from the all-integer run; a float layer's power is its cost against the exact
 * signed 8x8 multiplier under uniform codes; per-channel float lists and float designs on recurrent layers are
 * refused in one line naming the layer.
 */
class FloatAssignmentTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();

  @TempDir Path dir;

  private static int[] all(Dataset d) {
    int[] a = new int[d.size()];
    java.util.Arrays.setAll(a, i -> i);
    return a;
  }

  @Test
  void mixedIntegerAndFloatLayersAreThreadIndependentAndPricedAgainstInt8() {
    TinyNets t = new TinyNets(5);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 32, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    List<String> names = m.approximableLayers().stream().map(ApproximableLayer::name).toList();
    Assignment mixed = Assignment.uniform(names, "s8x8_trunc4")
        .with(names.get(0), new LayerAssignment.Uniform("e4m3_lmul"))
        .with(names.get(2), new LayerAssignment.Uniform("e3m4_exact"));
    try (SimulationSession one = TinyNets.session(m, q, data, LIBRARY, 1);
        SimulationSession two = TinyNets.session(m, q, data, LIBRARY, 2)) {
      byte[] l1 = one.logits(mixed, all(data));
      assertArrayEquals(l1, two.logits(mixed, all(data)), "1 vs 2 threads");
      Assignment integer = Assignment.uniform(names, "s8x8_trunc4");
      assertFalse(java.util.Arrays.equals(l1, one.logits(integer, all(data))), "float layers change the logits");
      Evaluation e = one.evaluate(mixed);
      assertEquals(e.assignment().top1(), two.evaluate(mixed).assignment().top1());
      double lmul = MultiplierCosts.defaults().relativeCostAcrossFormats(LIBRARY.byName("e4m3_lmul"),
          MultiplierCatalog.exactReference(MultiplierFormat.signed8x8())).orElseThrow().power();
      assertEquals(lmul, e.layers().get(0).relativePower(), 1e-12);
      assertTrue(lmul < 0.5, "an E4M3 product word is far cheaper than the 8x8 array: " + lmul);
      Evaluation exactFloat = one.evaluate(Assignment.uniform(names, "e4m3_exact"));
      assertTrue(exactFloat.layers().get(1).relativePower() < 1.0, "an exact float design is not counted as 1.0");
    }
  }

  @Test
  void perChannelFloatListsAndRecurrentLayersAreRefused() {
    TinyNets t = new TinyNets(5);
    Model m = t.cnn(dir.resolve("cnn"));
    Dataset data = t.images(m, 8, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    ApproximableLayer first = m.approximableLayers().get(0);
    List<String> channels = new ArrayList<>();
    for (int c = 0; c < AssignmentResolver.channels(first); c++) {
      channels.add(c == 0 ? "e4m3_exact" : "s8x8_exact_bw");
    }
    try (SimulationSession s = TinyNets.session(m, q, data, LIBRARY, 1)) {
      Assignment a = Assignment.allExact().with(first.name(), new LayerAssignment.PerChannel(channels));
      BadInputException e = assertThrows(BadInputException.class, () -> s.evaluate(a));
      assertTrue(e.getMessage().contains("'" + first.name() + "'") && e.getMessage().contains("e4m3_exact"),
          e.getMessage());
    }
    Model lstm = t.lstm(dir.resolve("lstm"));
    Dataset seq = t.images(lstm, 8, 3);
    QuantizedModel ql = TinyNets.quantize(lstm, seq, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 3);
    try (SimulationSession s = TinyNets.session(lstm, ql, seq, LIBRARY, 1)) {
      String name = lstm.approximableLayers().get(0).name();
      BadInputException e = assertThrows(BadInputException.class,
          () -> s.evaluate(Assignment.allExact().with(name, new LayerAssignment.Uniform("e4m3_exact"))));
      assertTrue(e.getMessage().contains(name) && e.getMessage().contains("convolution and dense layers only"),
          e.getMessage());
    }
  }
}
