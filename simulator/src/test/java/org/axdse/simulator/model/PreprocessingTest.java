package org.axdse.simulator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
  @TempDir Path dir;

  Preprocessing cifar() throws IOException {
    Path model = dir.resolve("resnet20.onnx");
    try (var in = getClass().getResourceAsStream("/resnet20.preprocess.json")) {
      Files.write(Preprocessing.sidecarOf(model), in.readAllBytes());
    }
    return Preprocessing.forModel(model).orElseThrow();
  }

  @Test
  void aMissingSidecarIsAOneLineErrorNamingModelAndSidecar() {
    Path model = dir.resolve("net.onnx");
    BadInputException e = assertThrows(BadInputException.class, () -> Preprocessing.requiredFor(model));
    assertEquals(model + ": no preprocessing sidecar net.preprocess.json next to the model", e.getMessage());
    BadInputException hinted = assertThrows(BadInputException.class,
        () -> Preprocessing.requiredFor(model, " (or give --preprocess FILE)"));
    assertTrue(hinted.getMessage().endsWith("next to the model (or give --preprocess FILE)"), hinted.getMessage());
  }

  @Test
  void cifarSidecarMatchesTheTestNormalization() throws IOException {
    Preprocessing p = cifar();
    assertEquals(10, p.numClasses());
    assertEquals("truck", p.classNames().get(9));
    byte[] batch = TestData.testBatch();
    byte[] pixels = Arrays.copyOfRange(batch, 1, TestData.RECORD);
    float[] expected = TestData.images(batch, 0, 1);
    float[] actual = p.apply(pixels);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5f);
    }
  }

  @Test
  void sequenceLayoutUsesOneMeanAndRoundTripsThroughJson() {
    Preprocessing p = new Preprocessing(Preprocessing.Layout.HW, new int[] {2, 3}, 1.0 / 255, new double[] {0.5},
        new double[] {0.25}, 10, List.of());
    // byte 255 -> (1.0 - 0.5) / 0.25 = 2; byte 0 -> -2
    assertArrayEquals(new float[] {2f, -2f, 2f, -2f, 2f, -2f},
        p.apply(new byte[] {(byte) 255, 0, (byte) 255, 0, (byte) 255, 0}), 1e-6f);
    Path f = dir.resolve("m.preprocess.json");
    p.write(f);
    assertEquals(p.toJson(), Preprocessing.load(f).toJson());
  }

  @Test
  void badSidecarsAreOneLineErrors() throws IOException {
    Path typo = Files.writeString(dir.resolve("a.json"), "{\n \"layout\": \"NCHW\",\n \"sclae\": 1\n}");
    BadInputException e = assertThrows(BadInputException.class, () -> Preprocessing.load(typo));
    assertTrue(e.getMessage().startsWith(typo + ": unknown key 'sclae'"), e.getMessage());
    Path broken = Files.writeString(dir.resolve("c.json"), "{\n \"layout\": \"NCHW\",\n \"scale\": ]\n}");
    BadInputException syntax = assertThrows(BadInputException.class, () -> Preprocessing.load(broken));
    assertTrue(syntax.getMessage().startsWith(broken + ":3:"), syntax.getMessage());
    Path wrong = Files.writeString(dir.resolve("b.json"), "{\"layout\": \"NCHW\", \"inputShape\": [3, 32, 32],"
        + " \"scale\": 1, \"mean\": [0, 0], \"std\": [1, 1], \"numClasses\": 10}");
    BadInputException w = assertThrows(BadInputException.class, () -> Preprocessing.load(wrong));
    assertTrue(w.getMessage().contains("mean and std need 1 or 3 values"), w.getMessage());
  }
}
