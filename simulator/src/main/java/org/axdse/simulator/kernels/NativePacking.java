package org.axdse.simulator.kernels;

/**
 * A weight matrix's values packed for the native exact kernel ({@link NativeWeights}), built on first use, so that
 * only the native mode pays for it. Packing twice on two threads gives equal packings, so the race is harmless.
 */
final class NativePacking {
  private final int[] values;
  private final int rows;
  private final int cols;
  private NativeWeights packed;
  private volatile boolean tried;

  NativePacking(int[] values, int rows, int cols) {
    this.values = values;
    this.rows = rows;
    this.cols = cols;
  }

  /** The packed values, or null when the kernel did not load or the values are too wide ({@link NativeWeights#of}). */
  NativeWeights get() {
    if (!tried) {
      packed = NativeKernels.available() ? NativeWeights.of(values, rows, cols) : null;
      tried = true;
    }
    return packed;
  }
}
