package org.axdse.simulator.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums of a float design's products, by table lookup, in an FP32 accumulator (issue 14, {@code --accumulate fp32}
 * for float designs in the engine): {@code s = (float) (s + table[(w[n][kk] << 8) | x[kk][m]])} for {@code kk} in
 * order, from 0. Each sum is a chain of dependent roundings; the lanes of a vector are independent chains (one
 * column each), two vectors run side by side, and a lane's operations are the scalar loop's (the vector D2F
 * conversion rounds as the Java cast: to nearest, ties to even), so every sum equals the scalar chain bit for bit.
 */
public final class Fp32TableSums {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

  private Fp32TableSums() {}

  /**
   * For rows {@code n} in {@code [n0, n1)} and columns {@code j} in {@code [0, width)}: {@code out[(n - n0) *
   * stride + j]} is the FP32 chain over {@code table[(w[n * k + kk] << 8) | codes[kk * width + j]]}.
   */
  public static void sums(double[] table, int[] w, int k, int n0, int n1, int[] codes, int width, double[] out,
      int stride) {
    int v = D.length();
    for (int n = n0; n < n1; n++) {
      int wRow = n * k;
      int o = (n - n0) * stride;
      int j = 0;
      for (; j + 2 * v <= width; j += 2 * v) {
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        for (int kk = 0; kk < k; kk++) {
          int row = w[wRow + kk] << 8;
          int c = kk * width + j;
          s0 = fp32(s0.add(DoubleVector.fromArray(D, table, row, codes, c)));
          s1 = fp32(s1.add(DoubleVector.fromArray(D, table, row, codes, c + v)));
        }
        s0.intoArray(out, o + j);
        s1.intoArray(out, o + j + v);
      }
      for (; j < width; j++) {
        double s = 0;
        for (int kk = 0; kk < k; kk++) {
          s = (float) (s + table[(w[wRow + kk] << 8) + codes[kk * width + j]]);
        }
        out[o + j] = s;
      }
    }
  }

  private static DoubleVector fp32(DoubleVector x) {
    return (DoubleVector) x.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
  }
}
