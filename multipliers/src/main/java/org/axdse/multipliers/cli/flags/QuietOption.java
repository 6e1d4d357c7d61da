package org.axdse.multipliers.cli.flags;

import picocli.CommandLine.Option;

/**
 * The {@code -q/--quiet} flag (a picocli mixin): no progress on stderr. Part of {@link ProgressOptions}; commands
 * whose progress is one line per step of their own (search, demo) take it alone.
 */
public final class QuietOption {
  @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
  boolean quiet;

  /** True when the user asked for no progress. */
  public boolean quiet() {
    return quiet;
  }
}
