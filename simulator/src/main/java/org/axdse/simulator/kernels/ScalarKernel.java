package org.axdse.simulator.kernels;

import java.util.Arrays;

/**
 * The portable kernel: one GEMM row over a block of columns by plain table lookups. It is the whole
 * implementation in {@link KernelMode#SCALAR} and serves tables whose products need more than 16 bits in
 * {@link KernelMode#VECTOR}. Looping k outside and columns inside keeps one 256-entry weight row hot.
 */
final class ScalarKernel {
  private ScalarKernel() {}

  /**
   * {@code c[cOff + i] = sum_k byWeight[w[wOff + k] * 256 + a[aOff + k * lda + i]]} for {@code i < cols};
   * {@code acc} is scratch of at least {@code cols} ints.
   */
  static void row(byte[] a, int aOff, int lda, int kLen, int cols, byte[] w, int wOff, int[] byWeight,
      int[] acc, int[] c, int cOff) {
    Arrays.fill(acc, 0, cols, 0);
    for (int k = 0; k < kLen; k++) {
      int base = (w[wOff + k] & 0xFF) << 8;
      int ai = aOff + k * lda;
      for (int i = 0; i < cols; i++) {
        acc[i] += byWeight[base | (a[ai + i] & 0xFF)];
      }
    }
    System.arraycopy(acc, 0, c, cOff, cols);
  }
}
