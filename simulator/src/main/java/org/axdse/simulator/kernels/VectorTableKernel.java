package org.axdse.simulator.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The table fast path: one GEMM row by byte-plane lookups, 64 activations per lookup.
 *
 * <p>For each nonzero weight code of the row, the 256-byte low and high plane rows of {@link LookupTable} are
 * loaded (8 vectors); each plane is looked up with two 128-entry two-table selects ({@code vpermi2b}) and a blend
 * on the activation's top bit. Both planes are unsigned bytes; each is accumulated in 16-bit lanes of the byte
 * vector seen as shorts: the full lane (even byte plus 256 times odd byte, modulo 2^16) and the odd byte alone.
 * After at most 256 additions neither sum overflows, so the even sum is recovered exactly as
 * {@code full - 256 * odd}; then the int32 product sum is {@code lo + 256 * hi + base * count}. Weight-stationary over two 64-column tiles, which halves the plane-row loads per lookup.
 */
final class VectorTableKernel {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  /** Additions between flushes: 256 unsigned bytes sum to at most 65280, which fits 16 bits. */
  static final int CHUNK = 256;

  /** Shorts of the 16-bit sums of one tile in the {@code sums} scratch: four vectors of 32 lanes. */
  static final int SUMS = 128;

  private VectorTableKernel() {}

  /**
   * {@code c[cOff + i] = sum_k T[a[aOff + k * lda + i]][w[wOff + k]]} for {@code i < cols <= 128}, visiting k in
   * {@code order[wOff ..]} (the row's k sorted by weight code) and skipping weights whose table row is all zero:
   * the first {@code zeroCodes} when only code 0 has such a row ({@link LookupTable#skipKind()}), none when no code
   * has, else one by one into {@code ks} (scratch of at least {@code kLen} ints). Filtering every k cost a
   * seventh of the lookups' time (a data-dependent branch per weight), so the usual kinds skip it.
   */
  static void row(byte[] a, int aOff, int lda, int kLen, int cols, byte[] w, int wOff, int[] order,
      int zeroCodes, LookupTable t, int[] ks, short[] sums, int[] c, int cOff) {
    int[] list = order;
    int first = wOff;
    int count = kLen;
    int kind = t.skipKind();
    if (kind == LookupTable.SKIP_CODE_ZERO) {
      first = wOff + zeroCodes;
      count = kLen - zeroCodes;
    } else if (kind == LookupTable.SKIP_FILTER) {
      count = 0;
      for (int i = 0; i < kLen; i++) {
        int k = order[wOff + i];
        if (!t.zeroRow(w[wOff + k] & 0xFF)) {
          ks[count++] = k;
        }
      }
      list = ks;
      first = 0;
    }
    byte[] planes = t.planes();
    int base = t.planeBase();
    int from = 0;
    do {
      int to = Math.min(count, from + CHUNK);
      if (cols > 64) {
        tile2(a, aOff, lda, w, wOff, planes, list, first + from, first + to, sums);
        flush(sums, 0, base * (to - from), c, cOff, 64, from == 0);
        flush(sums, SUMS, base * (to - from), c, cOff + 64, cols - 64, from == 0);
      } else {
        tile1(a, aOff, lda, w, wOff, planes, list, first + from, first + to, sums);
        flush(sums, 0, base * (to - from), c, cOff, cols, from == 0);
      }
      from = to;
    } while (from < count);
  }

  static ByteVector lookup(ByteVector x, VectorMask<Byte> neg, ByteVector r0, ByteVector r1,
      ByteVector r2, ByteVector r3) {
    return TwoTableSelect.select(x, r0, r1).blend(TwoTableSelect.select(x, r2, r3), neg);
  }

  private static void tile1(byte[] a, int aOff, int lda, byte[] w, int wOff, byte[] planes, int[] ks, int from,
      int to, short[] sums) {
    ShortVector z = ShortVector.zero(ShortVector.SPECIES_512);
    ShortVector lf = z, lo = z, hf = z, ho = z;
    for (int i = from; i < to; i++) {
      int k = ks[i];
      int p = (w[wOff + k] & 0xFF) * LookupTable.PLANE_ROW_BYTES;
      ByteVector x = ByteVector.fromArray(B, a, aOff + k * lda);
      VectorMask<Byte> neg = x.lt((byte) 0);
      ShortVector l = lookup(x, neg, ByteVector.fromArray(B, planes, p), ByteVector.fromArray(B, planes, p + 64),
          ByteVector.fromArray(B, planes, p + 128), ByteVector.fromArray(B, planes, p + 192))
          .reinterpretAsShorts();
      ShortVector h = lookup(x, neg, ByteVector.fromArray(B, planes, p + 256),
          ByteVector.fromArray(B, planes, p + 320), ByteVector.fromArray(B, planes, p + 384),
          ByteVector.fromArray(B, planes, p + 448)).reinterpretAsShorts();
      lf = lf.add(l);
      lo = lo.add(l.lanewise(VectorOperators.LSHR, 8));
      hf = hf.add(h);
      ho = ho.add(h.lanewise(VectorOperators.LSHR, 8));
    }
    store(lf, lo, hf, ho, sums, 0);
  }

