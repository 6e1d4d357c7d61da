package org.axdse.simulator.compensation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightTuningTest {
  @TempDir Path dir;

  /** Brute force: the mean squared error of storing {@code used} for {@code w} under the histogram. */
  private static double mse(ProductTable t, long[] counts, int za, int w, int used) {
    double s = 0;
    long n = 0;
    for (int code = 0; code < 256; code++) {
      int a = t.format().signed() ? (byte) code : code;
      double e = t.product(a, used) - (double) a * w - (double) za * (used - w);
      s += counts[code] * e * e;
      n += counts[code];
    }
    return s / n;
  }

  @Test
  void aMultiplierThatAddsOneWeightStepIsUndoneExactly() {
    // M(a, w) = a * (w + 1): storing w - 1 gives a * w exactly, so every code above qmin moves down by one.
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.UNSIGNED);
    int[] p = new int[f.tableSize()];
    for (int i = 0; i < p.length; i++) {
      p[i] = f.activationAt(i) * (f.weightAt(i) + 1);
    }
    ProductTable t = ProductTable.of(f, p);
    long[] counts = new long[256];
    counts[3] = 5;
    counts[200] = 1;
    int[] r = WeightTuning.remap(t, counts, 0, 0, 15);
    for (int w = 1; w <= 15; w++) {
      assertEquals(w - 1, r[w], "code " + w);
    }
    assertEquals(0, r[0], "0 has no better code: 0 -> 0 costs a^2, nothing is lower");
  }

  @ParameterizedTest
  @CsvSource({"SYMMETRIC, s8x8_bam_h2v8, 8", "ASYMMETRIC, u8x8_drum4, 8", "SYMMETRIC, s8x4_ama5_c6, 4",
      "ASYMMETRIC, u8x8_trunc8, 8"})
  void changedCodesAreOptimalAndNeverWorse(QuantMode mode, String multiplier, int bits) {
    TinyNets nets = new TinyNets(5);
    Model m = nets.cnn(dir);
    Dataset calib = nets.images(m, 24, 5);
    QuantizedModel q = TinyNets.quantize(m, calib, TinyNets.config(mode, true, bits), 5);
    Assignment a = Assignment.uniform(m.approximableLayers().stream().map(ApproximableLayer::name).toList(),
        multiplier);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    Compensation c = compute(m, q, a, calib, catalog);
    ProductTable t = catalog.byName(multiplier).table();
    int changed = 0;
    for (LayerCompensation lc : c.layers()) {
      LayerQuantization l = q.layer(lc.index());
      int za = l.input().zeroPoint();
      int lo = l.weights().params().get(0).qmin();
      int hi = l.weights().params().get(0).qmax();
      for (Map.Entry<Integer, Integer> e : lc.remaps().get(multiplier).entrySet()) {
        int w = e.getKey();
        int u = e.getValue();
        assertTrue(u >= lo && u <= hi, "tuned code " + u + " outside [" + lo + ", " + hi + "]");
        double tuned = mse(t, l.activationCounts(), za, w, u);
        assertTrue(tuned < mse(t, l.activationCounts(), za, w, w), "code " + w + " -> " + u + " is not better");
        for (int other = lo; other <= hi; other++) {
          assertTrue(tuned <= mse(t, l.activationCounts(), za, w, other), "code " + other + " beats " + u
              + " for " + w);
        }
        changed++;
      }
      int[] before = l.weights().codes();
      int[] after = c.applyTo(q).layer(lc.index()).weights().codes();
      for (int i = 0; i < before.length; i++) {
        assertEquals(lc.tuned(i / l.weights().perChannel(), before[i]), after[i]);
      }
    }
    assertTrue(changed > 0, "an approximate multiplier must change some code");
  }

  @ParameterizedTest
  @CsvSource({"SYMMETRIC, s8x8_wallace", "ASYMMETRIC, u8x8_dadda"})
  void exactMultipliersChangeNothing(QuantMode mode, String multiplier) {
    TinyNets nets = new TinyNets(6);
    Model m = nets.cnn(dir);
    Dataset calib = nets.images(m, 16, 5);
    QuantizedModel q = TinyNets.quantize(m, calib, TinyNets.config(mode, false, 8), 5);
    Assignment a = Assignment.uniform(m.approximableLayers().stream().map(ApproximableLayer::name).toList(),
        multiplier);
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    ProductTable t = catalog.byName(multiplier).table();
    LayerQuantization l = q.layer(0);
    int lo = l.weights().params().get(0).qmin();
    int hi = l.weights().params().get(0).qmax();
    int[] r = WeightTuning.remap(t, l.activationCounts(), l.input().zeroPoint(), lo, hi);
    for (int w = lo; w <= hi; w++) {
      assertEquals(w, r[w - lo]);
    }
    // A table-exact multiplier resolves to the exact path: nothing to compensate, the model is unchanged.
    Compensation c = compute(m, q, a, calib, catalog);
    QuantizedModel after = c.applyTo(q);
    for (int i = 0; i < q.layers().size(); i++) {
      assertArrayEquals(q.layer(i).weights().codes(), after.layer(i).weights().codes());
    }
  }

  private static Compensation compute(Model m, QuantizedModel q, Assignment a, Dataset calib,
      MultiplierCatalog catalog) {
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return Compensator.compute(m, q, a, catalog, calib, CompensationMethod.WEIGHTS, BiasOrder.EXACT_INPUTS, k);
    }
  }
}
