package org.axdse.simulator.quant;

/** A clipping range {@code [min, max]} chosen for a tensor from calibration data. */
public record CalibrationRange(double min, double max) {
  public CalibrationRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("calibration range [" + min + ", " + max + "] is not a finite interval");
    }
  }

  /** The range widened to contain 0, as every quantization scheme needs. */
  public CalibrationRange withZero() {
    return new CalibrationRange(Math.min(min, 0), Math.max(max, 0));
  }
}
