package org.axdse.explorer.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.BiasOrder;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.compensation.Compensator;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.Predictions;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.predict.LossCheck;
import org.axdse.simulator.predict.SimulatedLoss;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * A design's simulated loss equals an independent run of the same one-layer assignment: compensated layer by layer
 * ({@link Compensator} with {@link BiasOrder#SEQUENTIAL}, not the search's cache), simulated by a session opened on
 * the compensated quantization (one thread, no prefix cache, against the checker's two), with the logit change,
 * top-1 flips and correct images counted here from the definitions. Checks resumed from the prefix cache give the
 * same figures, and the compensation changes them.
 */
class SimulatedLossTest {
  private static Path repo(String p) {
    Path here = Path.of("").toAbsolutePath();
    return (Files.exists(here.resolve(p)) ? here : here.getParent()).resolve(p);
  }

  private static SessionOptions threads(int n) {
    return SessionOptions.defaults().withThreads(n).withFloatReference(false).withLayerStatistics(false);
  }

  @Test
  void theSimulatedLossEqualsAnIndependentCompensatedRun() {
    Path file = repo("models/lenet5.onnx");
    Model m = OnnxImporter.load(file);
    Preprocessing pre = Preprocessing.forModel(file).orElseThrow();
    DatasetSpec spec = DatasetSpec.parse("fashion-mnist");
    QuantConfig qc = QuantConfig.defaults(QuantMode.SYMMETRIC).withCalibration(40, CalibrationMethod.PERCENTILE);
    Dataset calib = spec.load(Split.TRAIN).subset(40, qc.calibrationSeed());
    Dataset test = spec.load(Split.TEST).limit(150);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    String[][] checks = {{"conv_3", "s8x8_trunc8_vc"}, {"conv_3", "s8x8_bam_h2v8"}, {"fc_7", "s8x8_bam_h3v9"},
        {"conv_0", "s8x8_trunc8_cc"}, {"conv_3", "s8x8_trunc8_vc"}};
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      QuantizedModel q = Calibration.run(m, pre, calib, qc, k);
      CompensationCache cache = CompensationCache.open(m, q, catalog, calib, CompensationMethod.WEIGHTS_AND_BIAS,
          k);
      List<LossCheck> got = new ArrayList<>();
      List<LossCheck> plain = new ArrayList<>();
      int[] images;
      try (SimulationSession s = SimulationSession.open(m, q, test, catalog, threads(2))) {
        SimulatedLoss loss = new SimulatedLoss(s, cache, SimulatedLoss.images(s.size(), 90, 3), 64L << 20);
        SimulatedLoss uncompensated = new SimulatedLoss(s, null, SimulatedLoss.images(s.size(), 90, 3), 0);
        images = loss.images();
        for (String[] c : checks) {
          got.add(loss.check(c[0], c[1]));
          plain.add(uncompensated.check(c[0], c[1]));
        }
      }
      assertEquals(got.get(0), got.get(4), "a check resumed from the prefix cache gives the same figures");
      byte[] exact;
      try (SimulationSession s = SimulationSession.open(m, q, test, catalog, threads(1))) {
        exact = s.logits(Assignment.allExact(), images);
      }
      int classes = exact.length / images.length;
      for (int i = 0; i < checks.length; i++) {
        Assignment a = Assignment.uniform(List.of(checks[i][0]), checks[i][1]);
        Compensation c = Compensator.compute(m, q, a, catalog, calib, CompensationMethod.WEIGHTS_AND_BIAS,
            BiasOrder.SEQUENTIAL, k);
        assertEquals(1, c.layers().size(), "one layer compensated");
        byte[] logits;
        try (SimulationSession s = SimulationSession.open(m, c.applyTo(q), test, catalog, threads(1))) {
          logits = s.logits(a, images);
        }
        int flips = 0;
        int correct = 0;
        int exactCorrect = 0;
        for (int j = 0; j < images.length; j++) {
          int mine = Predictions.top1(logits, j * classes, classes, true);
          int ref = Predictions.top1(exact, j * classes, classes, true);
          flips += mine != ref ? 1 : 0;
          correct += mine == test.label(images[j]) ? 1 : 0;
          exactCorrect += ref == test.label(images[j]) ? 1 : 0;
        }
        // Mean squared change per logit after removing each class's mean change over the images.
        double change = 0;
        for (int cl = 0; cl < classes; cl++) {
          double mean = 0;
          for (int j = 0; j < images.length; j++) {
            mean += (exact[j * classes + cl] - logits[j * classes + cl]) / (double) images.length;
          }
          double var = 0;
          for (int j = 0; j < images.length; j++) {
            double d = exact[j * classes + cl] - logits[j * classes + cl] - mean;
            var += d * d / images.length;
          }
          change += var / classes;
        }
        LossCheck g = got.get(i);
        assertEquals(change, g.logitChange(), 1e-9 * (1 + change), checks[i][1] + " in " + checks[i][0]);
        assertEquals(flips, g.flips(), checks[i][1]);
        assertEquals(correct, g.correct(), checks[i][1]);
        assertEquals(exactCorrect, g.exactCorrect());
        assertEquals(images.length, g.images());
        assertTrue(change > 0, checks[i][1] + " changes the logits");
        assertNotEquals(plain.get(i).logitChange(), g.logitChange(), "the compensation changes the logits");
      }
    }
  }
}
