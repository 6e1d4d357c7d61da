package org.axdse.simulator.engine;

/**
 * Running statistics of the accumulator error of one approximable layer: for every output accumulator, the table
 * sum minus the exact sum over the same input codes (zero-point terms cancel, so this is the multipliers' error
 * in accumulator units). Deterministic: partial sums are added in a fixed order. Mutable; not thread-safe.
 */
final class ErrorStatistics {
  private long count;
  private long sum;
  private double sumSquares;

  void add(long n, long s, double sq) {
    count += n;
    sum += s;
    sumSquares += sq;
  }

  long count() {
    return count;
  }

  double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /** Population standard deviation. */
  double std() {
    if (count == 0) {
      return 0;
    }
    double m = mean();
    return Math.sqrt(Math.max(0, sumSquares / count - m * m));
  }

  /**
   * Adds the differences {@code table[off + i] - exact[off + i]} of {@code len} accumulators, in chunks of a fixed
   * size summed in order, so the result does not depend on threads.
   */
  static void accumulate(ErrorStatistics stats, int[] table, int[] exact, int len,
      org.axdse.simulator.kernels.Kernels k) {
    int chunk = 1 << 14;
    int tasks = (len + chunk - 1) / chunk;
    long[] sums = new long[tasks];
    double[] squares = new double[tasks];
    k.parallelFor(tasks, t -> {
      long s = 0;
      double q = 0;
      for (int i = t * chunk, end = Math.min(len, i + chunk); i < end; i++) {
        long d = (long) table[i] - exact[i];
        s += d;
        q += (double) d * d;
      }
      sums[t] = s;
      squares[t] = q;
    });
    for (int t = 0; t < tasks; t++) {
      stats.add(Math.min(chunk, len - (long) t * chunk), sums[t], squares[t]);
    }
  }
}
