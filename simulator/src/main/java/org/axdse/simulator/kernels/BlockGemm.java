package org.axdse.simulator.kernels;

/**
 * Computes rows {@code [rowFrom, rowTo)} of C over one block of at most 128 columns, sending each row to its
 * path: exact rows to {@link FloatExactKernel} (float32 FMA over k in chunks of exact sums; {@link
 * VectorExactKernel} only for formats whose chunk would be too short), rows with 16-bit tables to
 * {@link VectorTableKernel}, all others (and every row in {@link KernelMode#SCALAR}, or of a block narrower than
 * {@link #MIN_VECTOR_COLUMNS}) to {@link ScalarKernel}.
 */
final class BlockGemm {
  /**
   * Narrower blocks (a dense layer at batch 1, say) take the scalar path: a 64-lane vector would compute mostly
   * padding columns, and one scalar lookup per product is then faster.
   */
  static final int MIN_VECTOR_COLUMNS = 8;

  private BlockGemm() {}

  /**
   * The activation block is {@code a[aOff + k * lda + i]} for {@code k < K}, {@code i < cols}, readable up to
   * whole 64-column tiles; row n of the block's result goes to {@code c[n * ldc + col0 + i]}.
   */
  static void compute(KernelMode mode, byte[] a, int aOff, int lda, int cols, WeightMatrix w, RowTables t,
      int rowFrom, int rowTo, int[] c, int ldc, int col0, Scratch s) {
    compute(mode, BilinearPolicy.OFF, a, aOff, lda, cols, w, t, rowFrom, rowTo, c, ldc, col0, s);
  }

