package org.axdse.multipliers.cli.flags;

/**
 * Whether stderr is a terminal. Java cannot tell on its own (and the {@code ./axdse} launcher filters stderr through
 * a pipe), so the launcher passes {@code -Daxdse.stderr.terminal=true|false}; without it stderr counts as not a
 * terminal, which gives plain lines.
 */
public final class Terminal {
  /** The system property the launcher sets. */
  public static final String PROPERTY = "axdse.stderr.terminal";

  private Terminal() {}

  /** True when the launcher found stderr to be a terminal. */
  public static boolean stderr() {
    return Boolean.getBoolean(PROPERTY);
  }
}
