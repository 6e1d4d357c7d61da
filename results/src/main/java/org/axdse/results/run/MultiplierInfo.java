package org.axdse.results.run;

import java.util.Objects;

/**
 * A multiplier of the run's library as the results need it: its name and its power and area relative to the
 * exact multiplier (exact = 1). {@code relativeArea} is NaN when unknown.
 */
public record MultiplierInfo(String name, double relativePower, double relativeArea) {
  public MultiplierInfo {
    EvaluatedPoint.checkName(Objects.requireNonNull(name, "multiplier name"));
    if (!(relativePower >= 0) || Double.isInfinite(relativePower)) {
      throw new IllegalArgumentException("relative power of " + name + " must be finite and >= 0: " + relativePower);
    }
    if (relativeArea < 0 || Double.isInfinite(relativeArea)) {
      throw new IllegalArgumentException("relative area of " + name + " must be finite and >= 0 or NaN");
    }
  }
}
