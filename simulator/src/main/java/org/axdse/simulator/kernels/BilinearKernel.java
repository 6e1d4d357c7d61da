package org.axdse.simulator.kernels;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The bilinear path: rows whose table's error is a {@link BilinearForm} take an exact GEMM (run by the caller,
 * or here on {@link ShiftedWeights} when the terms shift the weights) plus this correction, {@code sum_k e(a, w) =
 * K c0 + sum_i alpha_i P_i(m) + sum_j beta_j Q_j(n) + sum_ij c_ij popcount(A_i(m) & W_j(n))} with the pair
 * coefficients left after the shift ({@link BilinearTerms}), where {@code P_i(m)} counts the k whose activation
 * code has bit i set, {@code Q_j(n)} the k whose weight code has bit j set, and {@code A_i(m)}, {@code W_j(n)} are
 * those bits packed along k ({@link ActivationPlanes}, {@link WeightPlanes}). Every term is an integer identity of
 * the table's entries, so the int32 sums (wrapping) equal the lookups' bit for bit.
 *
 * <p>The popcounts run on 8 columns per vector (one 512-bit vector of words over k per activation plane), 16
 * columns of two rows at a time: per pair, 64 k and vector one AND with the broadcast weight word, one {@code
 * vpopcntq} and one add; pairs of equal coefficient are summed before one multiply.
 */
final class BilinearKernel {
  private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
  private static final int STRIDE = ActivationPlanes.STRIDE;

  private static final ThreadLocal<Work> LOCAL = ThreadLocal.withInitial(Work::new);

  private BilinearKernel() {}

  /** Per-thread buffers. */
  static final class Work {
    long[] planes = new long[0];
    final int[] counts = new int[8 * STRIDE];
    final long[] transpose = new long[8 * 64];
    final int[] colTerm = new int[STRIDE];
    final long[] lanes = new long[32];
    final int[] pairBase = new int[64];
    int[] rows = new int[0];
    int[] pending = new int[0];
    int[] group = new int[0];

    /** The buffers for a block of {@code kLen} rows, with room for {@code rowCount} bilinear row indexes. */
    static Work get(int kLen, int rowCount) {
      Work s = LOCAL.get();
      int need = 8 * ((kLen + 63) >>> 6) * STRIDE;
      if (s.planes.length < need) {
        s.planes = new long[need];
      }
      if (s.rows.length < rowCount) {
        s.rows = new int[rowCount];
        s.pending = new int[rowCount];
        s.group = new int[rowCount];
      }
      return s;
    }

    int[] rows() {
      return rows;
    }
  }

  /**
   * Adds the error sums of the bilinear {@code rows[0 .. count)} to {@code c[n * ldc + col0 + m]}, which hold
   * their exact sums, over the block {@code a[aOff + k * lda + m]} ({@code m < cols <= 128}).
   */
  static void correct(boolean nativeExact, byte[] a, int aOff, int lda, int cols, WeightMatrix w, RowTables t,
      int[] rows, int count, int[] c, int ldc, int col0, Work s, Scratch scratch) {
    int kLen = w.cols();
    int mask = 0;
    int countMask = 0;
    for (int r = 0; r < count; r++) {
      mask |= t.table(rows[r]).bilinear().planeMask();
      countMask |= t.table(rows[r]).bilinear().alphaMask();
    }
    shiftedExact(nativeExact, a, aOff, lda, cols, w, t, rows, count, c, ldc, col0, s, scratch);
    ActivationPlanes.pack(a, aOff, lda, kLen, cols, mask, countMask, s.planes, s.counts, s.transpose);
    WeightPlanes wp = w.bitPlanes();
    long[] wb = wp.broadcast();
    int words = wp.words();
    long[] planes = s.planes;
    BilinearTerms last = null;
    int[] beta = null;
    int c0 = 0;
    int r = 0;
    while (r < count) {
      int n = rows[r];
      BilinearTerms terms = t.table(n).bilinear();
      if (terms != last) {
        BilinearForm f = terms.form();
        columnTerms(f.alpha(), mask, s.counts, cols, s.colTerm);
        for (int p = 0; p < terms.pairs(); p++) {
          s.pairBase[p] = slot(mask, terms.pairA(p)) * words * STRIDE;
        }
        beta = f.beta();
        c0 = f.c0();
        last = terms;
      }
      int n1 = r + 1 < count && t.table(rows[r + 1]).bilinear() == terms ? rows[r + 1] : -1;
      int rowTerm = rowTerm(kLen, c0, beta, wp, n);
      int rowTerm1 = n1 < 0 ? 0 : rowTerm(kLen, c0, beta, wp, n1);
      int cOff = n * ldc + col0;
      int cOff1 = n1 * ldc + col0;
      for (int m0 = 0; m0 < cols; m0 += 16) {
        pairs2(terms, planes, s.pairBase, m0, wb, n * 8 * words, (n1 < 0 ? n : n1) * 8 * words, words, s.lanes);
        int valid = Math.min(16, cols - m0);
        for (int i = 0; i < valid; i++) {
          c[cOff + m0 + i] += (int) s.lanes[i] + s.colTerm[m0 + i] + rowTerm;
        }
        for (int i = 0; n1 >= 0 && i < valid; i++) {
          c[cOff1 + m0 + i] += (int) s.lanes[16 + i] + s.colTerm[m0 + i] + rowTerm1;
        }
      }
      r += n1 < 0 ? 1 : 2;
    }
  }

