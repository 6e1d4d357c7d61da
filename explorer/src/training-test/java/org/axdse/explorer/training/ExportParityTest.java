package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Export then re-import: ONNX Runtime on the exported model, and the simulator's importer with its float
 * executor, give the DJL forward pass's logits. Each network is first trained for two steps so its BatchNorm
 * statistics are no longer the identity and the folding is tested.
 */
class ExportParityTest {

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void onnxRuntimeAndSimulatorMatchDjl(Architecture arch, @TempDir Path dir) throws Exception {
    Dataset data = Synthetic.images(64, 7);
    try (ModelSession s = ModelSession.fresh(arch, 3)) {
      s.train(data, Schedule.of(2, 32, 0.01f, 3), stats -> { });
      Dataset probe = Synthetic.images(8, 11);
      float[] x = Synthetic.inputs(arch, probe);
      float[][] djl = s.logits(x, probe.size());
      byte[] onnx = s.network().export().toByteArray();
      try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
        double diff = OnnxRuntimeRunner.maxAbsDiff(djl, ort.logits(x, probe.size(), s.network().inputShape()));
        assertTrue(diff <= 1e-4, arch + ": max |DJL - ONNX Runtime| = " + diff);
      }
      Path file = dir.resolve("m.onnx");
      Files.write(file, onnx);
      Model imported = OnnxImporter.load(file);
      assertEquals(s.network().macs(), imported.macsPerSample(), "MACs as the simulator counts them");
      float[] flat = FloatExecutor.of(imported).run(x, probe.size());
      double diff = OnnxRuntimeRunner.maxAbsDiff(djl, reshape(flat, probe.size()));
      assertTrue(diff <= 1e-4, arch + ": max |DJL - simulator float| = " + diff);
    }
  }

  static float[][] reshape(float[] flat, int n) {
    int k = flat.length / n;
    float[][] out = new float[n][k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void exportIsDeterministic(Architecture arch) {
    try (ModelSession s = ModelSession.fresh(arch, 5)) {
      assertArrayEquals(s.network().export().toByteArray(), s.network().export().toByteArray());
    }
  }
}
