package org.axdse.simulator.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sums of a float design's layer with OCP MX block scales (issue 14): for each row {@code n} and column {@code
 * m}, {@code s = sum_b (P_b * wScale[n][b]) * aScale[b][m]} with {@code P_b = sum_{i in block b}
 * table[w[n][i]][x[i][m]]} in double, blocks in order, products within a block in order; {@code wScale} and {@code aScale} are powers of
 * two (the blocks' shared E8M0 scales). Lanes and the scalar tail compute exactly the same operations in the same
 * order, so the result is the scalar loop's bit for bit ({@link #sumsScalar}) on every tiling and thread count.
 * The gather per 8 columns from one 2 KB table row is {@link FloatTableGemm}'s; the block structure adds one
 * multiply-by-scale pair per block.
 */
public final class MxTableGemm {
  /** Columns of one tile. */
  public static final int TILE = ActivationPanel.TILE;

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private MxTableGemm() {}

  /**
   * Rows {@code [nFrom, nTo)} over {@code width <= TILE} columns: {@code out[(n - nFrom) * TILE + j]}. {@code
   * codes[i * TILE + j]} is the element code of position {@code i} (block order) in column {@code j}, {@code
   * aScale[b * TILE + j]} the activation scale of block {@code b} in column {@code j}; {@code w[n * k + i]} the
   * weight code and {@code wScale[n * blocks + b]} the weight scale; {@code blockStart} has {@code blocks + 1}
   * entries. {@code table[(w << 8) | a]} holds every product.
   */
  public static void sums(double[] table, int[] w, int k, int[] blockStart, double[] wScale, int nFrom, int nTo,
      int[] codes, double[] aScale, int width, double[] out) {
    int blocks = blockStart.length - 1;
    int v = D.length();
    for (int n = nFrom; n < nTo; n++) {
      int wRow = n * k;
      int o = (n - nFrom) * TILE;
      int j = 0;
      for (; j + v <= width; j += v) {
        DoubleVector total = DoubleVector.zero(D);
        for (int b = 0; b < blocks; b++) {
          DoubleVector partial = DoubleVector.zero(D);
          for (int i = blockStart[b]; i < blockStart[b + 1]; i++) {
            partial = partial.add(DoubleVector.fromArray(D, table, w[wRow + i] << 8, codes, i * TILE + j));
          }
          total = total.add(partial.mul(wScale[n * blocks + b]).mul(DoubleVector.fromArray(D, aScale, b * TILE + j)));
        }
        total.intoArray(out, o + j);
      }
      for (; j < width; j++) {
        out[o + j] = column(table, w, wRow, blockStart, wScale, n * blocks, codes, aScale, j);
      }
    }
  }

  /** {@link #sums} one column at a time, one product per step: the reference of tests. */
  public static void sumsScalar(double[] table, int[] w, int k, int[] blockStart, double[] wScale, int nFrom,
      int nTo, int[] codes, double[] aScale, int width, double[] out) {
    int blocks = blockStart.length - 1;
    for (int j = 0; j < width; j++) {
      for (int n = nFrom; n < nTo; n++) {
        out[(n - nFrom) * TILE + j] = column(table, w, n * k, blockStart, wScale, n * blocks, codes, aScale, j);
      }
    }
  }

  private static double column(double[] table, int[] w, int wRow, int[] blockStart, double[] wScale, int sRow,
      int[] codes, double[] aScale, int j) {
    double total = 0;
    for (int b = 0; b + 1 < blockStart.length; b++) {
      double partial = 0;
      for (int i = blockStart[b]; i < blockStart[b + 1]; i++) {
        partial += table[(w[wRow + i] << 8) + codes[i * TILE + j]];
      }
      total += partial * wScale[sRow + b] * aScale[b * TILE + j];
    }
    return total;
  }
}
