package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assignments that do not fit the model, the library or the quantization fail with one line saying why. */
class BadAssignmentTest {
  @TempDir Path dir;
  Model m;
  QuantizedModel q;
  Dataset data;

  @BeforeEach
  void setUp() {
    TinyNets t = new TinyNets(1);
    m = t.cnn(dir);
    data = t.images(m, 8, 5);
    q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, false, 8), 5);
  }

  private String fails(Assignment a) {
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      BadInputException e = assertThrows(BadInputException.class, () -> s.evaluate(a));
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
      return e.getMessage();
    }
  }

  @Test
  void unknownLayerListsTheValidOnes() {
    String msg = fails(new Assignment(Map.of("conv9", LayerAssignment.uniform("u8x8_exact"))));
    assertTrue(msg.contains("unknown layer 'conv9'") && msg.contains("0 c1") && msg.contains("fc"), msg);
  }

  @Test
  void indexOutOfRange() {
    String msg = fails(new Assignment(Map.of("17", LayerAssignment.uniform("u8x8_exact"))));
    assertTrue(msg.contains("index 17") && msg.contains("0..3"), msg);
  }

  @Test
  void wrongSignednessOrWidthNamesBothFormats() {
    String msg = fails(new Assignment(Map.of("c1", LayerAssignment.uniform("s8x8_trunc4"))));
    assertTrue(msg.contains("'c1'") && msg.contains("s8x8") && msg.contains("u8x8"), msg);
    msg = fails(new Assignment(Map.of("0", LayerAssignment.uniform("u8x4_trunc2"))));
    assertTrue(msg.contains("u8x4") && msg.contains("u8x8"), msg);
  }

  @Test
  void perChannelListMustMatchTheChannels() {
    String msg = fails(new Assignment(Map.of("c1", LayerAssignment.perChannel(Collections.nCopies(7,
        "u8x8_exact")))));
    assertTrue(msg.contains("8 output channels") && msg.contains("7 multipliers"), msg);
  }

  @Test
  void unknownMultiplierAndDuplicateLayer() {
    String msg = fails(new Assignment(Map.of("fc", LayerAssignment.uniform("u8x8_nonsense"))));
    assertTrue(msg.contains("u8x8_nonsense") && msg.contains("'fc'"), msg);
    msg = fails(new Assignment(Map.of("c1", LayerAssignment.uniform("u8x8_exact"), "0",
        LayerAssignment.uniform("u8x8_trunc2"))));
    assertTrue(msg.contains("given twice"), msg);
  }

  @Test
  void validAssignmentByIndexAndNameWorks() {
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      var r = s.resolve(new Assignment(Map.of("1", LayerAssignment.uniform("u8x8_trunc2"), "fc",
          LayerAssignment.uniform("u8x8_exact"))));
      assertTrue(r.get(0).exact() && !r.get(1).exact() && r.get(3).exact());
      assertTrue(List.of("u8x8_trunc2").equals(r.get(1).multipliers()));
    }
  }
}
