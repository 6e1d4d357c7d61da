package org.axdse.multipliers.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the default power simulation (65,536 pairs) takes per 8x8 netlist, for BENCHMARKS.md. The
 * only assertions are that repeated runs agree; timing is reported, never asserted.
 */
class PowerSimulationTimingTest {
  private static final int RUNS = 50;

  @Test
  void timeDefaultEvaluationOfAn8x8Array() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    Netlist exact = TestArrays.truncated(f, 0);
    CostModel model = CostModel.defaults();
    double[] act = new double[256];
    for (int i = 0; i < 256; i++) {
      act[i] = Math.exp(-i / 16.0);
    }
    double[] wgt = new double[256];
    java.util.Arrays.fill(wgt, 1);
    OperandDistribution layer = OperandDistribution.independent(f, act, wgt);
    double cached = time(() -> model.evaluate(exact));
    double sampled = time(() -> model.evaluate(exact, OperandDistribution.uniform(f), 7));
    double histogram = time(() -> model.evaluate(exact, layer, 7));
    OperandStream stream = model.defaultStream(f);
    double streamOnly = time(() -> OperandStream.sample(layer, model.streamLength(), 7));
    System.out.printf("power simulation of %s (%d cells), %d pairs, ms per netlist: %.2f cached default "
        + "stream, %.2f uniform with a fresh stream, %.2f layer histograms with a fresh stream "
        + "(sampling alone %.2f); figures %s%n", exact.name(), exact.cells().size(), stream.length(), cached,
        sampled, histogram, streamOnly, model.evaluate(exact));
  }

  private static <T> double time(Supplier<T> work) {
    T first = work.get();
    for (int i = 0; i < 20; i++) {
      assertEquals(first, work.get()); // warm-up, and the same inputs give the same answer
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < RUNS; i++) {
      work.get();
    }
    return (System.nanoTime() - t0) / 1e6 / RUNS;
  }
}
