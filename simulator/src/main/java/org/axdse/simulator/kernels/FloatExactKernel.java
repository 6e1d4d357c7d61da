package org.axdse.simulator.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * The exact path through float32 fused multiply-adds, used when it is exact: every product and every partial sum
 * is an integer of magnitude at most {@code K * max|a| * max|w|}, and when that bound is at most 2^24 each such
 * integer is a float32, so each fused multiply-add rounds nothing and the sums equal the int32 ones bit for bit
 * (signed 8x8 layers: K up to 1,024; longer reductions, and unsigned 8x8 ones beyond K = 258, run in chunks
 * of exact float sums added in int32, see {@link #chunk}). A 512-bit FMA does 16 multiply-adds in one instruction where the int path
 * needs a multiply ({@code vpmulld}, slow) and an add. The block is widened to floats once and shared by all exact
 * rows; a 4-row x 64-column register block (16 accumulators) uses each activation load four times (1.3 to 1.5
 * times the GMAC per CPU second of a 2-row block on ResNet-20's 3x3 layers; unlike the int path's multiplies,
 * C2 inlines all of it), then 2- and 1-row blocks take the remaining rows.
 */
final class FloatExactKernel {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;

  /** Floats per widened k row: a block of up to two 64-column tiles. */
  static final int WIDE = VectorExactKernel.WIDE;

  /** The largest sum magnitude up to which float32 holds every integer. */
  static final long EXACT_LIMIT = 1L << 24;

  /**
   * Formats whose {@link #chunk} is shorter keep the int32 path (a float-to-int conversion per chunk would cost
   * more than it saves); no format of at most 8x8 bits comes near (the shortest chunk is 258).
   */
  static final int MIN_CHUNK = 16;

  private FloatExactKernel() {}

  /** True when float32 sums of {@code kLen} products of {@code format} are exact (see the class comment). */
  static boolean exactFor(MultiplierFormat format, int kLen) {
    return kLen <= chunk(format);
  }

  /**
   * The longest run of k whose float32 sums are exact for {@code format}: {@code floor(2^24 / (max|a| *
   * max|w|))}, 1,024 for signed 8x8, 258 for unsigned 8x8. Longer reductions are summed in chunks of this length,
   * each chunk's exact sum converted to int and added in int32 (which wraps as the int path's sums do).
   */
  static int chunk(MultiplierFormat format) {
    long a = Math.max(-(long) format.minActivation(), format.maxActivation());
    long w = Math.max(-(long) format.minWeight(), format.maxWeight());
    return (int) Math.min(Integer.MAX_VALUE, EXACT_LIMIT / Math.max(1, a * w));
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
  static void rows2(float[] aw, int t0, int k0, int k1, int[] wv, int w0, int w1, int[] c, int c0, int c1,
      int valid, boolean add, float[] tmp) {
    FloatVector z = FloatVector.zero(F);
    FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
    for (int k = k0; k < k1; k++) {
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
    store(tmp, 0, c, c0, valid, add);
    store(tmp, 64, c, c1, valid, add);
  }

  /** Rows at weight offsets {@code w[0..3]} over one tile: a 4-row block, 16 accumulators. */
  static void rows4(float[] aw, int t0, int k0, int k1, float[] wv, int w0, int w1, int w2, int w3, int[] c,
      int[] cOff, int valid, boolean add, float[] tmp) {
    FloatVector z = FloatVector.zero(F);
    FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
    FloatVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
    for (int k = k0; k < k1; k++) {
      int base = k * WIDE + t0;
      FloatVector a0 = FloatVector.fromArray(F, aw, base);
      FloatVector a1 = FloatVector.fromArray(F, aw, base + 16);
      FloatVector a2 = FloatVector.fromArray(F, aw, base + 32);
      FloatVector a3 = FloatVector.fromArray(F, aw, base + 48);
      FloatVector v = FloatVector.broadcast(F, wv[w0 + k]);
      s00 = a0.fma(v, s00);
      s01 = a1.fma(v, s01);
      s02 = a2.fma(v, s02);
      s03 = a3.fma(v, s03);
      v = FloatVector.broadcast(F, wv[w1 + k]);
      s10 = a0.fma(v, s10);
      s11 = a1.fma(v, s11);
      s12 = a2.fma(v, s12);
      s13 = a3.fma(v, s13);
      v = FloatVector.broadcast(F, wv[w2 + k]);
      s20 = a0.fma(v, s20);
      s21 = a1.fma(v, s21);
      s22 = a2.fma(v, s22);
      s23 = a3.fma(v, s23);
      v = FloatVector.broadcast(F, wv[w3 + k]);
      s30 = a0.fma(v, s30);
      s31 = a1.fma(v, s31);
      s32 = a2.fma(v, s32);
      s33 = a3.fma(v, s33);
    }
    s00.intoArray(tmp, 0);
    s01.intoArray(tmp, 16);
    s02.intoArray(tmp, 32);
    s03.intoArray(tmp, 48);
    s10.intoArray(tmp, 64);
    s11.intoArray(tmp, 80);
    s12.intoArray(tmp, 96);
    s13.intoArray(tmp, 112);
    s20.intoArray(tmp, 128);
    s21.intoArray(tmp, 144);
    s22.intoArray(tmp, 160);
    s23.intoArray(tmp, 176);
    s30.intoArray(tmp, 192);
    s31.intoArray(tmp, 208);
    s32.intoArray(tmp, 224);
    s33.intoArray(tmp, 240);
    for (int r = 0; r < 4; r++) {
      store(tmp, 64 * r, c, cOff[r], valid, add);
    }
  }

  /** One row over one tile of the widened block. */
  static void row1(float[] aw, int t0, int k0, int k1, int[] wv, int w0, int[] c, int c0, int valid, boolean add,
      float[] tmp) {
    FloatVector z = FloatVector.zero(F);
    FloatVector s0 = z, s1 = z, s2 = z, s3 = z;
    for (int k = k0; k < k1; k++) {
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
    store(tmp, 0, c, c0, valid, add);
  }

  /**
   * Copies the 64 sums of one tile from {@code tmp[at ..]} to {@code c[off ..]} as ints, or adds them there (the
   * chunks after the first: int32 additions, wrapping as the int path's).
   */
  private static void store(float[] tmp, int at, int[] c, int off, int valid, boolean add) {
    int n = Math.min(64, valid);
    if (add) {
      for (int i = 0; i < n; i++) {
        c[off + i] += (int) tmp[at + i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        c[off + i] = (int) tmp[at + i];
      }
    }
  }
}
