package org.axdse.simulator.quant;

/**
 * The expected squared error of quantizing the values of a histogram with given parameters. Values are taken to
 * be spread uniformly inside each bin (the first and last occupied bins are cut to the exact observed minimum and
 * maximum), so the error is a continuous function of the clipping range; each piece of a bin between two decision
 * boundaries {@code scale * (k - zeroPoint + 1/2)} is integrated in closed form against its level, and clipped
 * values count their full distance to {@code rangeMin} or {@code rangeMax}.
 */
public final class QuantizationError {
  private final double[] lows;
  private final double[] highs;
  private final long[] counts;
  private final long total;

  private QuantizationError(double[] lows, double[] highs, long[] counts, long total) {
    this.lows = lows;
    this.highs = highs;
    this.counts = counts;
    this.total = total;
  }

  /** The error model of {@code h}'s current contents (later additions to {@code h} are not seen). */
  public static QuantizationError of(ActivationHistogram h) {
    int n = 0;
    for (int i = 0; i < h.bins(); i++) {
      n += h.binCount(i) > 0 ? 1 : 0;
    }
    double[] lows = new double[n];
    double[] highs = new double[n];
    long[] counts = new long[n];
    int k = 0;
    for (int i = 0; i < h.bins(); i++) {
      if (h.binCount(i) > 0) {
        lows[k] = Math.max(h.binLow(i), h.min());
        highs[k] = Math.min(h.binLow(i) + h.binWidth(), h.max());
        counts[k++] = h.binCount(i);
      }
    }
    return new QuantizationError(lows, highs, counts, h.count());
  }

  /** Shorthand for {@code of(h).mse(p)}. */
  public static double expectedMse(ActivationHistogram h, QuantParams p) {
    return of(h).mse(p);
  }

  /** Mean over all values of {@code (x - dequantize(quantize(x)))^2}; 0 for an empty histogram. */
  public double mse(QuantParams p) {
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < counts.length; i++) {
      double a = lows[i];
      double b = highs[i];
      sum += b > a ? counts[i] * integral(a, b, p) / (b - a) : counts[i] * square(a - reconstruct(a, p));
    }
    return sum / total;
  }

  /** The quantized-then-dequantized value of {@code x}. */
  static double reconstruct(double x, QuantParams p) {
    return p.dequantize(p.quantize(x));
  }

  /** {@code integral over [a, b] of (x - Q(x))^2 dx}, splitting at decision boundaries. */
  static double integral(double a, double b, QuantParams p) {
    double s = p.scale();
    int zp = p.zeroPoint();
    int top = p.qmax();
    double total = 0;
    double u = a;
    while (u < b) {
      int k = p.quantize(u);
      double level = p.dequantize(k);
      // the decision boundary above level k; none above the top code
      double boundary = k < top ? s * (k - zp + 0.5) : Double.POSITIVE_INFINITY;
      double v = Math.min(b, boundary > u ? boundary : Math.nextUp(u));
      total += (cube(v - level) - cube(u - level)) / 3;
      u = v;
    }
    return total;
  }

  private static double square(double x) {
    return x * x;
  }

  private static double cube(double x) {
    return x * x * x;
  }
}
