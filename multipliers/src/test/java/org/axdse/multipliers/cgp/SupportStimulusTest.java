package org.axdse.multipliers.cgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.metrics.ErrorMetrics;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class SupportStimulusTest {
  /** A layer-like distribution: ReLU activations (codes 0..100, many zeros), weights bunched around 0. */
  static OperandDistribution layerLike(org.axdse.multipliers.table.MultiplierFormat f, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] act = new double[256];
    act[0] = 500;
    for (int a = 1; a <= 100; a++) {
      act[a] = r.nextInt(50);
    }
    double[] w = new double[1 << f.weightBits()];
    for (int i = 0; i < w.length; i++) {
      int code = f.signed() && i >= w.length / 2 ? i - w.length : i;
      w[i] = Math.abs(code) < 20 ? 1 + r.nextInt(30) : 0;
    }
    return OperandDistribution.independent(f, act, w);
  }

  @Test
  void weightedErrorEqualsTheBruteForceSumOverAllPairs() {
    for (String name : new String[] {"s8x8_trunc8", "u8x8_drum4", "s8x8_mitchell", "u8x4_ama5_c6"}) {
      Multiplier m = BuiltinLibrary.byName(name).orElseThrow();
      OperandDistribution d = layerLike(m.format(), 11);
      WeightedError e = SupportStimulus.of(d).error(m.netlist());
      ProductTable t = m.table();
      double mean = 0;
      double mae = 0;
      double mse = 0;
      double signal = 0;
      double abs = 0;
      for (int i = 0; i < t.size(); i++) {
        double p = d.probabilityAt(i);
        double x = t.exactAtIndex(i);
        double err = t.atIndex(i) - x;
        mean += p * err;
        mae += p * Math.abs(err);
        mse += p * err * err;
        signal += p * x * x;
        abs += p * Math.abs(x);
      }
      double tol = 1e-9;
      assertEquals(mean, e.meanError(), tol * (1 + Math.abs(mean)), name);
      assertEquals(mae, e.mae(), tol * (1 + mae), name);
      assertEquals(mse, e.mse(), tol * (1 + mse), name);
      assertEquals(signal, e.signalPower(), tol * signal, name);
      assertEquals(abs, e.meanAbsProduct(), tol * abs, name);
      assertTrue(mse > 0, name + " is approximate on this support");
      ErrorMetrics metrics = ErrorMetrics.of(t, d);
      assertEquals(metrics.mse(), e.mse(), tol * (1 + mse), name + " agrees with ErrorMetrics");
      assertEquals(mse / signal, ErrorMeasure.MSE.of(e), 1e-12);
      assertEquals((mse - mean * mean) / signal, ErrorMeasure.VARIANCE.of(e), 1e-12);
      assertEquals(mae / abs, ErrorMeasure.MAE.of(e), 1e-12);
    }
  }

  @Test
  void theSupportIsThePairsOfPositiveProbability() {
    OperandDistribution d = layerLike(BuiltinLibrary.byName("s8x8_trunc8").orElseThrow().format(), 2);
    int count = 0;
    for (int i = 0; i < d.format().tableSize(); i++) {
      count += d.probabilityAt(i) > 0 ? 1 : 0;
    }
    assertEquals(count, SupportStimulus.of(d).size());
    assertTrue(count < d.format().tableSize() / 4);
  }
}
