package org.axdse.simulator.share.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationCache;
import org.axdse.simulator.compensation.CompensationMethod;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compensation after weight sharing: bias correction of a layer shared with exact multipliers removes its mean
 * shift against the unshared network, measured through the engine's accumulators on the calibration images (a
 * session whose quantization is the compensated shared one against a session of the unshared one); without
 * sharing the compensation is the plain one.
 */
class SharedCompensationTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();

  @TempDir Path dir;

  private static double[] meanAccumulators(Model m, QuantizedModel q, Dataset data, int layer) {
    int channels = q.layer(layer).bias().length;
    double[] sums = new double[channels];
    long[] columns = new long[1];
    int[] all = new int[data.size()];
    java.util.Arrays.setAll(all, i -> i);
    try (SimulationSession s = TinyNets.session(m, q, data, LIBRARY, 1)) {
      s.logits(new Assignment(Map.of()), all, (index, acc, rows, cols) -> {
        if (index == layer) {
          for (int o = 0; o < rows; o++) {
            for (int j = 0; j < cols; j++) {
              sums[o] += acc[o * cols + j];
            }
          }
          columns[0] += cols;
        }
      });
    }
    for (int o = 0; o < channels; o++) {
      sums[o] /= columns[0];
    }
    return sums;
  }

  @Test
  void biasCorrectionAfterSharingRemovesTheMeanShift() {
    TinyNets t = new TinyNets(5);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 24, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, true, 8), 5);
    List<ApproximableLayer> layers = m.approximableLayers();
    int target = 2;
    SharingPlan plan = new SharingPlan(ShareGranularity.CHANNEL, Map.of(layers.get(target).name(), 2));
    Assignment exact = new Assignment(Map.of());
    SharedQuantizations shared = new SharedQuantizations(m, q, ShareGranularity.CHANNEL, 2);
    CompensationCache cache;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      cache = CompensationCache.open(m, q, LIBRARY, data, CompensationMethod.BIAS, k, WidthSet.of(8));
    }
    Compensation c = SharedCompensation.compute(cache, shared, exact, plan, layers);
    assertEquals(1, c.layers().size(), "only the shared layer is corrected: " + c.layers());
    assertTrue(SharedCompensation.compute(cache, shared, exact, SharingPlan.none(), layers).layers().isEmpty(),
        "no sharing, exact multipliers: nothing to compensate");
    QuantizedModel before = shared.variant(plan, List.of(new int[] {8}, new int[] {8}, new int[] {8},
        new int[] {8}));
    QuantizedModel after = c.applyTo(before);
    double[] reference = meanAccumulators(m, q, data, target);
    double[] sharedMean = meanAccumulators(m, before, data, target);
    int channels = reference.length;
    int per = q.layer(target).weights().codes().length / channels;
    double worst = 0;
    for (int o = 0; o < channels; o++) {
      double ratio = q.layer(target).weights().paramsOf(o * per).scale()
          / before.layer(target).weights().paramsOf(o * per).scale();
      double uncorrected = sharedMean[o] - reference[o] * ratio;
      int delta = after.layer(target).bias()[o] - before.layer(target).bias()[o];
      assertTrue(Math.abs(uncorrected + delta) <= 0.5 + 1e-6, "channel " + o + ": " + (uncorrected + delta));
      worst = Math.max(worst, Math.abs(uncorrected));
    }
    assertTrue(worst > 0.5, "k = 2 shifts the mean (the test can fail): " + worst);
    try (SimulationSession session = SimulationSession.open(m, q, data, LIBRARY, SessionOptions.defaults()
        .withThreads(1).withBatchSize(16).withFloatReference(false))) {
      SharedEvaluations evaluations = new SharedEvaluations(session, ShareGranularity.CHANNEL, 1);
      int[] all = new int[data.size()];
      java.util.Arrays.setAll(all, i -> i);
      Evaluation viaClass = SharedCompensation.evaluate(evaluations, c, exact, plan);
      Evaluation direct = session.evaluateAtWidths(exact, all, after);
      assertEquals(direct.assignment().top1(), viaClass.assignment().top1(), 0.0);
      assertEquals(direct.agreement(), viaClass.agreement(), 0.0);
    }
  }
}
