package org.axdse.simulator.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The exact path through float32 fused multiply-adds, used when it is exact: every product and every partial sum
 * is an integer of magnitude at most {@code K * max|a| * max|w|}, and when that bound is at most 2^24 each such
 * integer is a float32, so each fused multiply-add rounds nothing and the sums equal the int32 ones bit for bit
 * (signed 8x8 layers: K up to 1,024). A 512-bit FMA does 16 multiply-adds in one instruction where the int path
 * needs a multiply ({@code vpmulld}, slow) and an add. The block is widened to floats once and shared by all exact
 * rows; a 2-row x 64-column register block (8 accumulators) uses each activation load twice.
 */
final class FloatExactKernel {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;

  /** Floats per widened k row: a block of up to two 64-column tiles. */
  static final int WIDE = VectorExactKernel.WIDE;

  /** The largest sum magnitude up to which float32 holds every integer. */
  static final long EXACT_LIMIT = 1L << 24;

  private FloatExactKernel() {}

  /** True when float32 sums of {@code kLen} products of {@code format} are exact (see the class comment). */
  static boolean exactFor(MultiplierFormat format, int kLen) {
    long a = Math.max(-(long) format.minActivation(), format.maxActivation());
    long w = Math.max(-(long) format.minWeight(), format.maxWeight());
    return kLen * a * w <= EXACT_LIMIT;
  }

  /**
   * Widens {@code tiles} 64-column tiles of the block (sign- or zero-extended) to floats in column order at {@code
   * dst[k * WIDE + i]}. A plain loop, which C2 vectorizes: the Vector API's int-to-float conversion is not
   * intrinsified on JDK 25 (it allocated, and cost as much as the multiply-adds).
   */
  static void widen(byte[] a, int aOff, int lda, int kLen, int tiles, boolean signed, float[] dst) {
    int n = 64 * tiles;
    for (int k = 0; k < kLen; k++) {
      int src = aOff + k * lda;
      int d = k * WIDE;
      if (signed) {
        for (int i = 0; i < n; i++) {
          dst[d + i] = a[src + i];
        }
      } else {
        for (int i = 0; i < n; i++) {
          dst[d + i] = a[src + i] & 0xFF;
        }
      }
    }
  }

  /** Rows at weight offsets {@code w0}, {@code w1} over one tile at {@code t0} of the widened block. */
  static void rows2(float[] aw, int t0, int kLen, int[] wv, int w0, int w1, int[] c, int c0, int c1, int valid,
      float[] tmp) {
    FloatVector z = FloatVector.zero(F);
    FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      FloatVector a0 = FloatVector.fromArray(F, aw, base);
      FloatVector a1 = FloatVector.fromArray(F, aw, base + 16);
      FloatVector a2 = FloatVector.fromArray(F, aw, base + 32);
      FloatVector a3 = FloatVector.fromArray(F, aw, base + 48);
      FloatVector v0 = FloatVector.broadcast(F, (float) wv[w0 + k]);
      FloatVector v1 = FloatVector.broadcast(F, (float) wv[w1 + k]);
      s00 = a0.fma(v0, s00);
      s01 = a1.fma(v0, s01);
      s02 = a2.fma(v0, s02);
      s03 = a3.fma(v0, s03);
      s10 = a0.fma(v1, s10);
      s11 = a1.fma(v1, s11);
      s12 = a2.fma(v1, s12);
      s13 = a3.fma(v1, s13);
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
  static void row1(float[] aw, int t0, int kLen, int[] wv, int w0, int[] c, int c0, int valid, float[] tmp) {
    FloatVector z = FloatVector.zero(F);
    FloatVector s0 = z, s1 = z, s2 = z, s3 = z;
    for (int k = 0; k < kLen; k++) {
      int base = k * WIDE + t0;
      FloatVector v = FloatVector.broadcast(F, (float) wv[w0 + k]);
      s0 = FloatVector.fromArray(F, aw, base).fma(v, s0);
      s1 = FloatVector.fromArray(F, aw, base + 16).fma(v, s1);
      s2 = FloatVector.fromArray(F, aw, base + 32).fma(v, s2);
      s3 = FloatVector.fromArray(F, aw, base + 48).fma(v, s3);
    }
    s0.intoArray(tmp, 0);
    s1.intoArray(tmp, 16);
    s2.intoArray(tmp, 32);
    s3.intoArray(tmp, 48);
    store(tmp, 0, c, c0, valid);
  }

  /** Copies the 64 sums of one tile from {@code tmp[at ..]} to {@code c[off ..]}, as ints. */
  private static void store(float[] tmp, int at, int[] c, int off, int valid) {
    int n = Math.min(64, valid);
    for (int i = 0; i < n; i++) {
      c[off + i] = (int) tmp[at + i];
    }
  }
}
