package org.axdse.simulator.compensation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search's compensation cache on a per-channel assignment that mixes multipliers within layers: every
 * channel's corrected mean error (brute force, exact inputs, the channel's own table and tuned codes) is within
 * the 0.5 of rounding, a second request gives the same compensation, and a session evaluating the compensated
 * quantization as a variant gives what a session opened on it gives.
 */
class CompensationCacheTest {
  private static final List<String> DESIGNS = List.of("s8x8_exact_bw", "s8x8_trunc6", "s8x8_bam_h2v8");

  @TempDir Path dir;

  @Test
  void perChannelAssignmentIsCompensatedChannelByChannel() {
    TinyNets nets = new TinyNets(23);
    Model m = nets.cnn(dir);
    Dataset calib = nets.images(m, 40, 5);
    QuantizedModel q = TinyNets.quantize(m, calib, TinyNets.config(QuantMode.SYMMETRIC, true, 8), 5);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    Random rnd = new Random(5);
    Assignment a = Assignment.allExact();
    for (ApproximableLayer l : m.approximableLayers()) {
      List<String> names = new ArrayList<>();
      for (int c = 0; c < AssignmentResolver.channels(l); c++) {
        names.add(DESIGNS.get(rnd.nextInt(DESIGNS.size())));
      }
      a = a.with(l.name(), new LayerAssignment.PerChannel(names));
    }
    CompensationCache cache;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      cache = CompensationCache.open(m, q, catalog, calib, CompensationMethod.WEIGHTS_AND_BIAS, k);
    }
    Compensation c = cache.compute(a);
    assertEquals(c.layers().stream().map(LayerCompensation::name).toList(),
        cache.compute(a).layers().stream().map(LayerCompensation::name).toList());
    QuantizedModel fixed = c.applyTo(q);
    int remapped = 0;
    try (SimulationSession s = TinyNets.session(m, q, calib, catalog, 2)) {
      for (LayerCompensation lc : c.layers()) {
        ApproximableLayer l = m.approximableLayers().get(lc.index());
        LayerQuantization before = q.layer(lc.index());
        int channels = before.bias().length;
        ProductTable[] tables = new ProductTable[channels];
        for (int n = 0; n < channels; n++) {
          tables[n] = catalog.byName(lc.multiplierOf(n)).table();
        }
        int[] used = fixed.layer(lc.index()).weights().codes();
        double[] mean = ErrorOracle.meanErrors(l, ErrorOracle.inputs(s, Assignment.allExact(), lc.index()),
            before.weights().codes(), used, tables, before.input().zeroPoint(), before.input().signed());
        int[] delta = lc.biasDelta();
        for (int n = 0; n < channels; n++) {
          assertTrue(Math.abs(mean[n] + delta[n]) <= 0.5 + 1e-9, l.name() + " channel " + n);
        }
        assertArrayEquals(delta, cache.compute(a).layers().get(c.layers().indexOf(lc)).biasDelta());
        remapped += lc.remappedCodes();
      }
      assertTrue(remapped > 0, "bam_h2v8 must remap some codes");
      int[] all = java.util.stream.IntStream.range(0, calib.size()).toArray();
      Evaluation variant = s.evaluate(a, all, fixed);
      try (SimulationSession direct = TinyNets.session(m, fixed, calib, catalog, 2)) {
        Evaluation reference = direct.evaluate(a, all);
        assertEquals(reference.assignment().top1(), variant.assignment().top1());
        // The variant is compared with the uncompensated exact network of its own session.
        assertEquals(s.exactAccuracy(), variant.exactQuantized());
      }
    }
  }
}
