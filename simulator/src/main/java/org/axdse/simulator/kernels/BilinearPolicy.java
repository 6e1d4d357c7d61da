package org.axdse.simulator.kernels;

import java.util.Locale;

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
   * Cost per column of the byte-plane table path, per product (ns): 16.4 GMAC/s on one core of the 2.6 GHz Xeon
   * of docs/performance.md, ResNet-20's 3x3 shapes.
   */
  static final double TABLE_NS = 0.061;

  /** The float32 exact GEMM per product (ns): 50 GMAC/s, same machine. */
  static final double EXACT_NS = 0.020;

  /** One pair coefficient over one 64-k word of 8 columns (AND, popcount, add), per column (ns). */
  static final double PAIR_WORD_NS = 0.69 / 8;

  /** Packing one bit plane of a 64 x 64 activation tile (mask extraction and bit transpose), per column (ns). */
  static final double PLANE_WORD_NS = 230.0 / 64;

  /** {@link #AUTO} takes the bilinear path only when the model predicts at least this saving. */
  static final double MARGIN = 0.9;

  /** The policy named by {@value #PROPERTY}. */
  public static BilinearPolicy fromSystemProperty() {
    String v = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto" -> AUTO;
      case "on" -> ON;
      case "off" -> OFF;
      default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + v + ": expected auto, on or off");
    };
  }

  /**
   * True when a row of {@code table} in a layer of reduction length {@code kLen}, in a block of {@code rows} rows
   * (which share one packing of the activation planes), takes the bilinear path. {@link #AUTO} compares the cost
   * model of the two paths, per output column: the table path {@code K * TABLE_NS}; the bilinear path {@code K *
   * EXACT_NS + pairs * words * PAIR_WORD_NS + planes * words * PLANE_WORD_NS / rows} ({@code words = ceil(K /
   * 64)}), and takes it when that is below {@link #MARGIN} times the table path. The constants were measured on
   * ResNet-20's shapes (docs/performance.md); a table wider than 16 bits (scalar lookups) always takes it.
   */
  boolean chooses(LookupTable table, int kLen, int rows) {
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
    return bilinearCost(terms.pairs(), Integer.bitCount(terms.planeMask()), kLen, rows) < MARGIN * kLen * TABLE_NS;
  }

  /** The bilinear path's modelled cost per output column (ns), see {@link #chooses}. */
  static double bilinearCost(int pairs, int planes, int kLen, int rows) {
    int words = (kLen + 63) >>> 6;
    return kLen * EXACT_NS + pairs * words * PAIR_WORD_NS + planes * words * PLANE_WORD_NS / Math.max(1, rows);
  }
}
