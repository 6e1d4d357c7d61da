package org.axdse.explorer.pick;

import java.util.Locale;

/**
 * What {@code axdse pick} must satisfy: at most {@code limit} percentage points of top-1 accuracy below the exact
 * network ({@link Kind#MAX_ACCURACY_DROP}), or a relative energy of at most {@code limit} (exact = 1,
 * {@link Kind#MAX_ENERGY}).
 */
public record Constraint(Kind kind, double limit) {
  /** The two rules; {@link #key()} is the name written in deploy files. */
  public enum Kind {
    MAX_ACCURACY_DROP,
    MAX_ENERGY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Constraint {
    if (kind == null || !(limit >= 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("a constraint needs a kind and a finite limit >= 0, got " + limit);
    }
  }

  public static Constraint maxAccuracyDrop(double points) {
    return new Constraint(Kind.MAX_ACCURACY_DROP, points);
  }

  public static Constraint maxEnergy(double relative) {
    return new Constraint(Kind.MAX_ENERGY, relative);
  }
}
