package org.axdse.multipliers.metrics;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;

/**
 * How far a multiplier's products are from the exact ones, over all operand pairs of its format, each pair
 * weighted by an {@link OperandDistribution} (uniform unless given). With error {@code e = p - x} for
 * approximate product {@code p} and exact product {@code x = a * w}, and pair probability {@code P}:
 *
 * <ul>
 *   <li>{@code meanError} (bias) {@code = sum P*e};
 *   <li>{@code mae} (mean absolute error, MED) {@code = sum P*|e|};
 *   <li>{@code mse} {@code = sum P*e^2};
 *   <li>{@code wce} (worst-case error) {@code = max |e|} over pairs with {@code P > 0};
 *   <li>{@code mre} (mean relative error) {@code = sum_{x != 0} P*|e|/|x|  /  sum_{x != 0} P}: the mean over
 *       pairs whose exact product is non-zero only, since the relative error is undefined at {@code x = 0};
 *       0 when no such pair has {@code P > 0};
 *   <li>{@code wcre} (worst-case relative error) {@code = max |e|/|x|} over pairs with {@code x != 0, P > 0};
 *   <li>{@code errorProbability} (EP) {@code = sum_{e != 0} P};
 *   <li>{@code nmed} {@code = mae / max|x|}, the maximum taken over all pairs of the format (Liang, Han and
 *       Lombardi, "New Metrics for the Reliability of Approximate and Probabilistic Adders", IEEE TC 62(9),
 *       2013): 65025 for unsigned 8x8, 16384 for signed 8x8;
 *   <li>{@code maePercent} {@code = 100 * mae / R} and {@code wcePercent = 100 * wce / R}, with output range
 *       {@code R = 2^(8+N) - 1} for unsigned formats and {@code R = max x - min x} over all pairs for signed
 *       ones (32640 for signed 8x8).
 * </ul>
 *
 * <p>Relative errors are fractions (0.05 = 5 %); only the two {@code *Percent} fields are in percent. Float
 * multipliers use the products' real values, see {@link FloatErrors}.
 */
public record ErrorMetrics(double meanError, double mae, double mse, double wce, double mre, double wcre,
    double errorProbability, double nmed, double maePercent, double wcePercent) {

  public ErrorMetrics {
    double[] nonNegative = {mae, mse, wce, mre, wcre, errorProbability, nmed, maePercent, wcePercent};
    for (double v : nonNegative) {
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException("error metrics must be finite and >= 0 (except the mean error), got "
            + v);
      }
    }
    if (!Double.isFinite(meanError) || Math.abs(meanError) > mae * (1 + 1e-9) + 1e-12) {
      throw new IllegalArgumentException("mean error " + meanError + " must be finite with |mean| <= mae " + mae);
    }
    if (errorProbability > 1 + 1e-9) {
      throw new IllegalArgumentException("error probability " + errorProbability + " exceeds 1");
    }
  }

  /** The metrics of {@code table} with every operand pair equally likely. */
  public static ErrorMetrics of(ProductTable table) {
    return compute(table, null);
  }

  /** The metrics of {@code table} with operand pairs weighted by {@code distribution} (same format). */
  public static ErrorMetrics of(ProductTable table, OperandDistribution distribution) {
    if (!distribution.format().equals(table.format())) {
      throw new IllegalArgumentException("distribution format " + distribution.format()
          + " differs from table format " + table.format());
    }
    return compute(table, distribution);
  }

  /** Root-mean-square error, {@code sqrt(mse)}. */
  public double rmse() {
    return Math.sqrt(mse);
  }

  /** True when every pair with positive probability is exact. */
  public boolean isExact() {
    return wce == 0;
  }

  private static ErrorMetrics compute(ProductTable table, OperandDistribution distribution) {
    MultiplierFormat f = table.format();
    if (f.isFloat()) {
      return FloatErrors.compute(table, distribution);
    }
    ErrorSums sums = new ErrorSums();
    long maxAbsExact = 0;
    long minExact = Long.MAX_VALUE;
    long maxExact = Long.MIN_VALUE;
    for (int i = 0; i < table.size(); i++) {
      long x = table.exactAtIndex(i);
      maxAbsExact = Math.max(maxAbsExact, Math.abs(x));
      minExact = Math.min(minExact, x);
      maxExact = Math.max(maxExact, x);
      double p = distribution == null ? 1.0 : distribution.probabilityAt(i);
      if (p != 0) {
        sums.add(p, table.atIndex(i), x);
      }
    }
    double range = f.signed() ? maxExact - minExact : (1L << f.productBits()) - 1;
    return sums.metrics(maxAbsExact, range);
  }
}
