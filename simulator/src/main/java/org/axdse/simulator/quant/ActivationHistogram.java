package org.axdse.simulator.quant;

import java.util.Arrays;

/**
 * A streaming histogram of calibration values with a fixed number of equal bins over {@code [-R, R)}, where
 * {@code R} is the smallest power of two above every value seen (at least {@code 2^-126}). When a larger value
 * arrives, {@code R} doubles and adjacent bin pairs merge, which is exact because the bin count is a power of two
 * and every bin edge is a dyadic rational. The result (counts, range, min, max) therefore depends only on the
 * multiset of values added, not on their order or on how batches were split and {@link #merge merged}: it is
 * deterministic under any parallel accumulation.
 *
 * <p>The exact minimum and maximum are kept alongside the bins. Instances are mutable accumulators and not
 * thread-safe: give each thread its own and merge them.
 */
public final class ActivationHistogram {
  /** Bins used by default: 4096, so a one-sided (ReLU) distribution gets at least 1024 bins below its max. */
  public static final int DEFAULT_BINS = 4096;

  static final int MIN_EXPONENT = -126;

  private final int bins;
  private final int log2Bins;
  private long[] counts;
  private int exponent = MIN_EXPONENT;
  private long total;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public ActivationHistogram() {
    this(DEFAULT_BINS);
  }

  /** An empty histogram with {@code bins} bins, a power of two from 16 to {@code 2^20}. */
  public ActivationHistogram(int bins) {
    if (bins < 16 || bins > 1 << 20 || Integer.bitCount(bins) != 1) {
      throw new IllegalArgumentException("bins must be a power of two from 16 to 2^20, got " + bins);
    }
    this.bins = bins;
    this.log2Bins = Integer.numberOfTrailingZeros(bins);
    this.counts = new long[bins];
  }

  /** Adds one finite value. */
  public void add(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("non-finite calibration value " + v);
    }
    growTo(exponentFor(v));
    counts[binOf(v)]++;
    total++;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  public void add(float[] values) {
    add(values, 0, values.length);
  }

  /** Adds {@code values[offset .. offset + length)}. */
  public void add(float[] values, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, values.length);
    double lo = min;
    double hi = max;
    for (int i = offset; i < offset + length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("non-finite calibration value " + values[i] + " at index " + i);
      }
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    if (length == 0) {
      return;
    }
    min = lo;
    max = hi;
    growTo(exponentFor(Math.max(Math.abs(lo), Math.abs(hi))));
    for (int i = offset; i < offset + length; i++) {
      counts[binOf(values[i])]++;
    }
    total += length;
  }

  /** Adds every value counted by {@code other}, which must have the same bin count. */
  public void merge(ActivationHistogram other) {
    if (other.bins != bins) {
      throw new IllegalArgumentException("cannot merge histograms of " + bins + " and " + other.bins + " bins");
    }
    if (other.total == 0) {
      return;
    }
    ActivationHistogram o = other;
    if (other.exponent < exponent) {
      o = other.copy();
      o.growTo(exponent);
    } else {
      growTo(other.exponent);
    }
    for (int i = 0; i < bins; i++) {
      counts[i] += o.counts[i];
    }
    total += other.total;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public ActivationHistogram copy() {
    ActivationHistogram c = new ActivationHistogram(bins);
    c.counts = counts.clone();
    c.exponent = exponent;
    c.total = total;
    c.min = min;
    c.max = max;
    return c;
  }

  public int bins() {
    return bins;
  }

  /** Number of values added. */
  public long count() {
    return total;
  }

  /** The smallest value added ({@code +infinity} when empty). */
  public double min() {
    return min;
  }

  /** The largest value added ({@code -infinity} when empty). */
  public double max() {
    return max;
  }

  /** {@code R}: the bins cover {@code [-R, R)}. */
  public double limit() {
    return Math.scalb(1.0, exponent);
  }

  public double binWidth() {
    return Math.scalb(1.0, exponent + 1 - log2Bins);
  }

  /** Lower edge of bin {@code i}, {@code -R + i * binWidth}. */
  public double binLow(int i) {
    return -limit() + i * binWidth();
  }

  public long binCount(int i) {
    return counts[i];
  }

  /**
   * The {@code q}-quantile, {@code q} in {@code [0, 1]}: the value below which a fraction {@code q} of the
   * values lie, interpolated linearly inside its bin and clamped to {@code [min, max]}; 0 gives the minimum and 1
   * the maximum exactly.
   */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
    }
    if (total == 0) {
      throw new IllegalStateException("quantile of an empty histogram");
    }
    if (q == 0) {
      return min;
    }
    if (q == 1) {
      return max;
    }
    double target = q * total;
    long below = 0;
    for (int i = 0; i < bins; i++) {
      if (counts[i] > 0 && below + counts[i] >= target) {
        double x = binLow(i) + binWidth() * (target - below) / counts[i];
        return Math.max(min, Math.min(max, x));
      }
      below += counts[i];
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationHistogram h && h.bins == bins && h.total == total && h.exponent == exponent
        && Double.compare(h.min, min) == 0 && Double.compare(h.max, max) == 0 && Arrays.equals(h.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + exponent;
  }

  @Override
  public String toString() {
    return "ActivationHistogram[" + total + " values in [" + min + ", " + max + "], " + bins + " bins over +-"
        + limit() + "]";
  }

  /** The smallest {@code e >= MIN_EXPONENT} with {@code |v| < 2^e}. */
  private static int exponentFor(double v) {
    double a = Math.abs(v);
    return a == 0 ? MIN_EXPONENT : Math.max(MIN_EXPONENT, Math.getExponent(a) + 1);
  }

  /** Raises the range to {@code 2^e} (if larger), merging adjacent bin pairs once per doubling. */
  private void growTo(int e) {
    if (total == 0) {
      exponent = Math.max(exponent, e);
      return;
    }
    int doublings = Math.min(e - exponent, log2Bins + 1);
    for (int d = 0; d < doublings; d++) {
      long[] next = new long[bins];
      for (int i = 0; i < bins; i++) {
        next[bins / 4 + i / 2] += counts[i];
      }
      counts = next;
    }
    exponent = Math.max(exponent, e);
  }

  /** {@code floor(v / binWidth) + bins / 2}; exact because the bin width is a power of two. */
  private int binOf(double v) {
    return (int) Math.floor(Math.scalb(v, log2Bins - 1 - exponent)) + bins / 2;
  }
}
