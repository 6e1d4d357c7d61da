package org.axdse.simulator.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sums of a float design's layer (issue 14): {@code s[n][m] = sum_k table[w[n][k]][x[k][m]]} in double, where
 * {@code table} holds the value of every product of a weight code {@code w} and an 8-bit activation code {@code x}
 * (row {@code w} at {@code w * 256}, 2 KB, so one row stays in L1 while a whole tile of columns reads it). Each
 * column is summed in {@code k} order, vector lanes and scalar tail alike, so the result is bit for bit the
 * scalar loop's (one double addition per product, no fused operation) whatever the tiling or thread count.
 *
 * <p>Why this shape: the scalar path looked up a 512 KB table indexed by (activation, weight) one product at a
 * time; here the weight of a (row, k) pair is fixed across the tile, so the tile's products are one gather from one
 * 2 KB row per vector of columns, added into accumulators that stay in registers for the whole sum.
 */
public final class FloatTableGemm {
  /** Columns of one tile: at most this many columns per {@link #sums} call. */
  public static final int TILE = ActivationPanel.TILE;

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private FloatTableGemm() {}

  /**
   * For rows {@code n} in {@code [nFrom, nTo)} and panel columns {@code [c0, c1)} ({@code c1 - c0 <= TILE}):
   * {@code out[(n - nFrom) * TILE + (m - c0)] = sum_k table[(w[n * k + kk] << 8) | (x[kk][m] & 0xFF)]}, in
   * {@code kk} order. {@code codes} is scratch of at least {@code k * TILE} ints.
   */
  public static void sums(double[] table, int[] w, int k, int nFrom, int nTo, ActivationPanel p, int c0, int c1,
      int[] codes, double[] out) {
    int width = check(k, p, c0, c1);
    unpack(p, k, c0, width, codes);
    int v = D.length();
    for (int n = nFrom; n < nTo; n++) {
      int wRow = n * k;
      int o = (n - nFrom) * TILE;
      int j = 0;
      for (; j + 4 * v <= width; j += 4 * v) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int kk = 0; kk < k; kk++) {
          int row = w[wRow + kk] << 8;
          int c = kk * TILE + j;
          s0 = s0.add(DoubleVector.fromArray(D, table, row, codes, c));
          s1 = s1.add(DoubleVector.fromArray(D, table, row, codes, c + v));
          s2 = s2.add(DoubleVector.fromArray(D, table, row, codes, c + 2 * v));
          s3 = s3.add(DoubleVector.fromArray(D, table, row, codes, c + 3 * v));
        }
        s0.intoArray(out, o + j);
        s1.intoArray(out, o + j + v);
        s2.intoArray(out, o + j + 2 * v);
        s3.intoArray(out, o + j + 3 * v);
      }
      for (; j + v <= width; j += v) {
        DoubleVector s = DoubleVector.zero(D);
        for (int kk = 0; kk < k; kk++) {
          s = s.add(DoubleVector.fromArray(D, table, w[wRow + kk] << 8, codes, kk * TILE + j));
        }
        s.intoArray(out, o + j);
      }
      for (; j < width; j++) {
        double s = 0;
        for (int kk = 0; kk < k; kk++) {
          s += table[(w[wRow + kk] << 8) + codes[kk * TILE + j]];
        }
        out[o + j] = s;
      }
    }
  }

  /**
   * The scalar loop {@link #sums} replaced, same contract and result: one column at a time, each row's sum in
   * {@code kk} order with one table lookup per product. The reference of tests and of {@code bench
   * float-designs}.
   */
  public static void sumsScalar(double[] table, int[] w, int k, int nFrom, int nTo, ActivationPanel p, int c0,
      int c1, int[] codes, double[] out) {
    int width = check(k, p, c0, c1);
    unpack(p, k, c0, width, codes);
    for (int j = 0; j < width; j++) {
      for (int n = nFrom; n < nTo; n++) {
        double s = 0;
        for (int kk = 0, wi = n * k; kk < k; kk++, wi++) {
          s += table[(w[wi] << 8) + codes[kk * TILE + j]];
        }
        out[(n - nFrom) * TILE + j] = s;
      }
    }
  }

  private static int check(int k, ActivationPanel p, int c0, int c1) {
    int width = c1 - c0;
    if (width <= 0 || width > TILE || p.rows() != k || c0 < 0 || c1 > p.cols()) {
      throw new IllegalArgumentException("columns [" + c0 + ", " + c1 + ") of a " + p.rows() + " x " + p.cols()
          + " panel for reduction " + k);
    }
    return width;
  }

  /** {@code codes[kk * TILE + j]}: the unsigned code of panel column {@code c0 + j} at row {@code kk}. */
  private static void unpack(ActivationPanel p, int k, int c0, int width, int[] codes) {
    byte[] data = p.data();
    int stride = p.stride();
    for (int kk = 0; kk < k; kk++) {
      int from = kk * stride + c0;
      for (int j = 0; j < width; j++) {
        codes[kk * TILE + j] = data[from + j] & 0xFF;
      }
    }
  }
}
