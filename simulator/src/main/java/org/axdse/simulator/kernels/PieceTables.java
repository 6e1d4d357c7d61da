package org.axdse.simulator.kernels;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * Two 16-bit product tables read together: the low and high 16-bit pieces of one layer's wider products (a float
 * design's products in fixed-point units, {@code org.axdse.simulator.engine.FloatTablePieces}), compiled for
 * {@link Kernels#convPieces}, which sums both from one im2col panel. Entries are unsigned 16-bit
 * values; per weight code the four byte planes (piece 0 low, piece 0 high, piece 1 low, piece 1 high) lie in one
 * {@link #ROW_BYTES}-byte row, so one weight's lookups read one contiguous kilobyte. Immutable.
 */
public final class PieceTables {
  /** Bytes per weight code in {@link #planes()}: four 256-byte planes. */
  static final int ROW_BYTES = 1024;

  private final MultiplierFormat format;
  private final byte[] planes;
  private final int[][] byWeight;
  private final LookupTable[] tables;

  private PieceTables(MultiplierFormat format, byte[] planes, int[][] byWeight, LookupTable[] tables) {
    this.format = format;
    this.planes = planes;
    this.byWeight = byWeight;
    this.tables = tables;
  }

  /**
   * The pieces {@code low[(a << 8) | w]} and {@code high[(a << 8) | w]} (activation code a, weight code w, both
   * read as unsigned bytes) of an 8x8 {@code format}; every entry must lie in {@code [0, 65535]}.
   */
  public static PieceTables of(MultiplierFormat format, int[] low, int[] high) {
    if (format.activationBits() != 8 || format.weightBits() != 8 || format.isFloat()) {
      throw new IllegalArgumentException("piece tables are 8x8 integer tables, not " + format);
    }
    if (low.length != 1 << 16 || high.length != 1 << 16) {
      throw new IllegalArgumentException("each piece needs 65,536 entries");
    }
    byte[] planes = new byte[256 * ROW_BYTES];
    int[][] byWeight = new int[2][1 << 16];
    int[][] pieces = {low, high};
    for (int p = 0; p < 2; p++) {
      for (int a = 0; a < 256; a++) {
        for (int w = 0; w < 256; w++) {
          int v = pieces[p][(a << 8) | w];
          if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("piece entry " + v + " outside [0, 65535]");
          }
          byWeight[p][(w << 8) | a] = v;
          planes[w * ROW_BYTES + 512 * p + a] = (byte) v;
          planes[w * ROW_BYTES + 512 * p + 256 + a] = (byte) (v >> 8);
        }
      }
    }
    return new PieceTables(format, planes, byWeight, new LookupTable[] {
        LookupTable.lookupOnly(ProductTable.of(format, low)), LookupTable.lookupOnly(ProductTable.of(format, high))});
  }

  public MultiplierFormat format() {
    return format;
  }

  /** The byte planes, {@link #ROW_BYTES} per weight code. */
  byte[] planes() {
    return planes;
  }

  /** Piece {@code p} as an ordinary compiled table, for {@link VectorTableKernel} on blocks wider than 64. */
  LookupTable table(int p) {
    return tables[p];
  }

  /** Piece {@code p}'s values by weight code, {@code [w * 256 + a]}, for the scalar kernel. */
  int[] byWeight(int p) {
    return byWeight[p];
  }
}
