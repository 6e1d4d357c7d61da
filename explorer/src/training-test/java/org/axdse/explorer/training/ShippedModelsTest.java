package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped models in {@code models/}: ONNX Runtime and the simulator's float executor on {@code NAME.onnx}
 * give the logits of the DJL forward pass with the shipped {@code NAME.params}, within 1e-4, on the first 64
 * bundled test images preprocessed as the shipped sidecar says.
 */
class ShippedModelsTest {
  static final int PROBE = 64;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void onnxRuntimeAndSimulatorMatchDjlOnShippedModel(Architecture arch) throws Exception {
    TrainedModelFiles files = new TrainedModelFiles(model(arch));
    byte[] onnx = Files.readAllBytes(files.onnx());
    assertTrue(onnx.length < 5_000_000, files.onnx() + " is " + onnx.length + " bytes");
    assertTrue(Files.readString(files.card()).contains("float test accuracy"));
    Dataset probe = DatasetSpec.parse("fashion-mnist:" + RepoFiles.find("data/fashion-mnist-test-2000"))
        .load(Split.TEST).limit(PROBE);
    Preprocessing prep = Preprocessing.load(files.sidecar());
    assertEquals(arch.preprocessing(probe.classNames()).toJson(), prep.toJson());
    float[] x = Inputs.all(prep, probe);

    float[][] djl;
    long[] sample;
    try (ModelSession s = ModelSession.load(arch, files.params())) {
      djl = s.logits(x, PROBE);
      sample = s.network().inputShape();
    }
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
      double diff = OnnxRuntimeRunner.maxAbsDiff(djl, ort.logits(x, PROBE, sample));
      assertTrue(diff <= 1e-4, arch + ": max |DJL - ONNX Runtime| = " + diff);
    }
    float[] flat = FloatExecutor.of(OnnxImporter.load(files.onnx())).run(x, PROBE);
    double diff = OnnxRuntimeRunner.maxAbsDiff(djl, ExportParityTest.reshape(flat, PROBE));
    assertTrue(diff <= 1e-4, arch + ": max |DJL - simulator float| = " + diff);
  }

  static Path model(Architecture arch) {
    return RepoFiles.find("models/" + arch.cliName() + ".onnx");
  }
}
