package org.axdse.multipliers.metrics;

/**
 * The running sums behind {@link ErrorMetrics}: one {@link #add} per operand pair with its probability, its
 * approximate and its exact product, then {@link #metrics} with the format's output range. Shared by the integer
 * and the float ({@link FloatErrors}) computations so both define every metric the same way.
 */
final class ErrorSums {
  private double sumP;
  private double sumE;
  private double sumAbs;
  private double sumSq;
  private double sumWrong;
  private double sumPNonZero;
  private double sumRel;
  private double wce;
  private double wcre;

  void add(double p, double approximate, double exact) {
    double e = approximate - exact;
    double abs = Math.abs(e);
    sumP += p;
    sumE += p * e;
    sumAbs += p * abs;
    sumSq += p * abs * abs;
    wce = Math.max(wce, abs);
    if (e != 0) {
      sumWrong += p;
    }
    if (exact != 0) {
      double rel = abs / Math.abs(exact);
      sumPNonZero += p;
      sumRel += p * rel;
      wcre = Math.max(wcre, rel);
    }
  }

  /** The metrics; {@code maxAbsExact} scales NMED, {@code range} the two percentages. */
  ErrorMetrics metrics(double maxAbsExact, double range) {
    double mae = sumAbs / sumP;
    return new ErrorMetrics(sumE / sumP, mae, sumSq / sumP, wce, sumPNonZero > 0 ? sumRel / sumPNonZero : 0,
        wcre, Math.min(1.0, sumWrong / sumP), mae / maxAbsExact, 100 * mae / range, 100 * wce / range);
  }

  boolean empty() {
    return sumP == 0;
  }
}