  private static void tile2(byte[] a, int aOff, int lda, byte[] w, int wOff, byte[] planes, int[] ks, int from,
      int to, short[] sums) {
    ShortVector z = ShortVector.zero(ShortVector.SPECIES_512);
    ShortVector lf0 = z, lo0 = z, hf0 = z, ho0 = z, lf1 = z, lo1 = z, hf1 = z, ho1 = z;
    for (int i = from; i < to; i++) {
      int k = ks[i];
      int p = (w[wOff + k] & 0xFF) * LookupTable.PLANE_ROW_BYTES;
      ByteVector r0 = ByteVector.fromArray(B, planes, p);
      ByteVector r1 = ByteVector.fromArray(B, planes, p + 64);
      ByteVector r2 = ByteVector.fromArray(B, planes, p + 128);
      ByteVector r3 = ByteVector.fromArray(B, planes, p + 192);
      ByteVector q0 = ByteVector.fromArray(B, planes, p + 256);
      ByteVector q1 = ByteVector.fromArray(B, planes, p + 320);
      ByteVector q2 = ByteVector.fromArray(B, planes, p + 384);
      ByteVector q3 = ByteVector.fromArray(B, planes, p + 448);
      int ai = aOff + k * lda;
      ByteVector x = ByteVector.fromArray(B, a, ai);
      VectorMask<Byte> neg = x.lt((byte) 0);
      ShortVector l = lookup(x, neg, r0, r1, r2, r3).reinterpretAsShorts();
      ShortVector h = lookup(x, neg, q0, q1, q2, q3).reinterpretAsShorts();
      lf0 = lf0.add(l);
      lo0 = lo0.add(l.lanewise(VectorOperators.LSHR, 8));
      hf0 = hf0.add(h);
      ho0 = ho0.add(h.lanewise(VectorOperators.LSHR, 8));
      x = ByteVector.fromArray(B, a, ai + 64);
      neg = x.lt((byte) 0);
      l = lookup(x, neg, r0, r1, r2, r3).reinterpretAsShorts();
      h = lookup(x, neg, q0, q1, q2, q3).reinterpretAsShorts();
      lf1 = lf1.add(l);
      lo1 = lo1.add(l.lanewise(VectorOperators.LSHR, 8));
      hf1 = hf1.add(h);
      ho1 = ho1.add(h.lanewise(VectorOperators.LSHR, 8));
    }
    store(lf0, lo0, hf0, ho0, sums, 0);
    store(lf1, lo1, hf1, ho1, sums, SUMS);
  }

  /**
   * Turns the 16-bit plane sums of one tile into int32 sums plus {@code offset} (the planes' base times the
   * additions) and stores (first chunk) or adds them to c.
   */
  static void store(ShortVector lf, ShortVector lo, ShortVector hf, ShortVector ho, short[] sums,
      int at) {
    lf.intoArray(sums, at);
    lo.intoArray(sums, at + 32);
    hf.intoArray(sums, at + 64);
    ho.intoArray(sums, at + 96);
  }

  /**
   * Turns the 16-bit sums of one tile (at {@code sums[at ..]}) into int32 column sums plus {@code offset} (the
   * planes' base times the additions) and stores (first chunk) or adds them to c. Scalar: it runs once per up to
   * 256 lookups, and the Vector API's short-to-int conversions and two-vector shuffles are not intrinsified on
   * every JDK.
   */
  static void flush(short[] sums, int at, int offset, int[] c, int off, int valid, boolean first) {
    for (int j = 0; j < 32 && 2 * j < valid; j++) {
      int loOdd = sums[at + 32 + j] & 0xFFFF;
      int hiOdd = sums[at + 96 + j] & 0xFFFF;
      int loEven = (sums[at + j] - (loOdd << 8)) & 0xFFFF;
      int hiEven = (sums[at + 64 + j] - (hiOdd << 8)) & 0xFFFF;
      int even = loEven + (hiEven << 8) + offset;
      int odd = loOdd + (hiOdd << 8) + offset;
      int o = off + 2 * j;
      c[o] = first ? even : c[o] + even;
      if (2 * j + 1 < valid) {
        c[o + 1] = first ? odd : c[o + 1] + odd;
      }
    }
  }
}
