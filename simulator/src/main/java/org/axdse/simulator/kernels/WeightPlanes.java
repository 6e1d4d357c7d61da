package org.axdse.simulator.kernels;

/**
 * The weight codes of a {@link WeightMatrix} as bit planes packed along the reduction axis, for the bilinear
 * kernel: word {@code q} of plane j of row n holds bit j of the codes at {@code k = 64 q .. 64 q + 63} (bit {@code
 * k - 64 q}; bits past K are zero), and {@link #count} the number of k whose code has bit j set. Built once per
 * matrix ({@link WeightMatrix#bitPlanes()}); immutable.
 */
final class WeightPlanes {
  private final int words;
  private final long[] bits;
  private final long[] broadcast;
  private final int[] counts;

  private WeightPlanes(WeightMatrix w) {
    int kLen = w.cols();
    this.words = (kLen + 63) >>> 6;
    this.bits = new long[w.rows() * 8 * words];
    this.counts = new int[w.rows() * 8];
    for (int n = 0; n < w.rows(); n++) {
      for (int k = 0; k < kLen; k++) {
        int code = w.code(n, k);
        for (int j = 0; j < 8; j++) {
          if ((code >> j & 1) != 0) {
            bits[(n * 8 + j) * words + (k >>> 6)] |= 1L << (k & 63);
            counts[n * 8 + j]++;
          }
        }
      }
    }
    this.broadcast = new long[bits.length * 8];
    for (int i = 0; i < bits.length; i++) {
      java.util.Arrays.fill(broadcast, 8 * i, 8 * i + 8, bits[i]);
    }
  }

  static WeightPlanes of(WeightMatrix w) {
    return new WeightPlanes(w);
  }

  /** Words per plane: {@code ceil(K / 64)}. */
  int words() {
    return words;
  }

  /** The planes, word q of plane j of row n at {@code (n * 8 + j) * words() + q}. */
  long[] bits() {
    return bits;
  }

  /**
   * {@link #bits()} with every word repeated 8 times, so the kernel loads a 512-bit vector of one word (a plain
   * load) instead of broadcasting it from a register (a shuffle-port micro-operation per use).
   */
  long[] broadcast() {
    return broadcast;
  }

  /** The number of weights of row {@code n} whose code has bit {@code j} set. */
  int count(int n, int j) {
    return counts[n * 8 + j];
  }
}
