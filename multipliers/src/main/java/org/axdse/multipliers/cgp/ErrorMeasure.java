package org.axdse.multipliers.cgp;

import java.util.Locale;

/**
 * The error an evolution bounds, relative to the exact product's size under the same distribution, so that one
 * threshold means the same in every layer. {@code MSE} and {@code VARIANCE} are noise-to-signal ratios
 * ({@code mse / sum P*x^2}, {@code variance / sum P*x^2}); {@code VARIANCE} suits layers whose mean error a bias
 * correction removes (axdse's compensation). {@code MAE} is the mean error distance relative to the mean absolute
 * product ({@code mae / sum P*|x|}), the MED of Mrazek et al. (ICCAD 2016) normalised. {@code LOSS} is the
 * layer's predicted logit loss after the search's compensation ({@link CompensatedLoss}).
 */
public enum ErrorMeasure {
  MSE,
  VARIANCE,
  MAE,
  /**
   * The error model's predicted logit loss of the layer after weight tuning and bias correction ({@link
   * CompensatedLoss}); not a function of a {@link WeightedError}.
   */
  LOSS;

  /** The normalised error of {@code e}; 0 when the exact product is 0 on the whole support. */
  public double of(WeightedError e) {
    double v = switch (this) {
      case MSE -> e.signalPower() == 0 ? 0 : e.mse() / e.signalPower();
      case VARIANCE -> e.signalPower() == 0 ? 0 : e.variance() / e.signalPower();
      case MAE -> e.meanAbsProduct() == 0 ? 0 : e.mae() / e.meanAbsProduct();
      case LOSS -> throw new IllegalStateException("the loss measure is not a weighted error (CompensatedLoss)");
    };
    return v;
  }

  /** The lower-case name used on the command line and in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The measure called {@code label} (case-insensitive), or null. */
  public static ErrorMeasure parse(String label) {
    for (ErrorMeasure m : values()) {
      if (m.label().equalsIgnoreCase(label)) {
        return m;
      }
    }
    return null;
  }
}
