package org.axdse.simulator.kernels;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * A {@link ProductTable} compiled once into the forms the kernels read; build it once per table and cache it
 * (compiling a 8x8 table touches 64 Ki entries, a kernel call must not).
 *
 * <p>Three forms are kept: the products regrouped by weight code ({@code byWeight[w * 256 + a]}, the scalar
 * path's row per weight), and, when all products lie within 65,536 consecutive values (every 8xN table of
 * ordinary products does: signed ones in [-32768, 16384], unsigned ones in [0, 65025]), two byte planes per
 * weight code for the vector lookup path: a product {@code p} is stored as {@code q = p - base} with
 * {@code base} the smallest product, split into its low byte and its high byte, both unsigned, so that
 * {@code p = 256 * hi + lo + base}. An exact table is flagged so the kernels can use the exact integer GEMM
 * instead of lookups; all paths give identical sums.
 */
public final class LookupTable {
  /** Bytes per weight code in {@link #planes()}: a 256-byte low plane row, then a 256-byte high plane row. */
  static final int PLANE_ROW_BYTES = 512;

  private final ProductTable table;
  private final boolean exact;
  private final boolean useExactPath;
  private final int[] byWeight;
  private final byte[] planes;
  private final boolean[] zeroRow;
  private int zeroRows;
  private final int base;
  private volatile BilinearTerms bilinear;
  private volatile boolean bilinearChecked;

  private LookupTable(ProductTable table, boolean useExactPath) {
    this.table = table;
    this.useExactPath = useExactPath;
    MultiplierFormat f = table.format();
    int n = f.weightBits();
    int weights = 1 << n;
    this.exact = useExactPath && table.isExact();
    this.byWeight = new int[weights * 256];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int a = 0; a < 256; a++) {
      for (int w = 0; w < weights; w++) {
        int p = table.atIndex((a << n) | w);
        byWeight[w * 256 + a] = p;
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
    }
    this.base = (int) min;
    this.zeroRow = new boolean[weights];
    if (max - min <= 0xFFFF) {
      planes = new byte[weights * PLANE_ROW_BYTES];
      for (int w = 0; w < weights; w++) {
        boolean zero = true;
        for (int a = 0; a < 256; a++) {
          int p = byWeight[w * 256 + a];
          int q = p - base;
          zero &= p == 0;
          planes[w * PLANE_ROW_BYTES + a] = (byte) q;
          planes[w * PLANE_ROW_BYTES + 256 + a] = (byte) (q >> 8);
        }
        zeroRow[w] = zero;
        zeroRows += zero ? 1 : 0;
      }
    } else {
      planes = null;
    }
  }

  /** Compiles {@code table}. */
  public static LookupTable of(ProductTable table) {
    if (table == null) {
      throw new IllegalArgumentException("product table is required");
    }
    return new LookupTable(table, true);
  }

  /** Compiles {@code table} for the lookup paths even when it is exact: lets tests compare the two paths. */
  static LookupTable ofLookupOnly(ProductTable table) {
    return new LookupTable(table, false);
  }

  /**
   * Compiles {@code table} for the lookup paths even when it is exact, so that an exact table assigned under its
   * own name really goes through lookups (tests and benchmarks of the table path).
   */
  public static LookupTable lookupOnly(ProductTable table) {
    if (table == null) {
      throw new IllegalArgumentException("product table is required");
    }
    return new LookupTable(table, false);
  }

  /** The exact table of {@code format}, compiled. */
  public static LookupTable exact(MultiplierFormat format) {
    return new LookupTable(ProductTable.exact(format), true);
  }

  public ProductTable table() {
    return table;
  }

  public MultiplierFormat format() {
    return table.format();
  }

  /** True when every product is the exact one: the kernels then multiply instead of looking up. */
  public boolean isExact() {
    return exact;
  }

  /** True when all products lie within 65,536 consecutive values, so the byte-plane vector path applies. */
  public boolean fits16Bits() {
    return planes != null;
  }

  /**
   * The table's error as compiled bilinear terms ({@link BilinearForm#detect}, on first use), or null when the
   * error is not bilinear, the table is exact or it was compiled for the lookup paths only.
   */
  BilinearTerms bilinear() {
    if (!bilinearChecked) {
      BilinearForm f = exact || !useExactPath || table.format().isFloat() ? null : BilinearForm.detect(table);
      bilinear = f == null ? null : BilinearTerms.of(f);
      bilinearChecked = true;
    }
    return bilinear;
  }

  /** Products by weight code: entry {@code w * 256 + a} is the product of activation code a and weight code w. */
  int[] byWeight() {
    return byWeight;
  }

  /** The smallest product: the offset of the byte-plane encoding. */
  int planeBase() {
    return base;
  }

  /** Byte planes ({@link #PLANE_ROW_BYTES} per weight code), or null when a product needs more than 16 bits. */
  byte[] planes() {
    return planes;
  }

  /**
   * How the table kernel finds a row's lookups to skip: {@link #SKIP_NONE} (no weight code gives only zero
   * products), {@link #SKIP_CODE_ZERO} (only code 0 does: the leading codes of the row's code-sorted order) or
   * {@link #SKIP_FILTER} (others do: the row's codes are filtered one by one).
   */
  int skipKind() {
    return zeroRows == 0 ? SKIP_NONE : zeroRows == 1 && zeroRow[0] ? SKIP_CODE_ZERO : SKIP_FILTER;
  }

  static final int SKIP_NONE = 0;
  static final int SKIP_CODE_ZERO = 1;
  static final int SKIP_FILTER = 2;

  /** True when weight code {@code w} gives a zero product for every activation (lookups can be skipped). */
  boolean zeroRow(int w) {
    return zeroRow[w];
  }

  @Override
  public String toString() {
    return "LookupTable[" + table.format() + (exact ? ", exact" : fits16Bits() ? ", 16-bit" : ", wide") + "]";
  }
}