  /** {@code K c0 + sum_j beta_j Q_j(n)}: the error sum's part that depends on row n only. */
  private static int rowTerm(int kLen, int c0, int[] beta, WeightPlanes wp, int n) {
    int v = kLen * c0;
    for (int j = 0; j < beta.length; j++) {
      v += beta[j] * wp.count(n, j);
    }
    return v;
  }

  /**
   * {@code lanes[i] = sum_ij c_ij popcount(A_i(m0 + i) & W_j(n0))} and {@code lanes[16 + i]} the same for row n1,
   * for 16 columns ({@code planes} has room for them: a block row is 128 columns), the weight words of the rows
   * from {@code wOff0 * 8} and {@code wOff1 * 8} in {@code wb}. Two rows share each activation load.
   */
  private static void pairs2(BilinearTerms terms, long[] planes, int[] pairBase, int m0, long[] wb, int wOff0,
      int wOff1, int words, long[] lanes) {
    LongVector z = LongVector.zero(L);
    LongVector t0 = z, t1 = z, t2 = z, t3 = z;
    for (int g = 0; g < terms.groups(); g++) {
      LongVector a0 = z, a1 = z, a2 = z, a3 = z;
      for (int p = terms.groupStart(g); p < terms.groupStart(g + 1); p++) {
        int ab = pairBase[p] + m0;
        int j = terms.pairW(p) * words;
        int w0 = (wOff0 + j) * 8;
        int w1 = (wOff1 + j) * 8;
        for (int q = 0; q < words; q++) {
          LongVector v0 = LongVector.fromArray(L, wb, w0 + 8 * q);
          LongVector v1 = LongVector.fromArray(L, wb, w1 + 8 * q);
          int at = ab + q * STRIDE;
          LongVector x0 = LongVector.fromArray(L, planes, at);
          LongVector x1 = LongVector.fromArray(L, planes, at + 8);
          a0 = a0.add(x0.and(v0).lanewise(VectorOperators.BIT_COUNT));
          a1 = a1.add(x1.and(v0).lanewise(VectorOperators.BIT_COUNT));
          a2 = a2.add(x0.and(v1).lanewise(VectorOperators.BIT_COUNT));
          a3 = a3.add(x1.and(v1).lanewise(VectorOperators.BIT_COUNT));
        }
      }
      long coef = terms.groupCoef(g);
      t0 = t0.add(a0.mul(coef));
      t1 = t1.add(a1.mul(coef));
      t2 = t2.add(a2.mul(coef));
      t3 = t3.add(a3.mul(coef));
    }
    t0.intoArray(lanes, 0);
    t1.intoArray(lanes, 8);
    t2.intoArray(lanes, 16);
    t3.intoArray(lanes, 24);
  }

  /**
   * The exact sums of the rows whose terms shift the weights ({@link ShiftedWeights}), one exact GEMM per distinct
   * shift (one for a per-layer assignment).
   */
  private static void shiftedExact(boolean nativeExact, byte[] a, int aOff, int lda, int cols, WeightMatrix w,
      RowTables t, int[] rows, int count, int[] c, int ldc, int col0, Work s, Scratch scratch) {
    int remaining = 0;
    for (int r = 0; r < count; r++) {
      if (t.table(rows[r]).bilinear().shift() != null) {
        s.pending[remaining++] = rows[r];
      }
    }
    while (remaining > 0) {
      int[] shift = t.table(s.pending[0]).bilinear().shift();
      int size = 0;
      int left = 0;
      for (int r = 0; r < remaining; r++) {
        int n = s.pending[r];
        if (java.util.Arrays.equals(shift, t.table(n).bilinear().shift())) {
          s.group[size++] = n;
        } else {
          s.pending[left++] = n;
        }
      }
      ShiftedWeights sw = w.shifted(shift);
      NativeWeights nw = nativeExact ? sw.nativeWeights() : null;
      boolean done = nw != null
          && nw.gemm(a, aOff, lda, cols, w.cols(), w.format().signed(), s.group, size, c, ldc, col0,
              scratch.nativeWork(w.cols()));
      if (!done) {
        BlockGemm.exactFloat(a, aOff, lda, cols, w.cols(), w.format().signed(), sw.floats(), sw.values(),
            sw.chunk(), s.group, size, c, ldc, col0, scratch);
      }
      remaining = left;
    }
  }

  /** {@code colTerm[m] = sum_i alpha[i] P_i(m)} from the plane counts. */
  private static void columnTerms(int[] alpha, int mask, int[] counts, int cols, int[] colTerm) {
    java.util.Arrays.fill(colTerm, 0, cols, 0);
    for (int i = 0; i < alpha.length; i++) {
      if (alpha[i] != 0) {
        int base = slot(mask, i) * STRIDE;
        for (int m = 0; m < cols; m++) {
          colTerm[m] += alpha[i] * counts[base + m];
        }
      }
    }
  }

  /** The slot of activation bit {@code bit} among the packed planes of {@code mask}. */
  private static int slot(int mask, int bit) {
    return Integer.bitCount(mask & ((1 << bit) - 1));
  }
}
