package org.axdse.simulator.compensation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bias correction leaves a mean accumulator error of at most 0.5 (the rounding of the int32 correction) in every
 * output channel of every compensated layer, checked against a brute-force recomputation of the error over the
 * calibration images: on the exact network's inputs ({@link BiasOrder#EXACT_INPUTS}) or on the inputs of the
 * compensated approximate network ({@link BiasOrder#SEQUENTIAL}, where every earlier layer is corrected).
 */
class BiasCorrectionTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "SYMMETRIC, s8x8_trunc6, BIAS, EXACT_INPUTS",
      "SYMMETRIC, s8x8_bam_h2v8, BIAS, SEQUENTIAL",
      "ASYMMETRIC, u8x8_bam_h1v6, BIAS, EXACT_INPUTS",
      "ASYMMETRIC, u8x8_trunc8, BIAS, SEQUENTIAL",
      "SYMMETRIC, s8x8_bam_h2v8, WEIGHTS_AND_BIAS, EXACT_INPUTS",
      "ASYMMETRIC, u8x8_drum4, WEIGHTS_AND_BIAS, SEQUENTIAL"})
  void correctedMeanErrorIsWithinRounding(QuantMode mode, String multiplier, CompensationMethod method,
      BiasOrder order) {
    TinyNets nets = new TinyNets(11);
    Model m = nets.cnn(dir);
    Dataset calib = nets.images(m, 40, 5);
    QuantizedModel q = TinyNets.quantize(m, calib, TinyNets.config(mode, true, 8), 5);
    Assignment a = Assignment.uniform(m.approximableLayers().stream().map(ApproximableLayer::name).toList(),
        multiplier);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    Compensation c;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      c = Compensator.compute(m, q, a, catalog, calib, method, order, k);
    }
    QuantizedModel fixed = c.applyTo(q);
    assertEquals(m.approximableLayers().size(), c.layers().size(), "every layer is approximate");
    ProductTable t = catalog.byName(multiplier).table();
    double largestBefore = 0;
    // Exact inputs: the original model, all exact. Sequential: the compensated model under the assignment, whose
    // layers before the one measured are the corrected ones the measurement saw.
    try (SimulationSession s = TinyNets.session(m, order == BiasOrder.EXACT_INPUTS ? q : fixed, calib, catalog,
        2)) {
      Assignment traced = order == BiasOrder.EXACT_INPUTS ? Assignment.allExact() : a;
      for (LayerCompensation lc : c.layers()) {
        ApproximableLayer l = m.approximableLayers().get(lc.index());
        LayerQuantization before = q.layer(lc.index());
        int[] used = fixed.layer(lc.index()).weights().codes();
        ProductTable[] tables = new ProductTable[before.bias().length];
        java.util.Arrays.fill(tables, t);
        List<byte[]> inputs = ErrorOracle.inputs(s, traced, lc.index());
        double[] mean = ErrorOracle.meanErrors(l, inputs, before.weights().codes(), used, tables,
            before.input().zeroPoint(), before.input().signed());
        int[] delta = lc.biasDelta();
        int[] fixedBias = fixed.layer(lc.index()).bias();
        for (int n = 0; n < mean.length; n++) {
          largestBefore = Math.max(largestBefore, Math.abs(mean[n]));
          assertEquals(before.bias()[n] + delta[n], fixedBias[n], "the delta is in the bias");
          assertTrue(Math.abs(mean[n] + delta[n]) <= 0.5 + 1e-9, l.name() + " channel " + n + ": mean error "
              + mean[n] + ", correction " + delta[n]);
        }
      }
    }
    assertTrue(largestBefore > 2, "the multiplier must leave a mean error to correct, got " + largestBefore);
  }
}
