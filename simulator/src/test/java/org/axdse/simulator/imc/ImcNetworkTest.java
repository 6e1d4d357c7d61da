package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * Whole networks: full-precision IMC (every layer through {@link ImcLayer}, no exact shortcut) gives the exact
 * integer engine's logits bit for bit; an approximate configuration gives the same logits on 1 and 2 threads and
 * differs from exact.
 */
class ImcNetworkTest {
  private static final Dataset SET = DatasetSpec.parse("fashion-mnist:"
      + TestData.repoFile("data/fashion-mnist-test-2000")).load(Split.TEST).limit(24);

  private static QuantizedModel quantize(Model m, Path file, QuantMode mode, boolean perChannel) {
    Preprocessing pre = Preprocessing.forModel(file).orElseThrow();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return Calibration.run(m, pre, SET, QuantConfig.defaults(mode).withPerChannel(perChannel)
          .withCalibration(SET.size(), org.axdse.simulator.quant.CalibrationMethod.PERCENTILE), k);
    }
  }

  private static void fullEqualsExact(String name, QuantMode mode, boolean perChannel) {
    Path file = TestData.repoFile("models/" + name + ".onnx");
    Model m = OnnxImporter.load(file);
    QuantizedModel q = quantize(m, file, mode, perChannel);
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      ImcSession s = new ImcSession(m, q, SET, ImcArchitectureJson.defaults(), k, 32);
      LayerDataflow[] flows = s.network().dataflows(s.network().allFull(), false);
      assertTrue(Arrays.stream(flows).filter(f -> f != null).count() > 0, name);
      byte[] exact = s.logits(new LayerDataflow[flows.length], s.all());
      assertArrayEquals(exact, s.logits(flows, s.all()), name + " " + mode);
    }
  }

  @Test
  void lenetFullPrecisionImcIsExact() {
    fullEqualsExact("lenet5", QuantMode.SYMMETRIC, false);
    fullEqualsExact("lenet5", QuantMode.ASYMMETRIC, true);
  }

  @Test
  void mobilenetDepthwiseFullPrecisionImcIsExact() {
    fullEqualsExact("mobilenet", QuantMode.ASYMMETRIC, true);
  }

  @Test
  void approximateRunIsThreadIndependent() {
    Path file = TestData.repoFile("models/lenet5.onnx");
    Model m = OnnxImporter.load(file);
    QuantizedModel q = quantize(m, file, QuantMode.ASYMMETRIC, true);
    byte[][] out = new byte[2][];
    byte[] exact = null;
    for (int t = 1; t <= 2; t++) {
      try (Kernels k = Kernels.create(t, KernelMode.fromSystemProperty())) {
        ImcSession s = new ImcSession(m, q, SET, ImcArchitectureJson.defaults(), k, 32);
        List<ImcKnobs> knobs = new ArrayList<>();
        for (int i = 0; i < s.network().workloads().size(); i++) {
          knobs.add(new ImcKnobs(5, 3, 5));
        }
        out[t - 1] = s.logits(s.network().dataflows(knobs, true), s.all());
        exact = s.logits(new LayerDataflow[knobs.size()], s.all());
      }
    }
    assertArrayEquals(out[0], out[1]);
    assertFalse(Arrays.equals(exact, out[0]), "the approximation changes the logits");
  }
}
