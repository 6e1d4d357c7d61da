package org.axdse.simulator.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code c[m][p] = sum_k a[m][k] * b[k][p]} in double, for the float-format path: when every product is exact in
 * double (two floats always are) and every partial sum fits 53 bits, the result is the exact sum, which is how the
 * exact (Kulisch) accumulation of minifloat products runs at SIMD speed. A tile of four rows by two vectors of
 * columns stays in registers for the whole sum; every element is summed in k order, vector lanes and scalar tails
 * alike, so results do not depend on the tiling or the thread count.
 */
public final class DoubleGemm {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

  private DoubleGemm() {}

  /** Row-major {@code a} ({@code m x k} at {@code aOff}), {@code b} ({@code k x p}), {@code c} ({@code m x p}). */
  public static void multiply(double[] a, int aOff, int m, int k, double[] b, int p, double[] c) {
    int v = D.length();
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int a0 = aOff + i * k;
      int j = 0;
      for (; j + 2 * v <= p; j += 2 * v) {
        DoubleVector c00 = DoubleVector.zero(D);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        for (int kk = 0, bo = j; kk < k; kk++, bo += p) {
          DoubleVector b0 = DoubleVector.fromArray(D, b, bo);
          DoubleVector b1 = DoubleVector.fromArray(D, b, bo + v);
          DoubleVector w0 = DoubleVector.broadcast(D, a[a0 + kk]);
          DoubleVector w1 = DoubleVector.broadcast(D, a[a0 + k + kk]);
          DoubleVector w2 = DoubleVector.broadcast(D, a[a0 + 2 * k + kk]);
          DoubleVector w3 = DoubleVector.broadcast(D, a[a0 + 3 * k + kk]);
          c00 = b0.fma(w0, c00);
          c01 = b1.fma(w0, c01);
          c10 = b0.fma(w1, c10);
          c11 = b1.fma(w1, c11);
          c20 = b0.fma(w2, c20);
          c21 = b1.fma(w2, c21);
          c30 = b0.fma(w3, c30);
          c31 = b1.fma(w3, c31);
        }
        int o = i * p + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + v);
        c10.intoArray(c, o + p);
        c11.intoArray(c, o + p + v);
        c20.intoArray(c, o + 2 * p);
        c21.intoArray(c, o + 2 * p + v);
        c30.intoArray(c, o + 3 * p);
        c31.intoArray(c, o + 3 * p + v);
      }
      for (int r = i; r < i + 4; r++) {
        scalarRow(a, aOff + r * k, k, b, p, j, c, r * p);
      }
    }
    for (; i < m; i++) {
      scalarRow(a, aOff + i * k, k, b, p, 0, c, i * p);
    }
  }

  private static void scalarRow(double[] a, int aRow, int k, double[] b, int p, int from, double[] c, int cRow) {
    for (int j = from; j < p; j++) {
      double s = 0;
      for (int kk = 0; kk < k; kk++) {
        s = Math.fma(a[aRow + kk], b[kk * p + j], s);
      }
      c[cRow + j] = s;
    }
  }
}
