package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.simulator.compensation.BiasOrder;
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
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * {@link ImcBiasCorrection} on LeNet-5 with a coarse ADC: after correction every channel's mean accumulator error
 * on the calibration images, measured again independently, is at most 0.5; the corrections and logits are the
 * same on 1 and 2 threads; and running with the corrections folded into the int32 biases ({@code
 * Compensation.applyTo}) gives the same logits as the corrected dataflows.
 */
class ImcBiasCorrectionTest {
  private static final Dataset ALL = DatasetSpec.parse("fashion-mnist:"
      + TestData.repoFile("data/fashion-mnist-test-2000")).load(Split.TEST);
  static final Dataset CALIB = ALL.limit(10);
  static final Dataset TEST = ALL.subset(12, 7L);
  private static final Path FILE = TestData.repoFile("models/lenet5.onnx");
  static final Model MODEL = OnnxImporter.load(FILE);
  static final ImcKnobs COARSE = new ImcKnobs(6, 3, 5);

  static QuantizedModel quantize() {
    Preprocessing pre = Preprocessing.forModel(FILE).orElseThrow();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return Calibration.run(MODEL, pre, CALIB, QuantConfig.defaults(QuantMode.ASYMMETRIC).withPerChannel(true)
          .withCalibration(CALIB.size(), CalibrationMethod.PERCENTILE), k);
    }
  }

  static List<ImcKnobs> coarse(ImcNetwork net) {
    return ImcConfig.uniform(net, COARSE, "test");
  }

  @Test
  void exactInputsCorrectedMeanErrorIsAtMostHalfAndThreadIndependent() {
    correctedMeanErrorIsAtMostHalfAndThreadIndependent(BiasOrder.EXACT_INPUTS);
  }

  @Test
  void sequentialCorrectedMeanErrorIsAtMostHalfAndThreadIndependent() {
    correctedMeanErrorIsAtMostHalfAndThreadIndependent(BiasOrder.SEQUENTIAL);
  }

  /**
   * Every corrected layer is measured again, independently of {@link ImcBiasCorrection}: on the calibration images,
   * with the layers before it exact ({@code EXACT_INPUTS}) or approximate and corrected ({@code SEQUENTIAL}), the
   * corrected layer against the exact one on the same inputs.
   */
  private void correctedMeanErrorIsAtMostHalfAndThreadIndependent(BiasOrder order) {
    QuantizedModel q = quantize();
    byte[][] logits = new byte[2][];
    List<int[]> deltas = new ArrayList<>();
    for (int t = 1; t <= 2; t++) {
      try (Kernels k = Kernels.create(t, KernelMode.fromSystemProperty())) {
        ImcSession s = new ImcSession(MODEL, q, TEST, ImcArchitectureJson.defaults(), k, 10);
        ImcBiasCorrection c = s.correctBias(CALIB, order);
        List<ImcKnobs> knobs = coarse(s.network());
        logits[t - 1] = s.logits(s.network().dataflows(knobs, true), s.all());
        int[][] d = c.deltas(knobs);
        ImcSession cal = new ImcSession(MODEL, q, CALIB, ImcArchitectureJson.defaults(), k, 7);
        ImcNetwork cn = cal.network();
        int corrected = 0;
        for (int i = 0; i < knobs.size(); i++) {
          if (knobs.get(i) == null) {
            continue;
          }
          deltas.add(d[i]);
          corrected += Arrays.stream(d[i]).anyMatch(v -> v != 0) ? 1 : 0;
          if (t == 2) {
            continue; // measured again on one thread count only (the corrections themselves are compared below)
          }
          LayerDataflow[] flows = new LayerDataflow[knobs.size()];
          for (int j = 0; j < i && order == BiasOrder.SEQUENTIAL; j++) {
            flows[j] = d[j] == null ? null : new BiasedDataflow(cn.layer(j, knobs.get(j)), d[j]);
          }
          ErrorMeter m = new ErrorMeter(cn.layer(i, cn.full()), new BiasedDataflow(cn.layer(i, knobs.get(i)), d[i]),
              d[i].length);
          flows[i] = m;
          cal.logits(flows, cal.all());
          double[] after = m.means();
          for (int n = 0; n < after.length; n++) {
            assertTrue(Math.abs(after[n]) <= 0.5, order + " layer " + i + " channel " + n + ": " + after[n]);
          }
          if (order == BiasOrder.EXACT_INPUTS) {
            double[] before = c.meanError(i, knobs.get(i));
            for (int n = 0; n < after.length; n++) {
              assertTrue(Math.abs(after[n] - (before[n] + d[i][n])) < 1e-9, "layer " + i + " channel " + n);
            }
          }
        }
        assertTrue(corrected > 1, "the coarse ADC leaves a mean error in several layers");
      }
    }
    for (int i = 0; i < deltas.size() / 2; i++) {
      assertArrayEquals(deltas.get(i), deltas.get(i + deltas.size() / 2), "correction " + i);
    }
    assertArrayEquals(logits[0], logits[1]);
  }

  @Test
  void foldedIntoTheBiasGivesTheSameLogits() {
    QuantizedModel q = quantize();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      ImcSession plain = new ImcSession(MODEL, q, TEST, ImcArchitectureJson.defaults(), k, 10);
      List<ImcKnobs> knobs = coarse(plain.network());
      byte[] uncorrected = plain.logits(plain.network().dataflows(knobs, true), plain.all());
      byte[][] byOrder = new byte[2][];
      for (BiasOrder order : BiasOrder.values()) {
        ImcSession s = new ImcSession(MODEL, q, TEST, ImcArchitectureJson.defaults(), k, 10);
        ImcBiasCorrection c = s.correctBias(CALIB, order);
        byte[] corrected = s.logits(s.network().dataflows(knobs, true), s.all());
        QuantizedModel folded = c.compensation(knobs, MODEL).applyTo(q);
        ImcSession f = new ImcSession(MODEL, folded, TEST, ImcArchitectureJson.defaults(), k, 10);
        assertArrayEquals(corrected, f.logits(f.network().dataflows(knobs, true), f.all()), order.name());
        assertFalse(Arrays.equals(corrected, uncorrected), order + ": the correction changes the logits");
        byOrder[order.ordinal()] = corrected;
      }
      assertFalse(Arrays.equals(byOrder[0], byOrder[1]), "the orders differ with several approximated layers");
    }
  }
}
