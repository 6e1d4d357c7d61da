package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnSumsTest {

  /** Random blocks and extreme ones (every byte 255, or -128 when signed) across the 256-addition flushes. */
  @Test
  void everyModeEqualsTheSumsOfTheValues() {
    Random r = new Random(21);
    for (int trial = 0; trial < 40; trial++) {
      boolean signed = trial % 2 == 0;
      boolean extreme = trial % 5 == 1;
      int kLen = 1 + r.nextInt(trial % 4 == 0 ? 800 : 200);
      int cols = 1 + r.nextInt(128);
      int lda = (cols + 63) / 64 * 64 + 64 * r.nextInt(2);
      int aOff = r.nextInt(100);
      byte[] a = new byte[aOff + kLen * lda];
      r.nextBytes(a);
      if (extreme) {
        java.util.Arrays.fill(a, (byte) (signed ? -128 : 255));
      }
      int off = r.nextInt(10);
      int[] expected = new int[off + cols + 3];
      for (int i = 0; i < cols; i++) {
        for (int k = 0; k < kLen; k++) {
          byte b = a[aOff + k * lda + i];
          expected[off + i] += signed ? b : b & 0xFF;
        }
      }
      for (KernelMode mode : KernelMode.values()) {
        int[] out = new int[off + cols + 3];
        ColumnSums.of(mode, a, aOff, lda, kLen, cols, signed, out, off, new short[64]);
        assertArrayEquals(expected, out, mode + " trial " + trial + ": K=" + kLen + ", cols=" + cols);
      }
    }
  }
}
