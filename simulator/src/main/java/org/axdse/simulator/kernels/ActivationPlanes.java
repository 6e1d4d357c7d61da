package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs selected bit planes of an activation block (K x at most 128 columns, k-major) along the reduction axis,
 * for the bilinear kernel: word {@code q} of plane slot s for column m, at {@code (s * words + q) * STRIDE + m},
 * holds bit i (the slot's activation bit) of the codes at {@code k = 64 q .. 64 q + 63}, bits past K zero; and
 * {@code counts[s * STRIDE + m]} the number of k whose code has bit i set (for the bits of a count mask only).
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

  private static final VectorSpecies<Long> L = LongVector.SPECIES_512;

  /** Byte {@code b} of lane l exchanged with byte l of lane b: an 8 x 8 byte transpose. */
  private static final VectorShuffle<Byte> BYTE_TRANSPOSE = VectorShuffle.fromOp(B, i -> i % 8 * 8 + i / 8);

  private ActivationPlanes() {}

  /**
   * Packs the planes of the bits set in {@code planeMask} (slot s is the s-th set bit, lowest first) of the block
   * {@code a[aOff + k * lda + m]}, {@code k < kLen}, {@code m < cols}, readable up to whole 64-column tiles.
   * Counts are kept for the bits of {@code countMask} (a subset of {@code planeMask}). {@code work} is scratch
   * of at least {@code 64 * bitCount(planeMask)} longs.
   */
  static void pack(byte[] a, int aOff, int lda, int kLen, int cols, int planeMask, int countMask, long[] planes,
      int[] counts, long[] work) {
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
        int row0 = aOff + 64 * q * lda + 64 * t;
        for (int s = 0; s < slots; s++) {
          ByteVector bit = ByteVector.broadcast(B, (byte) (1 << bitOf[s]));
          int w0 = s * 64;
          for (int r = 0; r < rows; r++) {
            work[w0 + r] = ByteVector.fromArray(B, a, row0 + r * lda).and(bit).compare(VectorOperators.NE, 0)
                .toLong();
          }
        }
        for (int s = 0; s < slots; s++) {
          java.util.Arrays.fill(work, s * 64 + rows, s * 64 + 64, 0L);
          transpose(work, s * 64);
          int dst = (s * words + q) * STRIDE + 64 * t;
          System.arraycopy(work, s * 64, planes, dst, 64);
          if ((countMask >> bitOf[s] & 1) != 0) {
            for (int m = 0; m < 64; m++) {
              counts[s * STRIDE + 64 * t + m] += Long.bitCount(work[s * 64 + m]);
            }
          }
        }
      }
    }
  }

  /**
   * Transposes the 64 x 64 bit matrix {@code x[off + r]} bit c in place, so that afterwards bit r of {@code x[off
   * + c]} is the former bit c of row r. Each stage j swaps, in every 2j x 2j block, the j x j block above the
   * diagonal with the one below it ({@code (r, c + j) <-> (r + j, c)}); the rows are 8 vectors of 8 words, so the
   * stages j = 32, 16, 8 pair whole vectors and j = 4, 2, 1 pair lanes of one vector (a lane swap and blends).
   */
  static void transpose(long[] x, int off) {
    LongVector x0 = LongVector.fromArray(L, x, off);
    LongVector x1 = LongVector.fromArray(L, x, off + 8);
    LongVector x2 = LongVector.fromArray(L, x, off + 16);
    LongVector x3 = LongVector.fromArray(L, x, off + 24);
    LongVector x4 = LongVector.fromArray(L, x, off + 32);
    LongVector x5 = LongVector.fromArray(L, x, off + 40);
    LongVector x6 = LongVector.fromArray(L, x, off + 48);
    LongVector x7 = LongVector.fromArray(L, x, off + 56);
    LongVector t;
    t = swapBits(x0, x4, 32, MASKS[0]);
    x0 = x0.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 32));
    x4 = x4.lanewise(VectorOperators.XOR, t);
    t = swapBits(x1, x5, 32, MASKS[0]);
    x1 = x1.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 32));
    x5 = x5.lanewise(VectorOperators.XOR, t);
    t = swapBits(x2, x6, 32, MASKS[0]);
    x2 = x2.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 32));
    x6 = x6.lanewise(VectorOperators.XOR, t);
    t = swapBits(x3, x7, 32, MASKS[0]);
    x3 = x3.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 32));
    x7 = x7.lanewise(VectorOperators.XOR, t);
    t = swapBits(x0, x2, 16, MASKS[1]);
    x0 = x0.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 16));
    x2 = x2.lanewise(VectorOperators.XOR, t);
    t = swapBits(x1, x3, 16, MASKS[1]);
    x1 = x1.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 16));
    x3 = x3.lanewise(VectorOperators.XOR, t);
    t = swapBits(x4, x6, 16, MASKS[1]);
    x4 = x4.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 16));
    x6 = x6.lanewise(VectorOperators.XOR, t);
    t = swapBits(x5, x7, 16, MASKS[1]);
    x5 = x5.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 16));
    x7 = x7.lanewise(VectorOperators.XOR, t);
    t = swapBits(x0, x1, 8, MASKS[2]);
    x0 = x0.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 8));
    x1 = x1.lanewise(VectorOperators.XOR, t);
    t = swapBits(x2, x3, 8, MASKS[2]);
    x2 = x2.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 8));
    x3 = x3.lanewise(VectorOperators.XOR, t);
    t = swapBits(x4, x5, 8, MASKS[2]);
    x4 = x4.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 8));
    x5 = x5.lanewise(VectorOperators.XOR, t);
    t = swapBits(x6, x7, 8, MASKS[2]);
    x6 = x6.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 8));
    x7 = x7.lanewise(VectorOperators.XOR, t);
    x0.intoArray(x, off);
    x1.intoArray(x, off + 8);
    x2.intoArray(x, off + 16);
    x3.intoArray(x, off + 24);
    x4.intoArray(x, off + 32);
    x5.intoArray(x, off + 40);
    x6.intoArray(x, off + 48);
    x7.intoArray(x, off + 56);
    for (int v = 0; v < 8; v++) {
      LongVector w = LongVector.fromArray(L, x, off + 8 * v).reinterpretAsBytes().rearrange(BYTE_TRANSPOSE)
          .reinterpretAsLongs();
      LongVector u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 7)).and(0x00AA00AA00AA00AAL);
      w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 7));
      u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 14)).and(0x0000CCCC0000CCCCL);
      w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 14));
      u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 28)).and(0x00000000F0F0F0F0L);
      w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 28));
      w.reinterpretAsBytes().rearrange(BYTE_TRANSPOSE).reinterpretAsLongs().intoArray(x, off + 8 * v);
    }
  }

  /** The bits to exchange between rows {@code lo} and {@code hi = lo + j}: {@code ((lo >>> j) ^ hi) & m}. */
  private static LongVector swapBits(LongVector lo, LongVector hi, int j, long m) {
    return lo.lanewise(VectorOperators.LSHR, j).lanewise(VectorOperators.XOR, hi).and(m);
  }

}
