package org.axdse.explorer.pick;

import java.util.Objects;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;

/**
 * The front point chosen under a {@link Constraint}: its accuracy (fraction) at {@code fidelity}
 * ({@code final} or {@code screening}), the exact network's accuracy at the same fidelity the drop is measured
 * from (NaN when the rule needs none), and its energy under {@code energyMetric}.
 */
public record Pick(EvaluatedPoint point, Constraint constraint, String fidelity, double accuracy,
    double referenceAccuracy, Metric energyMetric, double energy) {
  public Pick {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(fidelity, "fidelity");
    Objects.requireNonNull(energyMetric, "energy metric");
  }

  /** Accuracy lost against the exact network in percentage points; NaN without a reference. */
  public double drop() {
    return 100 * (referenceAccuracy - accuracy);
  }
}
