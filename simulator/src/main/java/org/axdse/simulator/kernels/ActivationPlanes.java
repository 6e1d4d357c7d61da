package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs selected bit planes of an activation block (K x at most 128 columns, k-major) along the reduction axis,
 * for the bilinear kernel: word {@code q} of plane slot s for column m, at {@code (s * words + q) * STRIDE + m},
 * holds bit i (the slot's activation bit) of the codes at {@code k = 64 q .. 64 q + 63}, bits past K zero; and
 * {@code counts[s * STRIDE + m]} the number of k whose code has bit i set.
 *
 * <p>The block is k-major, so one 64-byte row of a tile gives, per bit, a 64-bit mask over the columns ({@code
 * vptestmb} and {@code kmovq}); 64 such rows are a 64 x 64 bit matrix, transposed to words over k by the recursive
 * block swap of Warren, "Hacker's Delight" (2nd ed., section 7-3).
 */
final class ActivationPlanes {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  /** Columns per packed plane row: one block. */
  static final int STRIDE = Scratch.BLOCK;

  private static final long[] MASKS = {
    0x00000000FFFFFFFFL, 0x0000FFFF0000FFFFL, 0x00FF00FF00FF00FFL, 0x0F0F0F0F0F0F0F0FL, 0x3333333333333333L,
    0x5555555555555555L};

  private ActivationPlanes() {}

  /**
   * Packs the planes of the bits set in {@code planeMask} (slot s is the s-th set bit, lowest first) of the block
   * {@code a[aOff + k * lda + m]}, {@code k < kLen}, {@code m < cols}, readable up to whole 64-column tiles.
   * {@code work} is scratch of at least {@code 64 * bitCount(planeMask)} longs.
   */
  static void pack(byte[] a, int aOff, int lda, int kLen, int cols, int planeMask, long[] planes, int[] counts,
      long[] work) {
    int words = (kLen + 63) >>> 6;
    int slots = Integer.bitCount(planeMask);
    int[] bitOf = new int[slots];
    for (int s = 0, m = planeMask; s < slots; s++, m &= m - 1) {
      bitOf[s] = Integer.numberOfTrailingZeros(m);
    }
    java.util.Arrays.fill(counts, 0, slots * STRIDE, 0);
    int tiles = cols > 64 ? 2 : 1;
    for (int t = 0; t < tiles; t++) {
      for (int q = 0; q < words; q++) {
        int rows = Math.min(64, kLen - 64 * q);
        for (int r = 0; r < rows; r++) {
          ByteVector x = ByteVector.fromArray(B, a, aOff + (64 * q + r) * lda + 64 * t);
          for (int s = 0; s < slots; s++) {
            work[s * 64 + r] = x.and((byte) (1 << bitOf[s])).compare(VectorOperators.NE, 0).toLong();
          }
        }
        for (int s = 0; s < slots; s++) {
          java.util.Arrays.fill(work, s * 64 + rows, s * 64 + 64, 0L);
          transpose(work, s * 64);
          int dst = (s * words + q) * STRIDE + 64 * t;
          System.arraycopy(work, s * 64, planes, dst, 64);
          for (int m = 0; m < 64; m++) {
            counts[s * STRIDE + 64 * t + m] += Long.bitCount(work[s * 64 + m]);
          }
        }
      }
    }
  }

  /**
   * Transposes the 64 x 64 bit matrix {@code x[off + r]} bit c in place, so that afterwards bit r of {@code x[off
   * + c]} is the former bit c of row r.
   */
  static void transpose(long[] x, int off) {
    int j = 32;
    for (long m : MASKS) {
      for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
        long t = ((x[off + k] >>> j) ^ x[off + (k | j)]) & m;
        x[off + (k | j)] ^= t;
        x[off + k] ^= t << j;
      }
      j >>>= 1;
    }
  }
}
