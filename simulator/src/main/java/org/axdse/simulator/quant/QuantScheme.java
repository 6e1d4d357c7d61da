package org.axdse.simulator.quant;

/** How a real range becomes {@link QuantParams}. */
public enum QuantScheme {
  /** Signed codes, zero point 0, narrow range: {@code [-T, T]} with {@code T = max(|min|, |max|)}. */
  SYMMETRIC,
  /** Unsigned codes with a nudged zero point (TFLite uint8). */
  ASYMMETRIC_UNSIGNED,
  /** Signed full-range codes with a nudged zero point (TFLite int8 activations). */
  ASYMMETRIC_SIGNED;

  /** The parameters of this scheme for the real range {@code [min, max]} at {@code bits} bits. */
  public QuantParams params(double min, double max, int bits) {
    return switch (this) {
      case SYMMETRIC -> QuantParams.symmetric(Math.max(Math.abs(min), Math.abs(max)), bits);
      case ASYMMETRIC_UNSIGNED -> QuantParams.asymmetric(min, max, bits, false);
      case ASYMMETRIC_SIGNED -> QuantParams.asymmetric(min, max, bits, true);
    };
  }

  public QuantParams params(CalibrationRange range, int bits) {
    return params(range.min(), range.max(), bits);
  }
}
