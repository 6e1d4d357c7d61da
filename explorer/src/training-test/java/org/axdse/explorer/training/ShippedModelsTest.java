package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped models in {@code models/}: ONNX Runtime on {@code NAME.onnx} gives the logits of the DJL forward
 * pass with the shipped {@code NAME.params}, within 1e-4, on the first 64 bundled test images.
 */
class ShippedModelsTest {
  static final int PROBE = 64;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void onnxRuntimeMatchesDjlOnShippedModel(Architecture arch) throws Exception {
    TrainedModelFiles files = new TrainedModelFiles(RepoFiles.find("models/" + arch.cliName() + ".onnx"));
    byte[] onnx = Files.readAllBytes(files.onnx());
    assertTrue(onnx.length < 5_000_000, files.onnx() + " is " + onnx.length + " bytes");
    var sidecar = new ObjectMapper().readTree(files.sidecar().toFile());
    assertEquals(arch.cliName(), sidecar.get("architecture").asText());
    assertTrue(Files.readString(files.card()).contains("float test accuracy"));

    Dataset probe = DatasetSpec.parse("fashion-mnist:" + RepoFiles.find("data/fashion-mnist-test-2000"))
        .load(Split.TEST).limit(PROBE);
    float[] x = Synthetic.inputs(probe);
    float[][] djl;
    try (ModelSession s = ModelSession.load(arch, files.params())) {
      djl = s.logits(x, PROBE);
    }
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
      double diff = OnnxRuntimeRunner.maxAbsDiff(djl, ort.logits(x, PROBE));
      assertTrue(diff <= 1e-4, arch + ": max |DJL - ONNX Runtime| = " + diff);
    }
  }

  static Path model(Architecture arch) {
    return RepoFiles.find("models/" + arch.cliName() + ".onnx");
  }
}
