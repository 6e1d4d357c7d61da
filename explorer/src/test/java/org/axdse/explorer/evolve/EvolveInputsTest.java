package org.axdse.explorer.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

class EvolveInputsTest {
  private static final List<String> LAYERS = List.of("conv_0", "conv_3", "A1", "fc_9");

  @Test
  void layersAreNamedOrLabelledAsModelShowLabelsThem() {
    assertEquals(List.of(3, 0, 1), EvolveInputs.layers(LAYERS, List.of("fc_9", "A0", "conv_3", "A0"), false,
        "m.onnx"), "in the order given, once each");
  }

  @Test
  void aLabelCountsOnlyWhenNoLayerHasThatName() {
    assertEquals(List.of(2), EvolveInputs.layers(LAYERS, List.of("A1"), false, "m.onnx"), "the layer named A1");
    assertEquals(List.of(3), EvolveInputs.layers(LAYERS, List.of("A3", "fc_9"), false, "m.onnx"));
  }

  @Test
  void anUnknownNameOrALabelBeyondTheLayersIsOneLine() {
    for (String bad : List.of("A4", "conv_99", "A", "a1")) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> EvolveInputs.layers(LAYERS, List.of(bad), false, "m.onnx"));
      assertTrue(e.getMessage().startsWith("--layer " + bad + ": m.onnx has no approximable layer"), e.getMessage());
      assertTrue(e.getMessage().contains("A0..A3") && !e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
