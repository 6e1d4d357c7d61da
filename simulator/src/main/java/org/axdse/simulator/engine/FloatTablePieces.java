package org.axdse.simulator.engine;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.PieceTables;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;

/**
 * A float design's layer run through the integer table kernels (issue 14: "the float path runs through the same
 * product-table kernels where the products fit an integer domain"). Every product value a layer can meet (each
 * 8-bit activation code's float code times each weight code the layer uses) is a multiple of one power of two
 * {@code 2^u}: in those units it is an integer {@code p}, and {@code p - base} ({@code base} the smallest) is cut
 * into 16-bit pieces, each an ordinary integer product table of at most 65,536 consecutive values, which the
 * kernels sum exactly in int32 at the table path's speed (one pass per piece; a convolution with two pieces reads
 * both in one pass, {@link Kernels#convPieces}). The exact sum is
 * {@code sum_i 2^(16 i) S_i + K * base} units.
 *
 * <p>Applies only where that exact sum is what the scalar double sum gives: when {@code K * max|p| < 2^53} every
 * partial sum of the double loop is exact, so the two agree bit for bit (E4M3, E3M4, E2M3 layers of ResNet-20 need
 * two pieces). Elsewhere (E5M2's 64-bit product span, or more than three pieces) {@link #of} returns null and the
 * layer keeps the double path.
 */
final class FloatTablePieces {
  private static final int MAX_PIECES = 3;

  private final int pieces;
  private final double scale;
  private final long kBase;
  private final WeightMatrix weights;
  private final RowTables[] tables;
  private final PieceTables both;

  private FloatTablePieces(int pieces, int unit, long base, int k, WeightMatrix weights, RowTables[] tables,
      PieceTables both) {
    this.pieces = pieces;
    this.scale = Math.scalb(1.0, unit);
    this.kBase = (long) k * base;
    this.weights = weights;
    this.tables = tables;
    this.both = both;
  }

  /**
   * The pieces of a layer with products {@code products[(w << 8) | a]} (weight code {@code w}, 8-bit activation
   * code {@code a}), weight codes {@code weightCodes} ({@code rows x k}), or null when the exact integer sum could
   * differ from the double sum or needs more than three pieces.
   */
  static FloatTablePieces of(double[] products, int[] weightCodes, int rows, int k, boolean signedInput,
      boolean onePass) {
    boolean[] used = new boolean[products.length >> 8];
    for (int w : weightCodes) {
      used[w] = true;
    }
    int unit = Integer.MAX_VALUE;
    int top = Integer.MIN_VALUE;
    for (int w = 0; w < used.length; w++) {
      for (int a = 0; used[w] && a < 256; a++) {
        double v = products[(w << 8) | a];
        if (!Double.isFinite(v)) {
          return null;
        }
        if (v != 0) {
          long mantissa = Double.doubleToRawLongBits(v) & ((1L << 52) - 1);
          int e = Math.getExponent(v);
          if (e < Double.MIN_EXPONENT) {
            return null;
          }
          unit = Math.min(unit, e - 52 + Long.numberOfTrailingZeros(mantissa | (1L << 52)));
          top = Math.max(top, e);
        }
      }
    }
    if (unit == Integer.MAX_VALUE) {
      unit = 0;
      top = 0;
    }
    // |p| < 2^(top - unit + 1); K * |p| < 2^53 keeps every partial sum of the double loop exact.
    if (top - unit + 1 + (64 - Long.numberOfLeadingZeros(k)) > 53) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int w = 0; w < used.length; w++) {
      for (int a = 0; used[w] && a < 256; a++) {
        long p = (long) Math.scalb(products[(w << 8) | a], -unit);
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
    }
    long range = max - min;
    int pieces = Math.max(1, (64 - Long.numberOfLeadingZeros(range) + 15) / 16);
    if (pieces > MAX_PIECES || (long) k * 0xFFFF > Integer.MAX_VALUE) {
      return null;
    }
    MultiplierFormat f = signedInput ? MultiplierFormat.signed8x8() : MultiplierFormat.unsigned8x8();
    RowTables[] tables = new RowTables[pieces];
    for (int i = 0; i < pieces; i++) {
      int[] t = new int[1 << 16];
      for (int w = 0; w < used.length; w++) {
        for (int a = 0; used[w] && a < 256; a++) {
          long q = (long) Math.scalb(products[(w << 8) | a], -unit) - min;
          t[(a << 8) | w] = (int) ((q >>> (16 * i)) & 0xFFFF);
        }
      }
      tables[i] = RowTables.ofLayer(LookupTable.of(ProductTable.of(f, t)), rows);
    }
    PieceTables both = onePass && pieces == 2 ? PieceTables.of(tables[0].table(0), tables[1].table(0)) : null;
    byte[] codes = new byte[weightCodes.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) weightCodes[i];
    }
    return new FloatTablePieces(pieces, unit, min, k, WeightMatrix.ofCodes(f, rows, k, codes), tables, both);
  }

  /** Pieces per product (kernel passes per layer call). */
  int pieces() {
    return pieces;
  }

  /** The kernels' piece sums of a convolution, {@code sums[i][n * M + m]}; column sums as {@link Kernels#conv}. */
  int[][] conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] columnSums, Kernels kernels) {
    int[][] sums = new int[pieces][g.outChannels() * batch * g.outHeight() * g.outWidth()];
    if (both != null) {
      kernels.convPieces(g, batch, input, padCode, weights, both, sums[0], sums[1], columnSums);
      return sums;
    }
    for (int i = 0; i < pieces; i++) {
      kernels.conv(g, batch, input, padCode, weights, tables[i], sums[i], i == 0 ? columnSums : null);
    }
    return sums;
  }

  /** The kernels' piece sums of a dense layer's panel, {@code sums[i][n * M + m]}. */
  int[][] gemm(ActivationPanel panel, Kernels kernels) {
    int[][] sums = new int[pieces][weights.rows() * panel.cols()];
    for (int i = 0; i < pieces; i++) {
      kernels.gemm(panel, weights, tables[i], sums[i]);
    }
    return sums;
  }

  /** The exact sum at {@code index} of the piece sums, as a double (exact: below 2^53 units of a power of two). */
  double sum(int[][] sums, int index) {
    long v = kBase + sums[0][index];
    if (pieces > 1) {
      v += (long) sums[1][index] << 16;
      if (pieces > 2) {
        v += (long) sums[2][index] << 32;
      }
    }
    return v * scale;
  }

}
