package org.axdse.results.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axdse.results.indicators.Hypervolume;
import org.axdse.results.indicators.IgdPlus;

/**
 * The project's convention for indicator computation: every objective is turned into minimisation form on a
 * scale of about [0, 1] and compared against a fixed reference point, so hypervolumes of runs with the same
 * objectives and library are comparable.
 *
 * <ul>
 *   <li>accuracy (any fidelity, a fraction): {@code 1 - accuracy} (the error rate), reference 1.0;
 *   <li>multiplier energy, system energy, area (relative, exact = 1): unchanged, reference 1.1, so the exact
 *       point still encloses a slab of volume;
 *   <li>types: {@code types / K} with K the size of the multiplier library, reference 1.1.
 * </ul>
 *
 * A point worse than the reference in some objective contributes no hypervolume; a point with an objective not
 * evaluated (NaN) is left out.
 *
 * @param typesScale K, the divisor of the types objective
 */
public record Normalization(List<Metric> metrics, int typesScale) {
  public static final double ACCURACY_REFERENCE = 1.0;
  public static final double COST_REFERENCE = 1.1;

  public Normalization {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("normalisation needs at least one metric");
    }
    if (typesScale < 1) {
      throw new IllegalArgumentException("types scale must be >= 1: " + typesScale);
    }
  }

  /**
   * The convention for a run's objectives. K is the library size; a run that minimises types must list its
   * library in run.json.
   */
  public static Normalization standard(RunConfig config) {
    if (config.metrics().contains(Metric.TYPES) && config.multipliers().isEmpty()) {
      throw new IllegalArgumentException("the types objective needs the multiplier library in the run config");
    }
    return new Normalization(config.metrics(), Math.max(1, config.multipliers().size()));
  }

  /** The reference point in normalised minimisation form. */
  public double[] referencePoint() {
    double[] r = new double[metrics.size()];
    for (int k = 0; k < r.length; k++) {
      r[k] = metrics.get(k).isAccuracy() ? ACCURACY_REFERENCE : COST_REFERENCE;
    }
    return r;
  }

  /** The normalised minimisation vector of {@code p}, or null when one of its objectives is NaN. */
  public double[] normalise(EvaluatedPoint p) {
    double[] v = new double[metrics.size()];
    for (int k = 0; k < v.length; k++) {
      Metric m = metrics.get(k);
      double x = m.value(p);
      if (Double.isNaN(x)) {
        return null;
      }
      v[k] = m.isAccuracy() ? 1 - x : m == Metric.TYPES ? x / typesScale : x;
    }
    return v;
  }

  /** The normalised vectors of the points whose objectives are all evaluated. */
  public double[][] normalise(List<EvaluatedPoint> points) {
    List<double[]> rows = new ArrayList<>(points.size());
    for (EvaluatedPoint p : points) {
      double[] v = normalise(p);
      if (v != null) {
        rows.add(v);
      }
    }
    return rows.toArray(new double[0][]);
  }

  /** The hypervolume of {@code points} under this convention. */
  public double hypervolume(List<EvaluatedPoint> points) {
    return Hypervolume.of(referencePoint()).compute(normalise(points));
  }

  /** IGD+ of {@code points} against {@code referenceFront}, both normalised by this convention. */
  public double igdPlus(List<EvaluatedPoint> points, List<EvaluatedPoint> referenceFront) {
    return IgdPlus.of(normalise(referenceFront)).compute(normalise(points));
  }
}
