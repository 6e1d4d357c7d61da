package org.axdse.simulator.model;

/** Copies an N-dimensional box between two strided layouts; the common core of Slice, Pad, Transpose, Concat. */
final class StridedCopy {
  private StridedCopy() {}

  /** Row-major strides of {@code dims}. */
  static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** For every index {@code j} in the box {@code dims}: {@code dst[dstOff + j.dstStrides] = src[srcOff + j.srcStrides]}. */
  static void copy(float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff, int[] dstStrides, int[] dims) {
    int rank = dims.length;
    if (rank == 0) {
      dst[dstOff] = src[srcOff];
      return;
    }
    int inner = dims[rank - 1];
    int si = srcStrides[rank - 1];
    int di = dstStrides[rank - 1];
    int total = 1;
    for (int d : dims) {
      total *= d;
    }
    int[] idx = new int[rank];
    for (int q = 0, outer = total / inner; q < outer; q++) {
      int s = srcOff;
      int d = dstOff;
      for (int a = 0; a < rank - 1; a++) {
        s += idx[a] * srcStrides[a];
        d += idx[a] * dstStrides[a];
      }
      if (si == 1 && di == 1) {
        System.arraycopy(src, s, dst, d, inner);
      } else {
        for (int j = 0; j < inner; j++) {
          dst[d + j * di] = src[s + j * si];
        }
      }
      for (int a = rank - 2; a >= 0; a--) {
        if (++idx[a] < dims[a]) {
          break;
        }
        idx[a] = 0;
      }
    }
  }
}
