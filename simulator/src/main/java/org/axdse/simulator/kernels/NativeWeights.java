package org.axdse.simulator.kernels;

/**
 * A weight matrix packed for the native exact kernel ({@link NativeKernels}): each row's values as signed bytes
 * along k, padded to a multiple of 4 (the 4-byte groups of {@code vpdpbusd}), in one or two planes. A value
 * {@code v} is {@code sum_p scale_p * (s_p + beta_p)} with stored bytes {@code s_p}; one plane with {@code beta}
 * 0 (values in [-128, 127]) or {@code min + 128} (any 256 consecutive values, e.g. unsigned 8-bit codes); two planes
 * (low byte and high byte of {@code v - min}, scales 1 and 256) when the values span up to 2^15, as the shifted
 * weights of a bilinear design may ({@link ShiftedWeights}). Wider spans are not packed ({@link #of} returns
 * null; the Java exact path takes them). Immutable.
 */
final class NativeWeights {
  /** Values spanning at least this many need more than two byte planes: not packed. */
  static final int MAX_SPAN = 1 << 15;

  private final byte[] bytes;
  private final int kPad;
  private final int planes;
  private final int planeStride;
  private final int[] info;
  private final int[] rowSums;
  private final int rows;

  private NativeWeights(byte[] bytes, int kPad, int planes, int[] info, int[] rowSums, int rows) {
    this.bytes = bytes;
    this.kPad = kPad;
    this.planes = planes;
    this.planeStride = rows * kPad;
    this.info = info;
    this.rowSums = rowSums;
    this.rows = rows;
  }

  /**
   * The row-major {@code rows x cols} matrix {@code values} packed, or null when its values span {@link #MAX_SPAN}
   * or more, or the packed planes would not fit one Java array.
   */
  static NativeWeights of(int[] values, int rows, int cols) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long span = (long) max - min;
    int kPad = (cols + 3) & ~3;
    int planes = span <= 255 ? 1 : 2;
    if (span >= MAX_SPAN || (long) planes * rows * kPad > Integer.MAX_VALUE - 16) {
      return null;
    }
    byte[] bytes = new byte[planes * rows * kPad];
    int[] rowSums = new int[planes * rows];
    int[] info;
    if (planes == 1) {
      int beta = min >= -128 && max <= 127 ? 0 : min + 128;
      info = new int[] {1, beta};
      for (int n = 0; n < rows; n++) {
        for (int k = 0; k < cols; k++) {
          int s = values[n * cols + k] - beta;
          bytes[n * kPad + k] = (byte) s;
          rowSums[n] += s;
        }
      }
    } else {
      // v = min + lo + 256 hi with lo, hi the bytes of v - min: plane 0 holds lo - 128 (beta min + 128), plane 1 hi
      info = new int[] {1, min + 128, 256, 0};
      int stride = rows * kPad;
      for (int n = 0; n < rows; n++) {
        for (int k = 0; k < cols; k++) {
          int u = values[n * cols + k] - min;
          int lo = (u & 0xFF) - 128;
          int hi = u >>> 8;
          bytes[n * kPad + k] = (byte) lo;
          bytes[stride + n * kPad + k] = (byte) hi;
          rowSums[n] += lo;
          rowSums[rows + n] += hi;
        }
      }
    }
    return new NativeWeights(bytes, kPad, planes, info, rowSums, rows);
  }

  /**
   * {@code c[n * ldc + col0 + i] = sum_k a(k, i) * v(n, k)} (int32, wrapping) for the given rows and the block's
   * columns {@code i < cols}, through the native kernel, with {@code work} as its scratch ({@link
   * NativeKernels#workBytes}); false (nothing written) when the kernel could not run.
   */
  boolean gemm(byte[] a, int aOff, int lda, int cols, int kLen, boolean signedActivations, int[] rowList,
      int count, int[] c, int ldc, int col0, byte[] work) {
    return NativeKernels.gemm(a, aOff, lda, cols, kLen, signedActivations, bytes, kPad, planes, planeStride, info,
        rowSums, rows, rowList, count, c, ldc, col0, work);
  }

  int planes() {
    return planes;
  }
}
