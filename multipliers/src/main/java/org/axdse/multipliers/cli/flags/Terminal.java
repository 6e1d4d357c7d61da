package org.axdse.multipliers.cli.flags;

/**
 * Whether stderr is a terminal, and how wide. Java cannot tell on its own (and the {@code ./axdse} launcher filters
 * stderr through a pipe), so the launcher passes {@code -Daxdse.stderr.terminal=true|false} and
 * {@code -Daxdse.stderr.columns=N}; without them stderr counts as not a terminal, which gives plain lines.
 */
public final class Terminal {
  /** The system property the launcher sets. */
  public static final String PROPERTY = "axdse.stderr.terminal";

  private Terminal() {}

  /** The terminal's width in columns, or 0 when unknown. */
  public static int columns() {
    return Integer.getInteger("axdse.stderr.columns", 0);
  }

  /** True when the launcher found stderr to be a terminal. */
  public static boolean stderr() {
    return Boolean.getBoolean(PROPERTY);
  }
}
