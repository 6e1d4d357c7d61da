package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatTableGemm} against the scalar loop it replaces ({@code s += table[w][x]} in {@code k} order, one
 * column at a time), bit for bit, on random tables whose values span many binades (so a different summation order
 * gives a different double, which the test checks it would notice), every tile width from 1 to 64, column offsets
 * inside a wider panel, and weight codes of 8 and 6 bits.
 */
class FloatTableGemmTest {
  private static double[] table(Random r, int weightCodes) {
    double[] t = new double[weightCodes << 8];
    for (int i = 0; i < t.length; i++) {
      t[i] = (r.nextBoolean() ? -1 : 1) * Math.scalb(1 + r.nextInt(1 << 16), r.nextInt(80) - 60);
    }
    return t;
  }

  private static double scalar(double[] table, int[] w, int k, int n, ActivationPanel p, int col, boolean reversed) {
    double s = 0;
    for (int i = 0; i < k; i++) {
      int kk = reversed ? k - 1 - i : i;
      s += table[(w[n * k + kk] << 8) + (p.get(kk, col) & 0xFF)];
    }
    return s;
  }

  @Test
  void everyTileWidthEqualsTheScalarLoopBitForBit() {
    Random r = new Random(14);
    int orderMatters = 0;
    int checked = 0;
    for (int bits : new int[] {8, 6}) {
      double[] table = table(r, 1 << bits);
      for (int width = 1; width <= FloatTableGemm.TILE; width++) {
        int k = 1 + r.nextInt(300);
        int rows = 1 + r.nextInt(20);
        int cols = width + r.nextInt(100);
        int c0 = r.nextInt(cols - width + 1);
        ActivationPanel p = ActivationPanel.allocate(k, cols);
        for (int kk = 0; kk < k; kk++) {
          for (int m = 0; m < cols; m++) {
            p.set(kk, m, (byte) r.nextInt(256));
          }
        }
        int[] w = new int[rows * k];
        for (int i = 0; i < w.length; i++) {
          w[i] = r.nextInt(1 << bits);
        }
        int nFrom = r.nextInt(rows);
        double[] out = new double[rows * FloatTableGemm.TILE];
        FloatTableGemm.sums(table, w, k, nFrom, rows, p, c0, c0 + width, new int[k * FloatTableGemm.TILE], out);
        for (int n = nFrom; n < rows; n++) {
          for (int j = 0; j < width; j++) {
            double want = scalar(table, w, k, n, p, c0 + j, false);
            double got = out[(n - nFrom) * FloatTableGemm.TILE + j];
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                "width " + width + " row " + n + " column " + (c0 + j) + ": " + want + " vs " + got);
            checked++;
            if (k > 1 && scalar(table, w, k, n, p, c0 + j, true) != want) {
              orderMatters++;
            }
          }
        }
      }
    }
    assertTrue(orderMatters > checked / 2, "the data must make the order visible: " + orderMatters + " of "
        + checked + " sums change when summed backwards");
  }
}
