package org.axdse.multipliers.metrics;

import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.multipliers.table.ProductTable;

/**
 * {@link ErrorMetrics} of a float multiplier's table, in real-valued units: error {@code e = p - x} with the
 * products' exact values. Pairs with a NaN or infinite operand are left out (IEEE rules fix their products); an
 * infinite or NaN product of finite operands (overflow in a {@code _nosat} format) counts as {@code ±maxFinite}
 * of the format. The relative errors {@code mre} and
 * {@code wcre} are the natural measures here; {@code maePercent} and {@code wcePercent} use the range
 * {@code max x - min x} of the exact finite products.
 */
final class FloatErrors {
  private FloatErrors() {}

  static ErrorMetrics compute(ProductTable table, OperandDistribution distribution) {
    MultiplierFormat f = table.format();
    Minifloat el = f.element();
    ErrorSums sums = new ErrorSums();
    double maxAbsExact = 0;
    double minExact = Double.MAX_VALUE;
    double maxExact = -Double.MAX_VALUE;
    for (int i = 0; i < table.size(); i++) {
      if (!el.isFinite(f.activationAt(i)) || !el.isFinite(f.weightAt(i))) {
        continue;
      }
      double x = FloatProduct.unpack(table.exactAtIndex(i)).value();
      maxAbsExact = Math.max(maxAbsExact, Math.abs(x));
      minExact = Math.min(minExact, x);
      maxExact = Math.max(maxExact, x);
      double p = distribution == null ? 1.0 : distribution.probabilityAt(i);
      if (p == 0) {
        continue;
      }
      double v = FloatProduct.unpack(table.atIndex(i)).value();
      if (!Double.isFinite(v)) {
        v = Math.copySign(el.maxFinite(), Double.isNaN(v) ? x : v);
      }
      sums.add(p, v, x);
    }
    if (sums.empty()) {
      throw new IllegalArgumentException("no operand pair of " + f + " with finite operands has probability > 0");
    }
    return sums.metrics(maxAbsExact, maxExact - minExact);
  }
}
