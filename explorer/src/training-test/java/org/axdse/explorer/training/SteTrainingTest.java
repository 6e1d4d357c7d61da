package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.Trainer;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The straight-through estimator on the shipped models and the bundled test images: the retraining forward pass
 * gives the simulator's approximate logits, a step lowers the loss it trains on, and the re-export keeps the
 * layer names an assignment refers to.
 */
class SteTrainingTest {
  /** A multiplier that moves the logits a lot (LeNet-5 loses about 10 points with it), so substitution shows. */
  static final String APPROX = "s8x8_bam_h2v5";

  static Dataset images(int n) {
    return DatasetSpec.parse("fashion-mnist:" + RepoFiles.find("data/fashion-mnist-test-2000")).load(Split.TEST)
        .limit(n);
  }

  static int[] range(int n) {
    int[] a = new int[n];
    java.util.Arrays.setAll(a, i -> i);
    return a;
  }

  static QuantizedModel calibrate(Model m, Path onnx, Dataset calib) {
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC).withPerChannel(true);
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      return Calibration.run(m, Preprocessing.requiredFor(onnx), calib, config, k);
    }
  }

  static Assignment uniform(Model m, String multiplier) {
    return Assignment.uniform(m.approximableLayers().stream().map(ApproximableLayer::name).toList(), multiplier);
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"LENET5", "RESNET8", "MOBILENET"})
  void forwardOutputEqualsSimulatorApproximateLogits(Architecture arch) throws Exception {
    Path onnx = ShippedModelsTest.model(arch);
    Model m = OnnxImporter.load(onnx);
    Dataset data = images(100);
    QuantizedModel q = calibrate(m, onnx, data);
    Assignment a = uniform(m, APPROX);
    int n = 16;
    int[] idx = range(n);
    // the reference: an ordinary simulation session on the original file, its logit codes dequantized
    byte[] codes;
    Dataset batch = data.limit(n);
    SessionOptions so = SessionOptions.defaults().withThreads(1).withFloatReference(false).withLayerStatistics(false);
    try (SimulationSession s = SimulationSession.open(m, q, batch, MultiplierCatalog.builtin(), so)) {
      codes = s.logits(a, idx);
    }
    QuantParams lp = q.tensor(m.output().name());
    try (ModelSession session = ModelSession.load(arch, new TrainedModelFiles(onnx).params());
        SteTraining training = new SteTraining(session, q, a, MultiplierCatalog.builtin(), 1, onnx)) {
      float[][] ste = training.forward(data, idx);
      float[][] exact = session.logits(Inputs.all(session.preprocessing(), batch), n);
      double maxDiff = 0;
      double moved = 0;
      for (int i = 0; i < n; i++) {
        float[] sim = new float[ste[i].length];
        for (int c = 0; c < sim.length; c++) {
          int b = codes[i * sim.length + c];
          sim[c] = (float) lp.dequantize(lp.signed() ? b : b & 0xFF);
          maxDiff = Math.max(maxDiff, Math.abs(sim[c] - ste[i][c]));
          moved = Math.max(moved, Math.abs(exact[i][c] - ste[i][c]));
        }
        assertEquals(ModelSession.argmax(sim), ModelSession.argmax(ste[i]), arch + " image " + i);
      }
      // float rounding of y + (t - y) only: far below one logit code (scale ~0.1)
      assertTrue(maxDiff <= 1e-4, arch + ": max |STE forward - simulator| = " + maxDiff);
      // the substitution is real: the approximate logits are far from the float network's
      assertTrue(moved > 10 * lp.scale(), arch + ": STE logits within " + moved + " of the float ones");
    }
  }

  @Test
  void oneStepLowersTheSteLossOnItsBatch() {
    Path onnx = ShippedModelsTest.model(Architecture.LENET5);
    Model m = OnnxImporter.load(onnx);
    Dataset data = images(64);
    QuantizedModel q = calibrate(m, onnx, data);
    int[] idx = range(64);
    try (ModelSession session = ModelSession.load(Architecture.LENET5, new TrainedModelFiles(onnx).params());
        SteTraining ste = new SteTraining(session, q, uniform(m, APPROX), MultiplierCatalog.builtin(), 1, onnx)) {
      double direct = crossEntropy(ste.forward(data, idx), data);
      double before;
      try (Trainer t = ste.newTrainer(1e-3f, 64)) {
        before = ste.step(t, data, idx);
      }
      // the step's loss is the cross-entropy of the simulator's logits (the trainer did not reset the weights)
      assertEquals(direct, before, 1e-4);
      double after = crossEntropy(ste.forward(data, idx), data);
      assertTrue(after < before, "loss " + before + " -> " + after);

      // the re-export keeps every approximable layer's name (and order), and the weights moved
      Model retrained = ste.currentModel();
      assertEquals(names(m), names(retrained));
      assertFalse(java.util.Arrays.equals(((org.axdse.simulator.model.ConvLayer) m.approximableLayers().get(0))
          .weights(), ((org.axdse.simulator.model.ConvLayer) retrained.approximableLayers().get(0)).weights()));
    }
  }

  @Test
  void approximateLstmIsOneLineError() {
    Path onnx = ShippedModelsTest.model(Architecture.LSTM);
    Model m = OnnxImporter.load(onnx);
    QuantizedModel q = calibrate(m, onnx, images(20));
    try (ModelSession session = ModelSession.load(Architecture.LSTM, new TrainedModelFiles(onnx).params())) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> new SteTraining(session, q, uniform(m, APPROX), MultiplierCatalog.builtin(), 1, onnx).close());
      assertTrue(e.getMessage().contains("must stay exact"), e.getMessage());
    }
  }

  static List<String> names(Model m) {
    return m.approximableLayers().stream().map(ApproximableLayer::name).toList();
  }

  /** Mean softmax cross-entropy, computed in double. */
  static double crossEntropy(float[][] logits, Dataset data) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (float v : logits[i]) {
        max = Math.max(max, v);
      }
      double z = 0;
      for (float v : logits[i]) {
        z += Math.exp(v - max);
      }
      sum += Math.log(z) + max - logits[i][data.label(i)];
    }
    return sum / logits.length;
  }
}
