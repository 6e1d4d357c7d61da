package org.axdse.simulator.quant;

/**
 * Chooses the clipping range of a tensor from a histogram of its calibration values. The three strategies are
 * the usual post-training choices (see Wu et al., "Integer quantization for deep learning inference: principles
 * and empirical evaluation", arXiv:2004.09602, 2020): the full observed range, a percentile range, and the range
 * that minimises the expected quantization MSE.
 */
public interface RangeSelector {
  CalibrationRange select(ActivationHistogram histogram);

  /** Selects from raw values, through a histogram of {@link ActivationHistogram#DEFAULT_BINS} bins. */
  default CalibrationRange select(float[] values) {
    ActivationHistogram h = new ActivationHistogram();
    h.add(values);
    return select(h);
  }

  /** A short name for reports, e.g. {@code minmax}, {@code percentile(99.99)}, {@code mse(asym-u8)}. */
  String name();

  /** The exact observed {@code [min, max]}. */
  static RangeSelector minMax() {
    return new RangeSelector() {
      @Override
      public CalibrationRange select(ActivationHistogram h) {
        requireValues(h);
        return new CalibrationRange(h.min(), h.max());
      }

      @Override
      public String name() {
        return "minmax";
      }
    };
  }

  /**
   * {@code [quantile(1 - p), quantile(p)]} with {@code p = percent / 100}, {@code percent} in {@code (50, 100]}:
   * each tail beyond the range holds a fraction {@code 1 - p} of the values (interpolated within a bin, see
   * {@link ActivationHistogram#quantile}). 100 is the min/max range.
   */
  static RangeSelector percentile(double percent) {
    if (!(percent > 50 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be in (50, 100], got " + percent);
    }
    double p = percent / 100;
    return new RangeSelector() {
      @Override
      public CalibrationRange select(ActivationHistogram h) {
        requireValues(h);
        double lo = h.quantile(1 - p);
        double hi = h.quantile(p);
        return new CalibrationRange(Math.min(lo, hi), Math.max(lo, hi));
      }

      @Override
      public String name() {
        return "percentile(" + percent + ")";
      }
    };
  }

  /**
   * The range whose quantizer (under {@code scheme} at {@code bits} bits, nudging included) has the smallest
   * {@linkplain QuantizationError expected MSE} over the histogram. The search evaluates 1,184 clip points per
   * side (linear and geometric), refines the best by golden section, and for asymmetric schemes alternates
   * between the two sides until no improvement.
   */
  static RangeSelector mse(QuantScheme scheme, int bits) {
    java.util.Objects.requireNonNull(scheme, "scheme");
    if (bits < 2 || bits > 16) {
      throw new IllegalArgumentException("bits must be 2 to 16, got " + bits);
    }
    return new RangeSelector() {
      @Override
      public CalibrationRange select(ActivationHistogram h) {
        requireValues(h);
        return MseRangeSearch.search(h, scheme, bits);
      }

      @Override
      public String name() {
        return "mse(" + scheme.name().toLowerCase(java.util.Locale.ROOT) + "," + bits + ")";
      }
    };
  }

  private static void requireValues(ActivationHistogram h) {
    if (h.count() == 0) {
      throw new IllegalArgumentException("no calibration values to choose a range from");
    }
  }
}
