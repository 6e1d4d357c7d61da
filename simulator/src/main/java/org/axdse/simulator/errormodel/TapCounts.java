package org.axdse.simulator.errormodel;

import org.axdse.simulator.compensation.TapHistograms;

/**
 * The activation codes each weight position of a convolution or dense layer multiplies, as counted by
 * {@link TapHistograms} (padding taps as the input zero point): {@code counts[((g * reduction) + k) * 256 + code]}
 * for group {@code g}, reduction index {@code k} and code bit pattern {@code code}, over {@code positions}
 * accumulators per channel. Every tap's counts sum to {@code positions}.
 */
public record TapCounts(int groups, int reduction, long positions, long[] counts) {
  public TapCounts {
    if (groups < 1 || reduction < 1 || positions < 1) {
      throw new IllegalArgumentException("groups, reduction and positions must be at least 1 (no calibration "
          + "positions counted?)");
    }
    if (counts.length != (long) groups * reduction * 256) {
      throw new IllegalArgumentException(counts.length + " counts for " + groups + " x " + reduction + " taps");
    }
    counts = counts.clone();
    for (int t = 0; t < groups * reduction; t++) {
      long sum = 0;
      for (int c = 0; c < 256; c++) {
        if (counts[t * 256 + c] < 0) {
          throw new IllegalArgumentException("negative count at tap " + t);
        }
        sum += counts[t * 256 + c];
      }
      if (sum != positions) {
        throw new IllegalArgumentException("tap " + t + " counts " + sum + " activations, not " + positions);
      }
    }
  }

  /** The counts of a measured histogram. */
  public static TapCounts of(TapHistograms h) {
    return new TapCounts(h.groups(), h.reduction(), h.positions(), h.counts());
  }

  /** The count of code bit pattern {@code code} at tap {@code (g, k)}. */
  public long count(int g, int k, int code) {
    return counts[(g * reduction + k) * 256 + code];
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }
}
