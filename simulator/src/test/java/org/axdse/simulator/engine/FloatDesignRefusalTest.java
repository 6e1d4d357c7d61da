package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;

/** {@link FloatDesignRefusal}: which assignments it refuses, and which layer and design its line names. */
class FloatDesignRefusalTest {
  private static final Model LENET = OnnxImporter.load(TestData.repoFile("models/lenet5.onnx"));
  private static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  private static String refused(Assignment a) {
    return assertThrows(BadInputException.class, () -> FloatDesignRefusal.refuse(LENET, a, CATALOG, "why"))
        .getMessage();
  }

  @Test
  void integerAssignmentsPass() {
    List<String> names = LENET.approximableLayers().stream().map(l -> l.name()).toList();
    assertDoesNotThrow(() -> FloatDesignRefusal.refuse(LENET, Assignment.uniform(names, "s8x8_trunc4"), CATALOG,
        "why"));
    assertDoesNotThrow(() -> FloatDesignRefusal.refuse(LENET, Assignment.allExact(), CATALOG, "why"));
    assertDoesNotThrow(() -> FloatDesignRefusal.refuse(LENET, Assignment.uniform(names, "no_such_design"), CATALOG,
        "why"), "unknown names are the assignment check's business");
  }

  @Test
  void theFirstFloatLayerInModelOrderIsNamedWhateverTheKey() {
    Map<String, LayerAssignment> m = new LinkedHashMap<>();
    m.put("fc_9", LayerAssignment.uniform("e5m2_exact"));
    m.put("1", LayerAssignment.uniform("e4m3_trunc3"));
    m.put("conv_0", LayerAssignment.uniform("s8x8_trunc4"));
    String name1 = LENET.approximableLayers().get(1).name();
    assertEquals("layer '" + name1 + "': float multiplier 'e4m3_trunc3': why", refused(new Assignment(m)));
    int channels = AssignmentResolver.channels(LENET.approximableLayers().get(0));
    List<String> perChannel = new java.util.ArrayList<>(Collections.nCopies(channels, "s8x8_exact_bw"));
    perChannel.set(channels - 1, "e3m4_exact");
    String msg = refused(new Assignment(Map.of("conv_0", LayerAssignment.perChannel(perChannel))));
    assertEquals("layer 'conv_0': float multiplier 'e3m4_exact': why", msg);
    Path cfg = Path.of("a.json");
    BadInputException e = assertThrows(BadInputException.class, () -> FloatDesignRefusal.refuse(LENET,
        new Assignment(Map.of("fc_11", LayerAssignment.uniform("e4m3_lmul"))), CATALOG, "why", cfg));
    assertEquals("a.json: layer 'fc_11': float multiplier 'e4m3_lmul': why", e.getMessage());
  }
}
