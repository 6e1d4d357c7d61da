package org.axdse.results.pareto;

import java.util.Locale;

/** Whether an objective is to be made small or large. */
public enum Direction {
  MINIMIZE,
  MAXIMIZE;

  /** The value in minimisation form: maximised objectives are negated, so smaller is always better. */
  public double toMinimization(double value) {
    return this == MAXIMIZE ? -value : value;
  }

  /** The lower-case name used in files ({@code minimize}, {@code maximize}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()} (case-insensitive); throws {@link IllegalArgumentException} on anything else. */
  public static Direction parse(String text) {
    for (Direction d : values()) {
      if (d.label().equalsIgnoreCase(text.strip())) {
        return d;
      }
    }
    throw new IllegalArgumentException("direction must be minimize or maximize, not '" + text + "'");
  }
}
