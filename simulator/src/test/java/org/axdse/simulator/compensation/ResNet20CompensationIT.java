package org.axdse.simulator.compensation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared CIFAR-10 ResNet-20 (symmetric, per-channel, 200 calibration images) with a strongly biased multiplier
 * on every layer: each compensation method wins back accuracy on 500 test images. The multiplier's mean product
 * error (-16 per product for s8x8_bam_h2v5) costs several points; the margins seen are far above the noise of 500
 * images, see the README table.
 */
class ResNet20CompensationIT {
  private static final String MULTIPLIER = "s8x8_bam_h2v5";

  @ParameterizedTest
  @CsvSource({"BIAS, EXACT_INPUTS", "WEIGHTS, EXACT_INPUTS", "WEIGHTS_AND_BIAS, SEQUENTIAL"})
  void compensationImprovesAccuracy(CompensationMethod method, BiasOrder order) {
    Model m = OnnxImporter.load(TestData.resnet20());
    Preprocessing pre = Preprocessing.load(Path.of("src/test/resources/resnet20.preprocess.json"));
    DatasetSpec spec = DatasetSpec.parse("cifar10:" + TestData.cifarDir());
    Dataset calib = spec.load(Split.TRAIN).subset(200, 1L);
    Dataset test = spec.load(Split.TEST).limit(500);
    Assignment a = Assignment.uniform(m.approximableLayers().stream().map(ApproximableLayer::name).toList(),
        MULTIPLIER);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    QuantizedModel q;
    Compensation c;
    try (Kernels k = Kernels.create()) {
      q = Calibration.run(m, pre, calib, QuantConfig.defaults(QuantMode.SYMMETRIC).withPerChannel(true)
          .withCalibration(200, CalibrationMethod.PERCENTILE), k);
      c = Compensator.compute(m, q, a, catalog, calib, method, order, k);
    }
    SessionOptions o = SessionOptions.defaults().withFloatReference(false).withLayerStatistics(false);
    double exact;
    double before;
    double after;
    try (SimulationSession s = SimulationSession.open(m, q, test, catalog, o)) {
      exact = s.exactAccuracy().top1();
      before = s.evaluate(a).assignment().top1();
    }
    try (SimulationSession s = SimulationSession.open(m, c.applyTo(q), test, catalog, o)) {
      after = s.evaluate(a).assignment().top1();
    }
    System.out.printf("ResNet-20 %s %s: exact %.3f, uncompensated %.3f, compensated %.3f%n", MULTIPLIER, method,
        exact, before, after);
    assertTrue(exact - before > 0.02, "the multiplier must cost accuracy: " + exact + " -> " + before);
    assertTrue(after > before + 0.01, method + ": " + before + " -> " + after);
  }
}
