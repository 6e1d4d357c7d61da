package org.axdse.simulator.predict;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A strictly decreasing map from the noise figure to top-1: the logistic
 * {@code y = low + (high - low) / (1 + exp(k * (x - x0)))}, whose asymptotes are the collapsed and the exact
 * network's top-1 (a {@link TopOneRange}, or else the worst and the best fitted top-1) and whose steepness {@code k > 0} and midpoint {@code x0}
 * are fitted by least squares (Levenberg-Marquardt, Commons Math 3, started from the best point of a fixed
 * grid, so the fit is deterministic). A step-wise (isotonic) fit gives every point of a flat block the mean of
 * the others when it is held back, which orders the held-back points of a block against their own top-1; a
 * strictly monotone map keeps the order of the noise figure.
 */
public final class LogisticMap {
  private static final double[] STEEPNESS = {0.25, 0.5, 1, 2, 4, 8, 16};
  private static final double EXP_LIMIT = 700;

  private final double low;
  private final double high;
  private final double steepness;
  private final double midpoint;

  LogisticMap(double low, double high, double steepness, double midpoint) {
    if (!(high >= low) || !(steepness > 0) || !Double.isFinite(midpoint)) {
      throw new IllegalArgumentException("logistic " + low + ".." + high + ", k " + steepness + ", x0 " + midpoint);
    }
    this.low = low;
    this.high = high;
    this.steepness = steepness;
    this.midpoint = midpoint;
  }

  /** The least-squares logistic of {@code y} on {@code x} (at least one finite point), ends from the points. */
  public static LogisticMap fit(double[] x, double[] y) {
    return fit(x, y, null);
  }

  /**
   * The least-squares logistic of {@code y} on {@code x} (at least one finite point) between the ends
   * {@code range} (null: the worst and the best fitted top-1).
   */
  public static LogisticMap fit(double[] x, double[] y, TopOneRange range) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(x.length + " x and " + y.length + " y values");
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + ": (" + x[i] + ", " + y[i] + ")");
      }
      low = Math.min(low, y[i]);
      high = Math.max(high, y[i]);
    }
    if (range != null) {
      low = range.low();
      high = range.high();
    }
    double[] start = start(x, y, low, high);
    if (high - low < 1e-12 || x.length < 3) {
      return new LogisticMap(low, high, start[0], start[1]);
    }
    double lo = low;
    double hi = high;
    LeastSquaresOptimizer.Optimum o;
    try {
      o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
          .start(new double[] {Math.log(start[0]), start[1]})
          .target(y)
          .model(p -> jacobian(p, x, lo, hi))
          .maxEvaluations(2000)
          .maxIterations(2000)
          .build());
    } catch (RuntimeException tooManyIterations) {
      return new LogisticMap(low, high, start[0], start[1]);
    }
    double k = Math.exp(o.getPoint().getEntry(0));
    double x0 = o.getPoint().getEntry(1);
    if (!(k > 0) || !Double.isFinite(k) || !Double.isFinite(x0)
        || sse(x, y, low, high, k, x0) > sse(x, y, low, high, start[0], start[1])) {
      return new LogisticMap(low, high, start[0], start[1]);
    }
    return new LogisticMap(low, high, k, x0);
  }

  /** The best {steepness, midpoint} of the grid: {@link #STEEPNESS} by midpoints between sorted distinct x. */
  private static double[] start(double[] x, double[] y, double low, double high) {
    double[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    double[] best = {1, sorted[sorted.length / 2]};
    double bestSse = Double.POSITIVE_INFINITY;
    for (double k : STEEPNESS) {
      for (int i = 0; i + 1 < sorted.length; i++) {
        if (sorted[i + 1] == sorted[i]) {
          continue;
        }
        double x0 = (sorted[i] + sorted[i + 1]) / 2;
        double s = sse(x, y, low, high, k, x0);
        if (s < bestSse) {
          bestSse = s;
          best = new double[] {k, x0};
        }
      }
    }
    return best;
  }

  private static double sse(double[] x, double[] y, double low, double high, double k, double x0) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = value(x[i], low, high, k, x0) - y[i];
      s += r * r;
    }
    return s;
  }

  /** Values and Jacobian in the parameters (log k, x0). */
  private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> jacobian(RealVector p, double[] x,
      double low, double high) {
    double k = Math.exp(p.getEntry(0));
    double x0 = p.getEntry(1);
    double[] v = new double[x.length];
    double[][] j = new double[x.length][2];
    for (int i = 0; i < x.length; i++) {
      double s = sigmoid(k * (x[i] - x0));
      v[i] = low + (high - low) * s;
      double ds = -(high - low) * s * (1 - s); // d value / d (k (x - x0))
      j[i][0] = ds * k * (x[i] - x0);
      j[i][1] = -ds * k;
    }
    return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
  }

  /** {@code 1 / (1 + exp(z))}. */
  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(Math.max(-EXP_LIMIT, Math.min(EXP_LIMIT, z))));
  }

  private static double value(double x, double low, double high, double k, double x0) {
    return low + (high - low) * sigmoid(k * (x - x0));
  }

  /** The map at {@code x}. */
  public double apply(double x) {
    return value(x, low, high, steepness, midpoint);
  }

  public double steepness() {
    return steepness;
  }

  public double midpoint() {
    return midpoint;
  }
}
