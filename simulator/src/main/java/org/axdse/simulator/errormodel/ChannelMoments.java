package org.axdse.simulator.errormodel;

/**
 * The modelled accumulator error of every output channel of one layer: {@code mean[o]} and {@code variance[o]}
 * over the channel's accumulators, in accumulator units (the sum of its products' errors).
 */
public record ChannelMoments(double[] mean, double[] variance) {
  public ChannelMoments {
    if (mean.length != variance.length || mean.length == 0) {
      throw new IllegalArgumentException(mean.length + " means and " + variance.length + " variances");
    }
    mean = mean.clone();
    variance = variance.clone();
    for (int o = 0; o < mean.length; o++) {
      if (!Double.isFinite(mean[o]) || !(variance[o] >= 0) || Double.isInfinite(variance[o])) {
        throw new IllegalArgumentException("channel " + o + ": mean " + mean[o] + ", variance " + variance[o]);
      }
    }
  }

  /** All-zero moments: an exact layer. */
  public static ChannelMoments zero(int channels) {
    return new ChannelMoments(new double[channels], new double[channels]);
  }

  public int channels() {
    return mean.length;
  }

  public double mean(int o) {
    return mean[o];
  }

  public double variance(int o) {
    return variance[o];
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] variance() {
    return variance.clone();
  }

  /**
   * The layer's error over all its accumulators, every channel having as many: the mixture of the channels,
   * mean {@code M = avg(mean[o])} and variance {@code avg(variance[o] + mean[o]^2) - M^2}, which is what the
   * simulator's per-layer statistics measure.
   */
  public LayerStatistics pooled() {
    double m = 0;
    double second = 0;
    for (int o = 0; o < mean.length; o++) {
      m += mean[o];
      second += variance[o] + mean[o] * mean[o];
    }
    m /= mean.length;
    second /= mean.length;
    return new LayerStatistics(m, Math.sqrt(Math.max(0, second - m * m)));
  }
}
