package org.axdse.simulator.kernels;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The 16-bit tables of a {@link RowTables} laid out for the native table kernel ({@link NativeKernels#table}): the
 * byte planes of every distinct table ({@link LookupTable#planes()}) in one array, and per row the offset of its
 * table's planes and its base. Rows whose table needs more than 16 bits have offset -1 (they never reach the
 * kernel). Immutable.
 */
final class NativeTables {
  private final byte[] planes;
  private final int[] rowPlane;
  private final int[] rowBase;
  private final int codeCount;

  private NativeTables(byte[] planes, int[] rowPlane, int[] rowBase, int codeCount) {
    this.planes = planes;
    this.rowPlane = rowPlane;
    this.rowBase = rowBase;
    this.codeCount = codeCount;
  }

  static NativeTables of(RowTables t) {
    Map<LookupTable, Integer> offsets = new IdentityHashMap<>();
    int size = 0;
    for (int n = 0; n < t.rows(); n++) {
      byte[] p = t.table(n).planes();
      if (p != null && !offsets.containsKey(t.table(n))) {
        offsets.put(t.table(n), size);
        size += p.length;
      }
    }
    byte[] planes = new byte[size];
    offsets.forEach((table, at) -> System.arraycopy(table.planes(), 0, planes, at, table.planes().length));
    int[] rowPlane = new int[t.rows()];
    int[] rowBase = new int[t.rows()];
    for (int n = 0; n < t.rows(); n++) {
      rowPlane[n] = offsets.getOrDefault(t.table(n), -1);
      rowBase[n] = t.table(n).planes() != null ? t.table(n).planeBase() : 0;
    }
    return new NativeTables(planes, rowPlane, rowBase, 1 << t.format().weightBits());
  }

  /**
   * Runs the listed table rows of one block (see {@link NativeKernels#table}); false when the kernel could not
   * run (nothing written).
   */
  boolean rows(byte[] a, int aOff, int lda, int cols, WeightMatrix w, int[] rows, int[] skip, int count, int[] c,
      int ldc, int col0) {
    return NativeKernels.table(a, aOff, lda, cols, w.cols(), w.codesArray(), w.byCodeArray(), rows, skip, count,
        planes, rowPlane, rowBase, codeCount, c, ldc, col0);
  }
}
