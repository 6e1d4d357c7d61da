package org.axdse.simulator.kernels;

/** Per-thread work buffers of the kernels, grown on demand and reused across calls. */
final class Scratch {
  private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

  /** Block width in columns: two 64-column tiles. */
  static final int BLOCK = 128;

  byte[] block = new byte[0];
  int[] wide = new int[0];
  float[] wideFloat = new float[0];
  int[] ks = new int[0];
  int[] rows = new int[0];
  int[] tableRows = new int[0];
  private byte[] nativeWork = new byte[0];
  int[] tableSkip = new int[0];
  final int[] acc = new int[BLOCK];
  final float[] accFloat = new float[2 * BLOCK];
  final int[] cOffs = new int[4];
  final byte[] positions = new byte[ShiftedIm2Col.POSITIONS];
  final short[] sums = new short[2 * VectorTableKernel.SUMS];

  /** The native exact kernel's scratch for a reduction of {@code kLen} ({@link NativeKernels#workBytes}). */
  byte[] nativeWork(int kLen) {
    int size = NativeKernels.workBytes(kLen);
    if (nativeWork.length < size) {
      nativeWork = new byte[size];
    }
    return nativeWork;
  }

  static Scratch get(int kLen, int rowCount) {
    Scratch s = LOCAL.get();
    if (s.ks.length < kLen) {
      s.block = new byte[kLen * BLOCK];
      s.wide = new int[kLen * VectorExactKernel.WIDE];
      s.wideFloat = new float[kLen * FloatExactKernel.WIDE];
      s.ks = new int[kLen];
    }
    if (s.rows.length < rowCount) {
      s.rows = new int[rowCount];
      s.tableRows = new int[rowCount];
      s.tableSkip = new int[rowCount];
    }
    return s;
  }
}
