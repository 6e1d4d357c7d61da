package org.axdse.simulator.quant;

import java.util.Locale;

/** How activation ranges are chosen from calibration histograms (weights always use min/max). */
public enum CalibrationMethod {
  MINMAX,
  PERCENTILE,
  MSE;

  /** The range selector of this method for activations quantized with {@code scheme} at 8 bits. */
  public RangeSelector selector(QuantScheme scheme, double percentile) {
    return switch (this) {
      case MINMAX -> RangeSelector.minMax();
      case PERCENTILE -> RangeSelector.percentile(percentile);
      case MSE -> RangeSelector.mse(scheme, 8);
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code minmax}, {@code percentile} or {@code mse}; null when unknown. */
  public static CalibrationMethod parse(String s) {
    String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    for (CalibrationMethod m : values()) {
      if (m.label().equals(v)) {
        return m;
      }
    }
    return null;
  }
}
