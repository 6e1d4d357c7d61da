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
    // stages j = 32, 16, 8: pairs of whole vectors (rows r and r + j in lanes of equal index), in place in x; one
    // small method per pair, so C2 inlines every vector operation (one method with all stages exceeded its
    // inlining budget and ran the operations boxed)
    for (int v = 0; v < 4; v++) {
      swapRows(x, off + 8 * v, off + 8 * (v + 4), 32, MASKS[0]);
    }
    swapRows(x, off, off + 16, 16, MASKS[1]);
    swapRows(x, off + 8, off + 24, 16, MASKS[1]);
    swapRows(x, off + 32, off + 48, 16, MASKS[1]);
    swapRows(x, off + 40, off + 56, 16, MASKS[1]);
    for (int v = 0; v < 8; v += 2) {
      swapRows(x, off + 8 * v, off + 8 * (v + 1), 8, MASKS[2]);
    }
    for (int v = 0; v < 8; v++) {
      inWordStages(x, off + 8 * v);
    }
  }

  /** One vector stage: exchanges the bits of rows {@code x[lo ..]} and {@code x[hi ..]} (8 words each) at distance j. */
  private static void swapRows(long[] x, int lo, int hi, int j, long m) {
    LongVector a = LongVector.fromArray(L, x, lo);
    LongVector b = LongVector.fromArray(L, x, hi);
    LongVector t = swapBits(a, b, j, m);
    a.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, j)).intoArray(x, lo);
    b.lanewise(VectorOperators.XOR, t).intoArray(x, hi);
  }

  /** Stages j = 4, 2, 1 within the 8 words at {@code x[at ..]}: a byte transpose around three in-word stages. */
  private static void inWordStages(long[] x, int at) {
    LongVector w = LongVector.fromArray(L, x, at).reinterpretAsBytes().rearrange(BYTE_TRANSPOSE)
        .reinterpretAsLongs();
    LongVector u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 7)).and(0x00AA00AA00AA00AAL);
    w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 7));
    u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 14)).and(0x0000CCCC0000CCCCL);
    w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 14));
    u = w.lanewise(VectorOperators.XOR, w.lanewise(VectorOperators.LSHR, 28)).and(0x00000000F0F0F0F0L);
    w = w.lanewise(VectorOperators.XOR, u).lanewise(VectorOperators.XOR, u.lanewise(VectorOperators.LSHL, 28));
    w.reinterpretAsBytes().rearrange(BYTE_TRANSPOSE).reinterpretAsLongs().intoArray(x, at);
  }

  /** The bits to exchange between rows {@code lo} and {@code hi = lo + j}: {@code ((lo >>> j) ^ hi) & m}. */
  private static LongVector swapBits(LongVector lo, LongVector hi, int j, long m) {
    return lo.lanewise(VectorOperators.LSHR, j).lanewise(VectorOperators.XOR, hi).and(m);
  }

}
