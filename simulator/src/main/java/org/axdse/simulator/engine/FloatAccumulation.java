package org.axdse.simulator.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.Accumulator;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.library.AccumulatedDesigns;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.RoundingTableSums;

/**
 * The accumulator of a float layer in the integer engine: exact sums unless the design's name asks for FP32, FP16
 * or BF16 ({@link AccumulatedDesigns}, {@code e4m3_exact_accfp32}), the same {@link Accumulator} as {@code evaluate
 * --number-format --accumulate}. A rounding accumulator sums each output's products in reduction order {@code k =
 * (c * kH + ky) * kW + kx} (dense: input order), starting from 0, rounding after every addition: one output on one
 * thread, so the same on every thread count, and the {@code --number-format} path's order and rounding.
 */
final class FloatAccumulation {
  private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

  private FloatAccumulation() {}

  /**
   * The accumulator of float design {@code m} on layer {@code layer}.
   *
   * @throws BadInputException one line naming the layer and the design when the accumulator cannot hold every
   *     finite product of the design's table exactly (as {@code --accumulate} refuses a narrow accumulator)
   */
  static Accumulator of(Multiplier m, String layer) {
    String label = AccumulatedDesigns.accumulator(m).orElse(null);
    if (label == null) {
      return Accumulator.EXACT;
    }
    Accumulator a = Accumulator.parse(label);
    CHECKED.computeIfAbsent(m.name() + "#" + m.table().contentHash(), key -> {
      ProductTable t = m.table();
      for (int i = 0; i < t.size(); i++) {
        FloatProduct p = FloatProduct.unpack(t.atIndex(i));
        double v = p.finite() ? p.value() : 0;
        if (!a.holds(v)) {
          throw new BadInputException("layer '" + layer + "': multiplier '" + m.name() + "': " + label
              + " accumulation is narrower than the design's products (" + v + " is not a " + label
              + " value); use a wider accumulator or exact sums");
        }
      }
      return true;
    });
    return a;
  }

  /**
   * Rows {@code [n0, n1)} against panel columns {@code [c0, c1)}: {@code out[(n - n0) * stride + col - c0]} is the
   * sum of {@code table[(w[n * k + kk] << 8) | code(kk, col)]} over {@code kk} in order, rounded by {@code a} after
   * every addition ({@link RoundingTableSums}: columns in vector lanes, each its own chain).
   */
  static void sums(double[] table, int[] w, int k, int n0, int n1, ActivationPanel p, int c0, int c1, Accumulator a,
      double[] out, int stride) {
    int width = c1 - c0;
    int[] codes = new int[width * k];
    for (int kk = 0; kk < k; kk++) {
      for (int j = 0; j < width; j++) {
        codes[kk * width + j] = p.get(kk, c0 + j) & 0xFF;
      }
    }
    RoundingTableSums.sums(table, w, k, n0, n1, codes, width, out, stride, a);
  }
}
