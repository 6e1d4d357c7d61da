package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteLookupTest {

  @Test
  void everyModeEqualsThePlainLookupOnRandomTablesAndRanges() {
    Random r = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      byte[] lut = new byte[256];
      r.nextBytes(lut);
      int n = 1 + r.nextInt(500);
      byte[] src = new byte[n];
      r.nextBytes(src);
      // every code at least once in the first trial: both halves of the two-table select are exercised
      if (trial == 0) {
        src = new byte[256 + 7];
        for (int i = 0; i < src.length; i++) {
          src[i] = (byte) (i * 37);
        }
        n = src.length;
      }
      int from = r.nextInt(Math.min(n, 70));
      int to = from + r.nextInt(n - from + 1);
      byte[] expected = new byte[n];
      for (int i = from; i < to; i++) {
        expected[i] = lut[src[i] & 0xFF];
      }
      for (KernelMode mode : KernelMode.values()) {
        byte[] dst = new byte[n];
        ByteLookup.map(mode, lut, src, dst, from, to);
        assertArrayEquals(expected, dst, mode + " trial " + trial + " [" + from + ", " + to + ")");
      }
    }
  }

  @Test
  void aTableOfAnotherSizeIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ByteLookup.map(KernelMode.SCALAR, new byte[255], new byte[4], new byte[4], 0, 4));
  }
}
