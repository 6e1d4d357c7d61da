package org.axdse.simulator.kernels;

import org.axdse.multipliers.table.MultiplierFormat;

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
  private final LookupTable[] tables;

  private PieceTables(MultiplierFormat format, byte[] planes, LookupTable[] tables) {
    this.format = format;
    this.planes = planes;
    this.tables = tables;
  }

  /**
   * The compiled piece tables {@code low} and {@code high} of an 8x8 integer format, every entry in {@code [0,
   * 65535]}; the one-pass planes are built from them (256 KB), the tables themselves are shared, not copied.
   */
  public static PieceTables of(LookupTable low, LookupTable high) {
    MultiplierFormat format = low.format();
    if (format.activationBits() != 8 || format.weightBits() != 8 || format.isFloat()) {
      throw new IllegalArgumentException("piece tables are 8x8 integer tables, not " + format);
    }
    if (!high.format().equals(format)) {
      throw new IllegalArgumentException("pieces of two formats: " + format + " and " + high.format());
    }
    byte[] planes = new byte[256 * ROW_BYTES];
    LookupTable[] tables = {low, high};
    for (int p = 0; p < 2; p++) {
      int[] byWeight = tables[p].byWeight();
      for (int w = 0; w < 256; w++) {
        for (int a = 0; a < 256; a++) {
          int v = byWeight[(w << 8) | a];
          if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("piece entry " + v + " outside [0, 65535]");
          }
          planes[w * ROW_BYTES + 512 * p + a] = (byte) v;
          planes[w * ROW_BYTES + 512 * p + 256 + a] = (byte) (v >> 8);
        }
      }
    }
    return new PieceTables(format, planes, tables);
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
    return tables[p].byWeight();
  }
}
