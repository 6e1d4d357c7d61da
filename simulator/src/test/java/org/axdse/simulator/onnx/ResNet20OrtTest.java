package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The float path of the shared ResNet-20 against ONNX Runtime, directly and after a round trip through the exporter. */
class ResNet20OrtTest {
  static final int COUNT = 64;

  @Test
  void agreesWithOnnxRuntime() {
    Model model = OnnxImporter.load(TestData.resnet20());
    float[] x = TestData.images(TestData.testBatch(), 0, COUNT);
    float[] ours = FloatExecutor.of(model).run(x, COUNT);
    float[] ort = OrtOracle.run(TestData.resnet20(), "input", x, COUNT, 3, 32, 32);
    assertEquals(COUNT * 10, ort.length);
    double worst = OrtOracle.worstRelative(ours, ort);
    assertTrue(worst < 1e-4, "worst relative difference " + worst);
  }

  @Test
  void exportedCopyRunsTheSameInOnnxRuntime(@TempDir Path dir) {
    Model model = OnnxImporter.load(TestData.resnet20());
    Path copy = dir.resolve("copy.onnx");
    OnnxExporter.write(model, copy);
    Model again = OnnxImporter.load(copy);
    assertEquals(model.macsPerSample(), again.macsPerSample());
    assertEquals(model.approximableLayers().size(), again.approximableLayers().size());
    float[] x = TestData.images(TestData.testBatch(), 5000, 16);
    float[] ours = FloatExecutor.of(model).run(x, 16);
    float[] ort = OrtOracle.run(copy, model.input().name(), x, 16, 3, 32, 32);
    assertTrue(OrtOracle.worstRelative(ours, ort) < 1e-4);
    assertTrue(OrtOracle.worstRelative(FloatExecutor.of(again).run(x, 16), ours) < 1e-6);
  }
}
