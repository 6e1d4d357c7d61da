package org.axdse.simulator.kernels;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-column sums of an activation block, {@code sum_k a[k][m]}, that the zero-point correction of an
 * asymmetric layer needs. In vectors, 64 columns per load: the bytes (signed ones offset by 128, so all are
 * unsigned) are added in 16-bit lanes as the table kernel adds its planes, the full lane (even byte plus 256 times
 * odd byte, modulo 2^16) and the odd byte alone, which recovers both exactly after up to 256 additions. The plain
 * loop this replaces was an eighth of an asymmetric search's CPU time.
 */
final class ColumnSums {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_512;

  /** Additions between flushes: 256 bytes of at most 255 sum to at most 65,280. */
  private static final int CHUNK = 256;

  private ColumnSums() {}

  /**
   * {@code out[off + i] = sum_k a[aOff + k * lda + i]} for {@code i < cols}, the bytes read as signed or unsigned
   * values; the block must be readable up to whole 64-column tiles. {@code sums} is scratch of 64 shorts.
   */
  static void of(KernelMode mode, byte[] a, int aOff, int lda, int kLen, int cols, boolean signed, int[] out,
      int off, short[] sums) {
    Arrays.fill(out, off, off + cols, 0);
    if (!mode.vector()) {
      plain(a, aOff, lda, kLen, cols, signed, out, off);
      return;
    }
    for (int t = 0; t < cols; t += 64) {
      int valid = Math.min(64, cols - t);
      for (int k0 = 0; k0 < kLen; k0 += CHUNK) {
        int k1 = Math.min(kLen, k0 + CHUNK);
        tile(a, aOff + t, lda, k0, k1, signed, sums);
        int bias = signed ? 128 * (k1 - k0) : 0;
        for (int j = 0; 2 * j < valid; j++) {
          int odd = sums[32 + j] & 0xFFFF;
          int even = (sums[j] - (odd << 8)) & 0xFFFF;
          out[off + t + 2 * j] += even - bias;
          if (2 * j + 1 < valid) {
            out[off + t + 2 * j + 1] += odd - bias;
          }
        }
      }
    }
  }

  /** The 16-bit full and odd sums of one 64-column tile over {@code [k0, k1)}, at {@code sums[0..63]}. */
  private static void tile(byte[] a, int aOff, int lda, int k0, int k1, boolean signed, short[] sums) {
    ShortVector full = ShortVector.zero(ShortVector.SPECIES_512);
    ShortVector odd = full;
    byte flip = (byte) (signed ? 0x80 : 0);
    for (int k = k0; k < k1; k++) {
      ShortVector x = ByteVector.fromArray(B, a, aOff + k * lda).lanewise(VectorOperators.XOR, flip)
          .reinterpretAsShorts();
      full = full.add(x);
      odd = odd.add(x.lanewise(VectorOperators.LSHR, 8));
    }
    full.intoArray(sums, 0);
    odd.intoArray(sums, 32);
  }

  private static void plain(byte[] a, int aOff, int lda, int kLen, int cols, boolean signed, int[] out, int off) {
    for (int k = 0; k < kLen; k++) {
      int base = aOff + k * lda;
      for (int i = 0; i < cols; i++) {
        out[off + i] += signed ? a[base + i] : a[base + i] & 0xFF;
      }
    }
  }
}
