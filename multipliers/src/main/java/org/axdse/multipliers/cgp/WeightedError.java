package org.axdse.multipliers.cgp;

/**
 * A multiplier's error {@code e = p - x} (approximate minus exact product) weighted by the probability of each
 * operand pair, with the exact product's own moments for normalisation. {@code variance = mse - meanError^2} is
 * the part of the error a per-channel bias correction cannot remove.
 *
 * @param meanError {@code sum P*e}
 * @param mae {@code sum P*|e|}
 * @param mse {@code sum P*e^2}
 * @param signalPower {@code sum P*x^2}
 * @param meanAbsProduct {@code sum P*|x|}
 */
public record WeightedError(double meanError, double mae, double mse, double signalPower, double meanAbsProduct) {
  public WeightedError {
    for (double v : new double[] {mae, mse, signalPower, meanAbsProduct}) {
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("weighted error moments must be finite and >= 0, got " + v);
      }
    }
    if (!Double.isFinite(meanError)) {
      throw new IllegalArgumentException("mean error must be finite, got " + meanError);
    }
  }

  /** {@code mse - meanError^2}, never below 0. */
  public double variance() {
    return Math.max(0, mse - meanError * meanError);
  }

  /** True when no pair of positive probability has an error. */
  public boolean isExact() {
    return mae == 0;
  }
}
