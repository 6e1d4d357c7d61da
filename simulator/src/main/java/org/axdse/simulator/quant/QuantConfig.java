package org.axdse.simulator.quant;

import java.util.Objects;

/**
 * How a model is quantized after training: the integer scheme, per-tensor or per-output-channel weights, the
 * weight width N (2 to 8; activations are always 8 bits), and the calibration: how many images (drawn with
 * {@code calibrationSeed} from the calibration split) and how activation ranges are chosen.
 *
 * <p>Defaults ({@link #defaults}): symmetric, per-tensor, 8-bit weights, 500 images, seed 1, activation ranges by
 * the 99.99th percentile, weights by min/max.
 */
public record QuantConfig(QuantMode mode, boolean perChannel, int weightBits, int calibrationImages,
    long calibrationSeed, CalibrationMethod activationMethod, double percentile) {
  public static final int DEFAULT_CALIBRATION_IMAGES = 500;
  public static final double DEFAULT_PERCENTILE = 99.99;

  public QuantConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(activationMethod, "activationMethod");
    if (weightBits < 2 || weightBits > 8) {
      throw new IllegalArgumentException("weight bits must be 2 to 8, got " + weightBits);
    }
    if (calibrationImages < 1) {
      throw new IllegalArgumentException("calibration needs at least one image, got " + calibrationImages);
    }
    if (!(percentile > 50 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
    }
  }

  public static QuantConfig defaults(QuantMode mode) {
    return new QuantConfig(mode, false, 8, DEFAULT_CALIBRATION_IMAGES, 1L, CalibrationMethod.PERCENTILE,
        DEFAULT_PERCENTILE);
  }

  public QuantConfig withPerChannel(boolean value) {
    return new QuantConfig(mode, value, weightBits, calibrationImages, calibrationSeed, activationMethod,
        percentile);
  }

  public QuantConfig withWeightBits(int bits) {
    return new QuantConfig(mode, perChannel, bits, calibrationImages, calibrationSeed, activationMethod,
        percentile);
  }

  public QuantConfig withCalibration(int images, CalibrationMethod method) {
    return new QuantConfig(mode, perChannel, weightBits, images, calibrationSeed, method, percentile);
  }

  /** The range selector for activations. */
  public RangeSelector activationSelector() {
    return activationMethod.selector(mode.scheme(), percentile);
  }

  /** A short description such as {@code sym, per-channel, w8, percentile(99.99) on 500 images}. */
  public String describe() {
    return mode.label() + ", " + (perChannel ? "per-channel" : "per-tensor") + ", w" + weightBits + ", "
        + activationSelector().name() + " on " + calibrationImages + " images";
  }
}
