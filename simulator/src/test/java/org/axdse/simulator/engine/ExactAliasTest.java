package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exact} names the exact reference of the quantization's format: unsigned, signed, narrow weights. */
class ExactAliasTest {
  @TempDir Path dir;

  private List<String> resolvedNames(QuantMode mode, int weightBits) {
    TinyNets t = new TinyNets(1);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 8, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(mode, false, weightBits), 5);
    List<String> layers = m.approximableLayers().stream().map(l -> l.name()).toList();
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      Assignment exact = Assignment.uniform(layers, "exact");
      Evaluation e = s.evaluate(exact);
      assertEquals(s.exactAccuracy().top1(), e.assignment().top1(), "the exact network");
      assertEquals(1.0, e.agreement(), "agrees with the exact network on every image");
      return s.resolve(exact).stream().map(r -> r.multipliers().get(0)).distinct().toList();
    }
  }

  @Test
  void asymmetricIsTheUnsignedArrayMultiplier() {
    assertEquals(List.of("u8x8_exact"), resolvedNames(QuantMode.ASYMMETRIC, 8));
  }

  @Test
  void symmetricIsBaughWooleyOfTheWeightWidth() {
    assertEquals(List.of("s8x8_exact_bw"), resolvedNames(QuantMode.SYMMETRIC, 8));
    assertEquals(List.of("s8x4_exact_bw"), resolvedNames(QuantMode.SYMMETRIC, 4));
  }
}
