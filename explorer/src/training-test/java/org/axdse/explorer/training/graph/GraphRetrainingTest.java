package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * Retraining of an imported model (the bundled LeNet-5 read from its ONNX file alone, no DJL parameters) with a
 * strongly approximate multiplier: the straight-through forward pass gives the simulator's logits, far from the
 * float ones, also with only the LSTM of the bundled LSTM model approximated (its gate products through the table);
 * one step lowers that loss, and reports it (resume and seeds: {@link GraphRetrainingIT}).
 */
class GraphRetrainingTest {
  static final String MULTIPLIER = "s8x8_bam_h2v5";

  static Dataset images(int from, int n) {
    Dataset all = DatasetSpec.parse("fashion-mnist:" + GraphFixtures.repo("data/fashion-mnist-test-2000"))
        .load(Split.TEST);
    return all.select(java.util.stream.IntStream.range(from, from + n).toArray());
  }

  @Test
  void forwardIsTheSimulatorsAndOneStepLowersTheLoss() {
    Path file = GraphFixtures.repo("models/lenet5.onnx");
    Model model = OnnxImporter.load(file);
    Preprocessing pre = Preprocessing.requiredFor(file);
    Dataset batch = images(0, 64);
    QuantConfig config = QuantConfig.defaults(org.axdse.simulator.quant.QuantMode.SYMMETRIC);
    QuantizedModel q;
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      q = Calibration.run(model, pre, images(100, 50), config, k);
    }
    Assignment a = Assignment.uniform(model.approximableLayers().stream().map(l -> l.name()).toList(), MULTIPLIER);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, a, MultiplierCatalog.builtin(), pre, 1)) {
      float[] simulated = ste.simulate(batch).logits();
      float[] forward = ste.forward(batch);
      float[] exact = org.axdse.simulator.model.FloatExecutor.of(model).run(input(pre, batch), batch.size());
      double far = 0;
      for (int i = 0; i < forward.length; i++) {
        assertEquals(simulated[i], forward[i], 1e-4, "logit " + i);
        far = Math.max(far, Math.abs(forward[i] - exact[i]));
      }
      assertTrue(far > 0.1, "the approximate logits should differ from the float ones, max diff " + far);
      double before;
      try (NDManager s = NDManager.newBaseManager()) {
        before = GraphRetraining.crossEntropy(s, s.create(forward, new ai.djl.ndarray.types.Shape(64, 10)), batch)
            .getFloat();
      }
      AdamW opt = new AdamW(net, m, 0);
      double reported = ste.step(batch, opt, 1e-3);
      assertEquals(before, reported, 1e-4, "the step reports the simulator's loss");
      double after;
      try (NDManager s = NDManager.newBaseManager()) {
        after = GraphRetraining.crossEntropy(s, s.create(ste.forward(batch),
            new ai.djl.ndarray.types.Shape(64, 10)), batch).getFloat();
      }
      assertTrue(after < before, "loss " + before + " -> " + after);
    }
  }

  @Test
  void approximatedLstmGateProductsReachTheForwardPass() {
    Path file = GraphFixtures.repo("models/lstm.onnx");
    Model model = OnnxImporter.load(file);
    Preprocessing pre = Preprocessing.requiredFor(file);
    Dataset batch = images(0, 16);
    QuantizedModel q;
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      q = Calibration.run(model, pre, images(100, 50), QuantConfig.defaults(
          org.axdse.simulator.quant.QuantMode.SYMMETRIC), k);
    }
    String lstm = model.approximableLayers().stream().filter(l -> l instanceof org.axdse.simulator.model.LstmLayer)
        .findFirst().orElseThrow().name();
    Assignment a = Assignment.uniform(java.util.List.of(lstm), MULTIPLIER);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, a, MultiplierCatalog.builtin(), pre, 1)) {
      float[] simulated = ste.simulate(batch).logits();
      float[] forward = ste.forward(batch);
      float[] exact = org.axdse.simulator.model.FloatExecutor.of(model).run(input(pre, batch), batch.size());
      double far = 0;
      for (int i = 0; i < forward.length; i++) {
        assertEquals(simulated[i], forward[i], 1e-4, "logit " + i);
        far = Math.max(far, Math.abs(forward[i] - exact[i]));
      }
      assertTrue(far > 0.1, "the approximate LSTM should move the logits, max diff " + far);
    }
  }

  private static float[] input(Preprocessing pre, Dataset batch) {
    float[] x = new float[batch.size() * pre.sampleSize()];
    org.axdse.explorer.training.Inputs.batch(pre, batch, null, 0, batch.size(), x);
    return x;
  }
}