  /** As above; rows whose table {@code bilinear} chooses take the exact path plus {@link BilinearKernel}. */
  static void compute(KernelMode mode, BilinearPolicy bilinear, byte[] a, int aOff, int lda, int cols,
      WeightMatrix w, RowTables t, int rowFrom, int rowTo, int[] c, int ldc, int col0, Scratch s) {
    int kLen = w.cols();
    byte[] codes = w.codesArray();
    boolean vector = mode.vector() && cols >= MIN_VECTOR_COLUMNS;
    int exactCount = 0;
    BilinearKernel.Work bw = null;
    int bilinearCount = 0;
    boolean nativeTables = mode.nativeTables();
    BilinearPolicy.Costs costs = mode.nativeExact() ? BilinearPolicy.NATIVE : BilinearPolicy.JAVA;
    int tableCount = 0;
    for (int n = rowFrom; n < rowTo; n++) {
      LookupTable table = t.table(n);
      int cOff = n * ldc + col0;
      if (vector && table.isExact()) {
        s.rows[exactCount++] = n;
      } else if (vector && bilinear.chooses(table, kLen, rowTo - rowFrom, costs)) {
        bw = bw == null ? BilinearKernel.Work.get(kLen, rowTo - rowFrom) : bw;
        bw.rows()[bilinearCount++] = n;
        if (table.bilinear().shift() == null) {
          s.rows[exactCount++] = n;
        }
      } else if (vector && table.fits16Bits() && nativeTables) {
        s.tableRows[tableCount] = n;
        s.tableSkip[tableCount++] = table.skipKind() == LookupTable.SKIP_CODE_ZERO ? w.zeroCodes(n) : 0;
      } else if (vector && table.fits16Bits() && TwoTableSelect.AVAILABLE) {
        VectorTableKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, w.byCodeArray(), w.zeroCodes(n), table,
            s.ks, s.sums, c, cOff);
      } else {
        ScalarKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, table.byWeight(), s.acc, c, cOff);
      }
    }
    if (tableCount > 0) {
      nativeTableRows(a, aOff, lda, cols, w, t, tableCount, c, ldc, col0, s);
    }
    if (exactCount > 0) {
      exact(mode.nativeExact(), a, aOff, lda, cols, w, t.format().signed(), s.rows, exactCount, c, ldc, col0, s);
    }
    if (bilinearCount > 0) {
      BilinearKernel.correct(mode.nativeExact(), a, aOff, lda, cols, w, t, bw.rows(), bilinearCount, c, ldc, col0,
          bw, s);
    }
  }

  /**
   * The rows collected in {@code s.tableRows} through the native table kernel (its zero-row skipping: the leading
   * code-0 weights where only code 0 has an all-zero row; rows of other tables visit every k, adding zeros), or
   * through the Java table path if the kernel could not run (an array it could not pin).
   */
  private static void nativeTableRows(byte[] a, int aOff, int lda, int cols, WeightMatrix w, RowTables t,
      int count, int[] c, int ldc, int col0, Scratch s) {
    if (t.nativeTables().rows(a, aOff, lda, cols, w, s.tableRows, s.tableSkip, count, c, ldc, col0)) {
      return;
    }
    int kLen = w.cols();
    for (int i = 0; i < count; i++) {
      int n = s.tableRows[i];
      if (TwoTableSelect.AVAILABLE) {
        VectorTableKernel.row(a, aOff, lda, kLen, cols, w.codesArray(), n * kLen, w.byCodeArray(), w.zeroCodes(n),
            t.table(n), s.ks, s.sums, c, n * ldc + col0);
      } else {
        ScalarKernel.row(a, aOff, lda, kLen, cols, w.codesArray(), n * kLen, t.table(n).byWeight(), s.acc, c,
            n * ldc + col0);
      }
    }
  }

  private static void exact(boolean nativeExact, byte[] a, int aOff, int lda, int cols, WeightMatrix w,
      boolean signed, int[] rows, int count, int[] c, int ldc, int col0, Scratch s) {
    int kLen = w.cols();
    NativeWeights nw = nativeExact ? w.nativeWeights() : null;
    if (nw != null && nw.gemm(a, aOff, lda, cols, kLen, signed, rows, count, c, ldc, col0, s.nativeWork(kLen))) {
      return;
    }
    int tiles = cols > 64 ? 2 : 1;
    if (FloatExactKernel.chunk(w.format()) >= FloatExactKernel.MIN_CHUNK) {
      exactFloat(a, aOff, lda, cols, kLen, signed, w.floatValuesArray(), w.valuesArray(),
          FloatExactKernel.chunk(w.format()), rows, count, c, ldc, col0, s);
      return;
    }
    VectorExactKernel.widen(a, aOff, lda, kLen, tiles, signed, s.wide);
    int[] wv = w.valuesArray();
    for (int t = 0; t < tiles; t++) {
      int valid = Math.min(64, cols - 64 * t);
      int col = col0 + 64 * t;
      int i = 0;
      for (; i + 2 <= count; i += 2) {
        int n0 = rows[i];
        int n1 = rows[i + 1];
        VectorExactKernel.rows2(s.wide, 64 * t, kLen, wv, n0 * kLen, n1 * kLen, c, n0 * ldc + col, n1 * ldc + col,
            valid, s.acc);
      }
      for (; i < count; i++) {
        VectorExactKernel.row1(s.wide, 64 * t, kLen, wv, rows[i] * kLen, c, rows[i] * ldc + col, valid,
            s.acc);
      }
    }
  }

  /**
   * As {@link #exact} through {@link FloatExactKernel} with weight values {@code fv} (floats) and {@code wv} (the
   * same as ints), k in chunks of {@code chunk} ({@link FloatExactKernel#chunk}: one chunk for signed 8x8 layers up
   * to K = 1,024), whose exact float sums are added in int32.
   */
  static void exactFloat(byte[] a, int aOff, int lda, int cols, int kLen, boolean signed, float[] fv, int[] wv,
      int chunk, int[] rows, int count, int[] c, int ldc, int col0, Scratch s) {
    int tiles = cols > 64 ? 2 : 1;
    FloatExactKernel.widen(a, aOff, lda, kLen, tiles, signed, s.wideFloat);
    for (int k0 = 0; k0 < kLen; k0 += chunk) {
      int k1 = (int) Math.min(kLen, (long) k0 + chunk);
      boolean add = k0 > 0;
      for (int t = 0; t < tiles; t++) {
        int valid = Math.min(64, cols - 64 * t);
        int col = col0 + 64 * t;
        int i = 0;
        for (; i + 4 <= count; i += 4) {
          for (int j = 0; j < 4; j++) {
            s.cOffs[j] = rows[i + j] * ldc + col;
          }
          FloatExactKernel.rows4(s.wideFloat, 64 * t, k0, k1, fv, rows[i] * kLen, rows[i + 1] * kLen,
              rows[i + 2] * kLen, rows[i + 3] * kLen, c, s.cOffs, valid, add, s.accFloat);
        }
        for (; i + 2 <= count; i += 2) {
          int n0 = rows[i];
          int n1 = rows[i + 1];
          FloatExactKernel.rows2(s.wideFloat, 64 * t, k0, k1, wv, n0 * kLen, n1 * kLen, c, n0 * ldc + col,
              n1 * ldc + col, valid, add, s.accFloat);
        }
        for (; i < count; i++) {
          FloatExactKernel.row1(s.wideFloat, 64 * t, k0, k1, wv, rows[i] * kLen, c, rows[i] * ldc + col, valid,
              add, s.accFloat);
        }
      }
    }
  }
}
