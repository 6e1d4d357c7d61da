package org.axdse.simulator.kernels;

import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;

/**
 * When rows with a bilinear table ({@link BilinearForm}) take {@link BilinearKernel} instead of the byte-plane
 * lookups: {@link #AUTO} where the measured rule of {@link #chooses} says it is faster, {@link #ON} for every
 * bilinear table (tests), {@link #OFF} never (benchmarks of the table path). Results are identical in all three.
 * Chosen by the system property {@value #PROPERTY} ({@code auto}, the default, {@code on} or {@code off}).
 */
public enum BilinearPolicy {
  AUTO,
  ON,
  OFF;

  /** The system property that sets the policy. */
  public static final String PROPERTY = "axdse.bilinear";

  /**
   * The constants of the cost model ({@link #chooses}), per product or per word, in ns: {@code exact} the exact
   * GEMM per product, {@code table} the byte-plane lookups per product, {@code pairWord} one pair coefficient over
   * one 64-k word of 8 columns (AND, popcount, add) per column, {@code planeWord} packing one bit plane of a 64 x 64
   * activation tile per column.
   */
  record Costs(double exact, double table, double pairWord, double planeWord) {}

  /**
   * The Java kernels ({@link KernelMode#VECTOR}), measured on one core of the 2.6 GHz Xeon of docs/performance.md
   * on ResNet-20's 3x3 shapes: table 16.4 GMAC/s, float32 exact 50 GMAC/s, 0.69 ns per pair, 64 k and 8 columns,
   * 230 ns to pack one plane of a 64 x 64 tile.
   */
  static final Costs JAVA = new Costs(0.020, 0.061, 0.69 / 8, 230.0 / 64);

  /**
   * The native kernels ({@link KernelMode#NATIVE}: VNNI exact GEMM, C table lookups; the popcounts stay Java),
   * measured with {@code bench kernels --multiplier s8x8_trunc6} (15 pairs, 7 planes) on one core of the 2-vCPU
   * AMD EPYC (Zen 5) of docs/performance.md: exact 200-250 GMAC/s on the 32- and 64-channel 3x3 shapes, table
   * 24 GMAC/s; the pair and plane costs fitted to the bilinear path's 19.5, 33.8 and 46.6 GMAC/s on the 16-, 32-
   * and 64-channel 3x3 shapes (7.4, 8.5 and 12.4 ns per column; the model gives 5.8, 7.7 and 12.3).
   */
  static final Costs NATIVE = new Costs(0.005, 0.042, 0.055, 2.0);

  /** {@link #AUTO} takes the bilinear path only when the model predicts at least this saving. */
  static final double MARGIN = 0.9;

  /** The policy named by {@value #PROPERTY}. */
  public static BilinearPolicy fromSystemProperty() {
    String v = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto" -> AUTO;
      case "on" -> ON;
      case "off" -> OFF;
      default -> throw new BadInputException("-D" + PROPERTY + "=" + v + ": expected auto, on or off");
    };
  }

  /**
   * True when a row of {@code table} in a layer of reduction length {@code kLen}, in a block of {@code rows} rows
   * (which share one packing of the activation planes), takes the bilinear path, with the kernels' {@code costs}
   * ({@link #JAVA} or {@link #NATIVE}). {@link #AUTO} compares the cost model of the two paths, per output column:
   * the table path {@code K * table}; the bilinear path {@code K * exact + pairs * words * pairWord + planes * words
   * * planeWord / rows} ({@code words = ceil(K / 64)}), and takes it when that is below {@link #MARGIN} times the
   * table path. The constants were measured on ResNet-20's shapes (docs/performance.md); a table wider than 16
   * bits (scalar lookups) always takes it.
   */
  boolean chooses(LookupTable table, int kLen, int rows, Costs costs) {
    if (this == OFF) {
      return false;
    }
    BilinearTerms terms = table.bilinear();
    if (terms == null) {
      return false;
    }
    if (this == ON || !table.fits16Bits()) {
      return true;
    }
    return bilinearCost(terms.pairs(), Integer.bitCount(terms.planeMask()), kLen, rows, costs)
        < MARGIN * kLen * costs.table();
  }

  /** {@link #chooses} with the Java kernels' costs. */
  boolean chooses(LookupTable table, int kLen, int rows) {
    return chooses(table, kLen, rows, JAVA);
  }

  /** The bilinear path's modelled cost per output column (ns), see {@link #chooses}. */
  static double bilinearCost(int pairs, int planes, int kLen, int rows, Costs costs) {
    int words = (kLen + 63) >>> 6;
    return kLen * costs.exact() + pairs * words * costs.pairWord()
        + planes * words * costs.planeWord() / Math.max(1, rows);
  }
}
