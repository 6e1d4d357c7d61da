package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/** The greedy trajectory on LeNet-5: starts at full precision, every step is faster, and it is reproducible. */
class LayerwiseSearchTest {
  @Test
  void trajectoryDescendsAndRepeats() {
    Path file = TestData.repoFile("models/lenet5.onnx");
    Model m = OnnxImporter.load(file);
    Dataset set = DatasetSpec.parse("fashion-mnist:" + TestData.repoFile("data/fashion-mnist-test-2000"))
        .load(Split.TEST).limit(16);
    List<LayerwiseSearch.Point> first = null;
    for (int threads = 1; threads <= 2; threads++) {
      try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
        QuantizedModel q = Calibration.run(m, Preprocessing.forModel(file).orElseThrow(), set,
            QuantConfig.defaults(QuantMode.ASYMMETRIC).withCalibration(16, CalibrationMethod.PERCENTILE), k);
        ImcSession s = new ImcSession(m, q, set, ImcArchitectureJson.defaults(), k, 16);
        List<LayerwiseSearch.Point> path = new LayerwiseSearch(s, s.all(), 7, 3, ProgressListener.NONE)
            .trajectory(Double.POSITIVE_INFINITY);
        assertEquals(s.network().allFull(), path.get(0).knobs());
        // ladder: 5 plane rungs + 2 ADC rungs on each of the 5 layers, and the slice rung (4 -> 3) where it saves
        // latency: where the busiest array's columns min(128, channels x slices) shrink: conv_0 (6 channels),
        // conv_3 (16), fc_11 (10), not fc_7 (120 x 3 > 128) nor fc_9 (84 x 3 > 128)
        assertEquals(1 + 5 * 7 + 3, path.size());
        for (int i = 1; i < path.size(); i++) {
          assertTrue(path.get(i).cost().latencyCycles() < path.get(i - 1).cost().latencyCycles(), "step " + i);
          assertTrue(path.get(i).predictedError() >= path.get(i - 1).predictedError(), "step " + i);
        }
        if (first == null) {
          first = path;
        } else {
          assertEquals(first, path, "the same trajectory on 1 and 2 threads");
        }
      }
    }
  }
}
