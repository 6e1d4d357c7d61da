package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axdse.simulator.data.Dataset;
import org.axdse.explorer.training.export.OnnxWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Export then re-import: ONNX Runtime on the exported graph gives the DJL forward pass's logits. Each network is
 * first trained for two steps so its BatchNorm statistics are no longer the identity and the folding is tested.
 */
class ExportParityTest {

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void onnxRuntimeMatchesDjl(Architecture arch) throws Exception {
    Dataset data = Synthetic.images(64, 7);
    try (ModelSession s = ModelSession.fresh(arch, 3)) {
      s.train(data, 2, 32, 0.01f, 3, stats -> { });
      Dataset probe = Synthetic.images(8, 11);
      float[] x = Synthetic.inputs(probe);
      float[][] djl = s.logits(x, probe.size());
      byte[] onnx = OnnxWriter.standard().toBytes(s.network().export());
      try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
        float[][] reference = ort.logits(x, probe.size());
        double diff = OnnxRuntimeRunner.maxAbsDiff(djl, reference);
        assertTrue(diff <= 1e-4, arch + ": max |DJL - ONNX Runtime| = " + diff);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void exportIsDeterministic(Architecture arch) {
    try (ModelSession s = ModelSession.fresh(arch, 5)) {
      byte[] a = OnnxWriter.standard().toBytes(s.network().export());
      byte[] b = OnnxWriter.standard().toBytes(s.network().export());
      assertArrayEquals(a, b);
    }
  }
}
