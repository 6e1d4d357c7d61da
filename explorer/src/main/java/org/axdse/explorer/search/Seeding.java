package org.axdse.explorer.search;

import java.util.Locale;

/**
 * How generation 0 is seeded ({@code --init}). {@link #UNIFORM}: the all-exact genome, every uniform assignment,
 * then random genomes. {@link #ALLOCATION}: the all-exact genome, then up to half the population of
 * {@link Allocation}s from one-layer losses measured before the search, then as {@link #UNIFORM}.
 */
public enum Seeding {
  UNIFORM("uniform"),
  ALLOCATION("allocation");

  private final String label;

  Seeding(String label) {
    this.label = label;
  }

  /** The flag value. */
  public String label() {
    return label;
  }

  /** Parses a flag value; throws {@link IllegalArgumentException} naming the known ones. */
  public static Seeding parse(String s) {
    String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    for (Seeding x : values()) {
      if (x.label.equals(v)) {
        return x;
      }
    }
    throw new IllegalArgumentException("--init must be uniform or allocation, not '" + s + "'");
  }
}
