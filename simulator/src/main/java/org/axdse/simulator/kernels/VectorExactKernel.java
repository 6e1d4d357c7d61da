package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact fast path: int32 multiply-add GEMM for rows whose table is the exact one. The activation block is
 * widened once to ints ({@link #widen}) and then shared by all exact rows; a 2-row x 64-column register block
 * (8 accumulators) uses each activation load twice. Sums wrap modulo 2^32 like the scalar path.
 *
 * <p>Widening reads 64 bytes as 16 ints and extracts byte r of each with shifts, so int vector r of a tile holds
 * columns {@code 4j + r}; the stores undo that order. (Byte-to-int {@code convertShape} would keep the order but
 * is not intrinsified on every JDK, which makes it allocate.)
 */
final class VectorExactKernel {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;

  /** Ints per widened k row: a block of up to two 64-column tiles. */
  static final int WIDE = 128;

  private VectorExactKernel() {}

  /**
   * Widens {@code tiles} 64-column tiles of the block (sign- or zero-extended) to {@code dst[k * WIDE + 64 * t +
   * 16 * r + j]}, the activation of column {@code 64 * t + 4 * j + r}.
   */
  static void widen(byte[] a, int aOff, int lda, int kLen, int tiles, boolean signed, int[] dst) {
    for (int k = 0; k < kLen; k++) {
      for (int t = 0; t < tiles; t++) {
        IntVector x = ByteVector.fromArray(B, a, aOff + k * lda + 64 * t).reinterpretAsInts();
        int d = k * WIDE + 64 * t;
        if (signed) {
          x.lanewise(VectorOperators.LSHL, 24).lanewise(VectorOperators.ASHR, 24).intoArray(dst, d);
          x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 24).intoArray(dst, d + 16);
          x.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 24).intoArray(dst, d + 32);
          x.lanewise(VectorOperators.ASHR, 24).intoArray(dst, d + 48);
        } else {
          x.and(0xFF).intoArray(dst, d);
          x.lanewise(VectorOperators.LSHR, 8).and(0xFF).intoArray(dst, d + 16);
          x.lanewise(VectorOperators.LSHR, 16).and(0xFF).intoArray(dst, d + 32);
          x.lanewise(VectorOperators.LSHR, 24).intoArray(dst, d + 48);
        }
      }
    }
  }

  /**
   * Rows at weight offsets {@code w0}, {@code w1} over one tile at {@code t0} of the widened block. Two rows, not
   * four: C2 stops inlining Vector API calls past a node budget, and the ops it leaves out allocate.
   */
  static void rows2(int[] aw, int t0, int kLen, int[] wv, int w0, int w1, int[] c, int c0, int c1, int valid,
      int[] tmp) {
    IntVector z = IntVector.zero(I);
    IntVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      IntVector a0 = IntVector.fromArray(I, aw, base);
      IntVector a1 = IntVector.fromArray(I, aw, base + 16);
      IntVector a2 = IntVector.fromArray(I, aw, base + 32);
      IntVector a3 = IntVector.fromArray(I, aw, base + 48);
      IntVector v0 = IntVector.broadcast(I, wv[w0 + k]);
      IntVector v1 = IntVector.broadcast(I, wv[w1 + k]);
      s00 = s00.add(a0.mul(v0));
      s01 = s01.add(a1.mul(v0));
      s02 = s02.add(a2.mul(v0));
      s03 = s03.add(a3.mul(v0));
      s10 = s10.add(a0.mul(v1));
      s11 = s11.add(a1.mul(v1));
      s12 = s12.add(a2.mul(v1));
      s13 = s13.add(a3.mul(v1));
    }
    s00.intoArray(tmp, 0);
    s01.intoArray(tmp, 16);
    s02.intoArray(tmp, 32);
    s03.intoArray(tmp, 48);
    s10.intoArray(tmp, 64);
    s11.intoArray(tmp, 80);
    s12.intoArray(tmp, 96);
    s13.intoArray(tmp, 112);
    store(tmp, 0, c, c0, valid);
    store(tmp, 64, c, c1, valid);
  }

  /** One row over one tile of the widened block. */
  static void row1(int[] aw, int t0, int kLen, int[] wv, int w0, int[] c, int c0, int valid, int[] tmp) {
    IntVector z = IntVector.zero(I);
    IntVector s0 = z, s1 = z, s2 = z, s3 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      IntVector v = IntVector.broadcast(I, wv[w0 + k]);
      s0 = IntVector.fromArray(I, aw, base).mul(v).add(s0);
      s1 = IntVector.fromArray(I, aw, base + 16).mul(v).add(s1);
      s2 = IntVector.fromArray(I, aw, base + 32).mul(v).add(s2);
      s3 = IntVector.fromArray(I, aw, base + 48).mul(v).add(s3);
    }
    s0.intoArray(tmp, 0);
    s1.intoArray(tmp, 16);
    s2.intoArray(tmp, 32);
    s3.intoArray(tmp, 48);
    store(tmp, 0, c, c0, valid);
  }

  /** Copies the 64 sums of one tile from {@code tmp[at ..]} to {@code c[off ..]} in column order. */
  private static void store(int[] tmp, int at, int[] c, int off, int valid) {
    int n = Math.min(64, valid);
    for (int i = 0; i < n; i++) {
      c[off + i] = tmp[at + 16 * (i & 3) + (i >> 2)];
    }
  }
}
