package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact fast path: int32 multiply-add GEMM for rows whose table is the exact one. The activation block is
 * widened once to ints ({@link #widen}) and then shared by all exact rows; a 4-row x 64-column register block
 * (16 accumulators) keeps each activation load used four times. Sums wrap modulo 2^32 like the scalar path.
 */
final class VectorExactKernel {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;

  /** Ints per widened k row: a block of up to two 64-column tiles. */
  static final int WIDE = 128;

  private VectorExactKernel() {}

  /** Widens {@code tiles} 64-column tiles of the block to {@code dst[k * WIDE + col]} (sign- or zero-extended). */
  static void widen(byte[] a, int aOff, int lda, int kLen, int tiles, boolean signed, int[] dst) {
    VectorOperators.Conversion<Byte, Integer> conv =
        signed ? VectorOperators.B2I : VectorOperators.ZERO_EXTEND_B2I;
    for (int k = 0; k < kLen; k++) {
      for (int t = 0; t < tiles; t++) {
        ByteVector x = ByteVector.fromArray(B, a, aOff + k * lda + 64 * t);
        for (int p = 0; p < 4; p++) {
          ((IntVector) x.convertShape(conv, I, p)).intoArray(dst, k * WIDE + 64 * t + 16 * p);
        }
      }
    }
  }

  /** Rows r0..r3 (weight values at {@code wv[wOff[r] + k]}) over one tile at {@code t0} of the widened block. */
  static void rows4(int[] aw, int t0, int kLen, int[] wv, int w0, int w1, int w2, int w3, int[] c,
      int c0, int c1, int c2, int c3, int valid) {
    IntVector z = IntVector.zero(I);
    IntVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
    IntVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      IntVector a0 = IntVector.fromArray(I, aw, base);
      IntVector a1 = IntVector.fromArray(I, aw, base + 16);
      IntVector a2 = IntVector.fromArray(I, aw, base + 32);
      IntVector a3 = IntVector.fromArray(I, aw, base + 48);
      int v = wv[w0 + k];
      s00 = a0.mul(v).add(s00);
      s01 = a1.mul(v).add(s01);
      s02 = a2.mul(v).add(s02);
      s03 = a3.mul(v).add(s03);
      v = wv[w1 + k];
      s10 = a0.mul(v).add(s10);
      s11 = a1.mul(v).add(s11);
      s12 = a2.mul(v).add(s12);
      s13 = a3.mul(v).add(s13);
      v = wv[w2 + k];
      s20 = a0.mul(v).add(s20);
      s21 = a1.mul(v).add(s21);
      s22 = a2.mul(v).add(s22);
      s23 = a3.mul(v).add(s23);
      v = wv[w3 + k];
      s30 = a0.mul(v).add(s30);
      s31 = a1.mul(v).add(s31);
      s32 = a2.mul(v).add(s32);
      s33 = a3.mul(v).add(s33);
    }
    store(s00, s01, s02, s03, c, c0, valid);
    store(s10, s11, s12, s13, c, c1, valid);
    store(s20, s21, s22, s23, c, c2, valid);
    store(s30, s31, s32, s33, c, c3, valid);
  }

  /** One row over one tile of the widened block. */
  static void row1(int[] aw, int t0, int kLen, int[] wv, int w0, int[] c, int c0, int valid) {
    IntVector z = IntVector.zero(I);
    IntVector s0 = z, s1 = z, s2 = z, s3 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      int v = wv[w0 + k];
      s0 = IntVector.fromArray(I, aw, base).mul(v).add(s0);
      s1 = IntVector.fromArray(I, aw, base + 16).mul(v).add(s1);
      s2 = IntVector.fromArray(I, aw, base + 32).mul(v).add(s2);
      s3 = IntVector.fromArray(I, aw, base + 48).mul(v).add(s3);
    }
    store(s0, s1, s2, s3, c, c0, valid);
  }

  /** Stores 64 sums to {@code c[off ..]}, only the first {@code valid} of them. */
  static void store(IntVector s0, IntVector s1, IntVector s2, IntVector s3, int[] c, int off, int valid) {
    if (valid >= 64) {
      s0.intoArray(c, off);
      s1.intoArray(c, off + 16);
      s2.intoArray(c, off + 32);
      s3.intoArray(c, off + 48);
    } else {
      part(s0, c, off, valid);
      part(s1, c, off + 16, valid - 16);
      part(s2, c, off + 32, valid - 32);
      part(s3, c, off + 48, valid - 48);
    }
  }

  private static void part(IntVector s, int[] c, int off, int valid) {
    if (valid >= 16) {
      s.intoArray(c, off);
    } else if (valid > 0) {
      VectorMask<Integer> m = I.indexInRange(0, valid);
      s.intoArray(c, off, m);
    }
  }
}
