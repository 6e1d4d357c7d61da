package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorTableKernel} for two piece tables at once ({@link PieceTables}): per k one activation load and one
 * sign mask serve four byte-plane lookups (both pieces' low and high planes), so a layer whose products need two
 * 16-bit pieces pays one pass over the activations and one im2col instead of two. The sums are those of two
 * {@link VectorTableKernel} passes, exactly (integer sums, same 16-bit flush rule). One 64-column tile at a time:
 * a two-tile weight-stationary version (as {@link VectorTableKernel}'s) keeps sixteen accumulators and eight plane
 * vectors live, and the JDK 25 compiler then boxed its vectors: ten times slower, measured.
 */
final class PieceTableKernel {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  private PieceTableKernel() {}

  /**
   * {@code c0[cOff + i] = sum_k P0[a][w]}, {@code c1[cOff + i] = sum_k P1[a][w]} for {@code i < cols <= 128},
   * visiting k in {@code order[wOff ..]} (the row's k sorted by weight code: consecutive k read the same plane row).
   */
  static void row(byte[] a, int aOff, int lda, int kLen, int cols, byte[] w, int wOff, int[] order, byte[] planes,
      short[] sums, int[] c0, int[] c1, int cOff) {
    int from = 0;
    do {
      int to = Math.min(kLen, from + VectorTableKernel.CHUNK);
      for (int t = 0; 64 * t < cols; t++) {
        tile(a, aOff + 64 * t, lda, w, wOff, planes, order, wOff + from, wOff + to, sums);
        int valid = Math.min(64, cols - 64 * t);
        VectorTableKernel.flush(sums, 0, 0, c0, cOff + 64 * t, valid, from == 0);
        VectorTableKernel.flush(sums, VectorTableKernel.SUMS, 0, c1, cOff + 64 * t, valid, from == 0);
      }
      from = to;
    } while (from < kLen);
  }

  private static void tile(byte[] a, int aOff, int lda, byte[] w, int wOff, byte[] planes, int[] order, int from,
      int to, short[] sums) {
    ShortVector z = ShortVector.zero(ShortVector.SPECIES_512);
    ShortVector lf = z, lo = z, hf = z, ho = z, lf2 = z, lo2 = z, hf2 = z, ho2 = z;
    for (int i = from; i < to; i++) {
      int k = order[i];
      int p = (w[wOff + k] & 0xFF) * PieceTables.ROW_BYTES;
      ByteVector x = ByteVector.fromArray(B, a, aOff + k * lda);
      VectorMask<Byte> neg = x.lt((byte) 0);
      ShortVector l = VectorTableKernel.lookup(x, neg, ByteVector.fromArray(B, planes, p),
          ByteVector.fromArray(B, planes, p + 64), ByteVector.fromArray(B, planes, p + 128),
          ByteVector.fromArray(B, planes, p + 192)).reinterpretAsShorts();
      ShortVector h = VectorTableKernel.lookup(x, neg, ByteVector.fromArray(B, planes, p + 256),
          ByteVector.fromArray(B, planes, p + 320), ByteVector.fromArray(B, planes, p + 384),
          ByteVector.fromArray(B, planes, p + 448)).reinterpretAsShorts();
      lf = lf.add(l);
      lo = lo.add(l.lanewise(VectorOperators.LSHR, 8));
      hf = hf.add(h);
      ho = ho.add(h.lanewise(VectorOperators.LSHR, 8));
      l = VectorTableKernel.lookup(x, neg, ByteVector.fromArray(B, planes, p + 512),
          ByteVector.fromArray(B, planes, p + 576), ByteVector.fromArray(B, planes, p + 640),
          ByteVector.fromArray(B, planes, p + 704)).reinterpretAsShorts();
      h = VectorTableKernel.lookup(x, neg, ByteVector.fromArray(B, planes, p + 768),
          ByteVector.fromArray(B, planes, p + 832), ByteVector.fromArray(B, planes, p + 896),
          ByteVector.fromArray(B, planes, p + 960)).reinterpretAsShorts();
      lf2 = lf2.add(l);
      lo2 = lo2.add(l.lanewise(VectorOperators.LSHR, 8));
      hf2 = hf2.add(h);
      ho2 = ho2.add(h.lanewise(VectorOperators.LSHR, 8));
    }
    VectorTableKernel.store(lf, lo, hf, ho, sums, 0);
    VectorTableKernel.store(lf2, lo2, hf2, ho2, sums, VectorTableKernel.SUMS);
  }
}
