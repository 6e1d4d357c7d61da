package org.axdse.simulator.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.axdse.multipliers.format.Accumulator;

/**
 * Sums of a float design's products, by table lookup, in a rounding accumulator (issue 14, {@code --accumulate
 * fp32|fp16|bf16} for float designs in the engine): {@code s = a.round(s + table[(w[n][kk] << 8) | x[kk][m]])} for
 * {@code kk} in order, from 0 ({@link Accumulator#EXACT}: the plain double sum). Each sum is a chain of dependent roundings; the lanes of a vector are independent
 * chains (one column each) and two vectors run side by side. A lane rounds as {@link Accumulator#round} does, to
 * nearest with ties to even: FP32 by the D2F conversion (the Java cast); FP16 and BF16 by adding half an ulp minus
 * one, plus the last kept bit, to the double's bits and clearing the dropped bits (normal values of the format), or
 * by adding and subtracting {@code 1.5 * 2^52} times the subnormal step (below the smallest normal), then overflow to
 * an infinity. The scalar tail calls {@link Accumulator#round}, so every sum is the scalar chain's, bit for bit.
 */
public final class RoundingTableSums {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

  private RoundingTableSums() {}

  /**
   * For rows {@code n} in {@code [n0, n1)} and columns {@code j} in {@code [0, width)}: {@code out[(n - n0) *
   * stride + j]} is the chain under {@code a} over {@code table[(w[n * k + kk] << 8) | codes[kk * width + j]]}.
   */
  public static void sums(double[] table, int[] w, int k, int n0, int n1, int[] codes, int width, double[] out,
      int stride, Accumulator a) {
    Rounding r = new Rounding(a);
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
          s0 = r.round(s0.add(DoubleVector.fromArray(D, table, row, codes, c)));
          s1 = r.round(s1.add(DoubleVector.fromArray(D, table, row, codes, c + v)));
        }
        s0.intoArray(out, o + j);
        s1.intoArray(out, o + j + v);
      }
      for (; j < width; j++) {
        double s = 0;
        for (int kk = 0; kk < k; kk++) {
          s = a.round(s + table[(w[wRow + kk] << 8) + codes[kk * width + j]]);
        }
        out[o + j] = s;
      }
    }
  }

  /** The lane-wise rounding of one accumulator. */
  private record Rounding(Accumulator a, int shift, long keep, double minNormal, double magic, double maxFinite) {
    Rounding(Accumulator a) {
      this(a, 52 - a.mantissaBits(), -(1L << (52 - a.mantissaBits())), Math.scalb(1.0, a.minExponent()),
          1.5 * Math.scalb(1.0, a.minExponent() - a.mantissaBits() + 52), a.maxFinite());
    }

    DoubleVector round(DoubleVector x) {
      if (a == Accumulator.EXACT) {
        return x;
      }
      if (a == Accumulator.FP32) {
        return (DoubleVector) x.convertShape(VectorOperators.D2F, F, 0).convertShape(VectorOperators.F2D, D, 0);
      }
      LongVector b = x.reinterpretAsLongs();
      LongVector lsb = b.lanewise(VectorOperators.LSHR, shift).and(1L);
      DoubleVector normal = b.add((1L << (shift - 1)) - 1).add(lsb).and(keep).reinterpretAsDoubles();
      DoubleVector subnormal = x.add(magic).sub(magic);
      VectorMask<Double> small = x.abs().lt(minNormal).and(x.compare(VectorOperators.NE, 0));
      DoubleVector r = normal.blend(subnormal, small);
      VectorMask<Double> over = r.abs().compare(VectorOperators.GT, maxFinite);
      DoubleVector inf = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY)
          .blend(Double.NEGATIVE_INFINITY, x.lt(0));
      return r.blend(inf, over);
    }
  }
}
