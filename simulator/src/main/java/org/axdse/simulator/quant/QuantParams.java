package org.axdse.simulator.quant;

/**
 * The affine map between real values and N-bit integer codes, {@code real = scale * (code - zeroPoint)}, with
 * codes clamped to {@code [qmin, qmax]}: for signed codes {@code [-2^(bits-1), 2^(bits-1) - 1]}, or with
 * {@code narrowRange} {@code [-(2^(bits-1) - 1), 2^(bits-1) - 1]} so that the range is symmetric (as TFLite does
 * for int8 weights); for unsigned codes {@code [0, 2^bits - 1]}. The zero point is a code, so 0.0 is always
 * exactly representable.
 */
public record QuantParams(double scale, int zeroPoint, int bits, boolean signed, boolean narrowRange) {
  public QuantParams {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
    }
    if (bits < 2 || bits > 16) {
      throw new IllegalArgumentException("bits must be 2 to 16, got " + bits);
    }
    if (narrowRange && !signed) {
      throw new IllegalArgumentException("narrow range applies to signed codes only");
    }
    int lo = qmin(bits, signed, narrowRange);
    int hi = qmax(bits, signed);
    if (zeroPoint < lo || zeroPoint > hi) {
      throw new IllegalArgumentException("zero point " + zeroPoint + " is outside the code range [" + lo + ", "
          + hi + "]");
    }
  }

  /** Full-range codes ({@code narrowRange} false). */
  public QuantParams(double scale, int zeroPoint, int bits, boolean signed) {
    this(scale, zeroPoint, bits, signed, false);
  }

  /**
   * Symmetric signed quantization of {@code [-threshold, threshold]}: zero point 0, narrow range
   * {@code [-(2^(bits-1) - 1), 2^(bits-1) - 1]}, {@code scale = threshold / (2^(bits-1) - 1)}. A zero threshold
   * (all values zero) gets scale 1.
   */
  public static QuantParams symmetric(double threshold, int bits) {
    if (!(threshold >= 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite and non-negative, got " + threshold);
    }
    checkBits(bits);
    double scale = threshold / ((1 << (bits - 1)) - 1);
    return new QuantParams(scale > 0 ? scale : 1.0, 0, bits, true, true);
  }

  /**
   * Asymmetric quantization of {@code [min, max]} (first widened to contain 0) with the zero point nudged as in
   * TensorFlow's {@code FakeQuantWithMinMaxArgs} (Jacob et al., "Quantization and training of neural networks
   * for efficient integer-arithmetic-only inference", CVPR 2018): {@code scale = (max - min) / (qmax - qmin)},
   * {@code zeroPoint = clamp(round(qmin - min / scale), qmin, qmax)}. The represented range becomes
   * {@code [scale * (qmin - zeroPoint), scale * (qmax - zeroPoint)]}, shifted by less than half a step so that
   * 0.0 is exactly a code. An empty range (all values zero) gets scale 1 and the code of 0.
   */
  public static QuantParams asymmetric(double min, double max, int bits, boolean signed) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("range [" + min + ", " + max + "] is not a finite interval");
    }
    checkBits(bits);
    double lo = Math.min(min, 0.0);
    double hi = Math.max(max, 0.0);
    int qmin = qmin(bits, signed, false);
    int qmax = qmax(bits, signed);
    double scale = (hi - lo) / ((double) qmax - qmin);
    if (!(scale > 0) || !Double.isFinite(scale)) {
      return new QuantParams(1.0, Math.max(qmin, 0), bits, signed);
    }
    double zeroPointFromMin = qmin - lo / scale;
    long zp = Math.max(qmin, Math.min(qmax, roundHalfAway(zeroPointFromMin)));
    return new QuantParams(scale, (int) zp, bits, signed);
  }

  /** Unsigned asymmetric quantization, the TFLite uint8 scheme for activations. */
  public static QuantParams asymmetric(double min, double max, int bits) {
    return asymmetric(min, max, bits, false);
  }

  public int qmin() {
    return qmin(bits, signed, narrowRange);
  }

  public int qmax() {
    return qmax(bits, signed);
  }

  /** {@code clamp(round(x / scale) + zeroPoint, qmin, qmax)}, rounding halves away from zero. */
  public int quantize(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("cannot quantize NaN");
    }
    return clamp(roundHalfAway(x / scale) + zeroPoint);
  }

  /** {@code scale * (code - zeroPoint)}. */
  public double dequantize(int code) {
    return scale * ((long) code - zeroPoint);
  }

  /** {@code code} clamped to {@code [qmin, qmax]}. */
  public int clamp(long code) {
    return (int) Math.max(qmin(), Math.min(qmax(), code));
  }

  /** The smallest real value represented, {@code dequantize(qmin)}. */
  public double rangeMin() {
    return dequantize(qmin());
  }

  /** The largest real value represented, {@code dequantize(qmax)}. */
  public double rangeMax() {
    return dequantize(qmax());
  }

  /**
   * {@code v} rounded to the nearest integer, halves away from zero (as C's {@code round}, which TFLite uses);
   * saturates at the long range.
   */
  public static long roundHalfAway(double v) {
    double a = Math.abs(v);
    double t = Math.floor(a);
    double r = a - t >= 0.5 ? t + 1 : t;
    return (long) Math.copySign(r, v);
  }

  static int qmin(int bits, boolean signed, boolean narrowRange) {
    return signed ? -(1 << (bits - 1)) + (narrowRange ? 1 : 0) : 0;
  }

  static int qmax(int bits, boolean signed) {
    return signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
  }

  private static void checkBits(int bits) {
    if (bits < 2 || bits > 16) {
      throw new IllegalArgumentException("bits must be 2 to 16, got " + bits);
    }
  }
}
