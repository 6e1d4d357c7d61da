package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** The float32 exact path: taken only where it is exact, and equal to the integer sums at and around its bound. */
class FloatExactKernelTest {

  @Test
  void theBoundIsWhereFloat32StillHoldsEveryPartialSum() {
    // signed 8x8: |a|, |w| <= 128, so K * 128 * 128 <= 2^24 means K <= 2^24 / 2^14 = 1024
    assertTrue(FloatExactKernel.exactFor(MultiplierFormat.signed8x8(), 1024));
    assertFalse(FloatExactKernel.exactFor(MultiplierFormat.signed8x8(), 1025));
    // unsigned 8x8: 255 * 255 = 65025; 2^24 / 65025 = 258.0..., so K = 258 fits and 259 does not
    assertTrue(FloatExactKernel.exactFor(MultiplierFormat.unsigned8x8(), 258));
    assertFalse(FloatExactKernel.exactFor(MultiplierFormat.unsigned8x8(), 259));
    // signed 8x4: |w| <= 8, so K <= 2^24 / (128 * 8) = 16384
    MultiplierFormat s8x4 = MultiplierFormat.of(4, Signedness.SIGNED);
    assertTrue(FloatExactKernel.exactFor(s8x4, 16384));
    assertFalse(FloatExactKernel.exactFor(s8x4, 16385));
  }

  /**
   * Extreme operands at K = 1024 (the float path) and K = 1025 (the int path). Row 1, column 0 sums {@code (K - 1)
   * * (-128)^2 + 127^2}: for K = 1025 that is 2^24 + 16129, odd and above 2^24, which float32 cannot hold, so a
   * float path taken one K too far fails here.
   */
  @Test
  void extremeOperandsAtTheBoundGiveTheIntegerSums() {
    MultiplierFormat f = MultiplierFormat.signed8x8();
    Random r = new Random(3);
    for (int kLen : new int[] {1023, 1024, 1025, 1100}) {
      int m = 130; // two blocks, the second one narrow
      byte[][] a = new byte[kLen][m];
      int rows = 5;
      int[] values = new int[rows * kLen];
      for (int k = 0; k < kLen; k++) {
        boolean last = k == kLen - 1;
        for (int i = 0; i < m; i++) {
          a[k][i] = (byte) (i == 0 ? (last ? 127 : -128) : r.nextBoolean() ? -128 : 127);
        }
        for (int n = 0; n < rows; n++) {
          values[n * kLen + k] = n == 1 ? (last ? 127 : -128) : r.nextBoolean() ? -128 : 127;
        }
      }
      WeightMatrix w = WeightMatrix.ofValues(f, rows, kLen, values);
      List<ProductTable> exact = Collections.nCopies(rows, ProductTable.exact(f));
      int[] expected = new int[rows * m];
      for (int n = 0; n < rows; n++) {
        for (int i = 0; i < m; i++) {
          long s = 0;
          for (int k = 0; k < kLen; k++) {
            s += (long) a[k][i] * values[n * kLen + k];
          }
          expected[n * m + i] = (int) s;
        }
      }
      assertEquals(((long) kLen - 1) * 16384 + 16129, expected[m], "row 1, column 0");
      assertArrayEquals(expected, Reference.gemm(a, w, exact), "the reference agrees, K=" + kLen);
      ActivationPanel p = ActivationPanel.allocate(kLen, m);
      for (int k = 0; k < kLen; k++) {
        for (int i = 0; i < m; i++) {
          p.set(k, i, a[k][i]);
        }
      }
      RowTables t = Reference.compile(exact);
      for (int threads = 1; threads <= 2; threads++) {
        try (Kernels v = Kernels.createUnchecked(threads, KernelMode.VECTOR)) {
          int[] c = new int[rows * m];
          v.gemm(p, w, t, c);
          assertArrayEquals(expected, c, "vector, " + threads + " threads, K=" + kLen);
        }
      }
    }
  }

  /**
   * Unsigned 8x8 layers beyond K = 258 (ResNet-20's K = 288 and 576 under asymmetric quantization) run in chunks
   * of 258 exact float sums added in int32. With every operand 255 a column sums K * 65,025, which passes 2^24 at
   * K = 259; random extremes, the integer sums computed here in long arithmetic, on 1 and 2 threads.
   */
  @Test
  void unsignedLayersBeyondOneChunkGiveTheIntegerSums() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    assertEquals(258, FloatExactKernel.chunk(f), "2^24 / 65025 rounded down");
    assertEquals(1024, FloatExactKernel.chunk(MultiplierFormat.signed8x8()), "2^24 / 2^14");
    Random r = new Random(9);
    for (int kLen : new int[] {258, 259, 288, 516, 517, 576, 700}) {
      int m = 70 + r.nextInt(100);
      int rows = 7;
      byte[][] a = new byte[kLen][m];
      int[] values = new int[rows * kLen];
      for (int k = 0; k < kLen; k++) {
        for (int i = 0; i < m; i++) {
          a[k][i] = (byte) (i == 0 || r.nextInt(4) > 0 ? 255 : r.nextInt(256));
        }
        for (int n = 0; n < rows; n++) {
          values[n * kLen + k] = n == 0 || r.nextInt(4) > 0 ? 255 : r.nextInt(256);
        }
      }
      int[] expected = new int[rows * m];
      for (int n = 0; n < rows; n++) {
        for (int i = 0; i < m; i++) {
          long s = 0;
          for (int k = 0; k < kLen; k++) {
            s += (long) (a[k][i] & 0xFF) * values[n * kLen + k];
          }
          expected[n * m + i] = (int) s;
        }
      }
      assertEquals((long) kLen * 65025, expected[0], "row 0, column 0 is all 255 * 255");
      ActivationPanel p = ActivationPanel.allocate(kLen, m);
      for (int k = 0; k < kLen; k++) {
        for (int i = 0; i < m; i++) {
          p.set(k, i, a[k][i]);
        }
      }
      WeightMatrix w = WeightMatrix.ofValues(f, rows, kLen, values);
      RowTables t = Reference.compile(Collections.nCopies(rows, ProductTable.exact(f)));
      for (int threads = 1; threads <= 2; threads++) {
        try (Kernels v = Kernels.createUnchecked(threads, KernelMode.VECTOR)) {
          int[] c = new int[rows * m];
          v.gemm(p, w, t, c);
          assertArrayEquals(expected, c, "vector, " + threads + " threads, K=" + kLen + ", M=" + m);
        }
      }
    }
  }
}
