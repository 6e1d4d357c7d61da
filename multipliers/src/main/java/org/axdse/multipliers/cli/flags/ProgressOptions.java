package org.axdse.multipliers.cli.flags;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The progress flags of every long-running command (a picocli mixin). Progress goes to stderr only: a bar on a
 * terminal, periodic plain lines otherwise, nothing with {@code --quiet}.
 */
public final class ProgressOptions {
  @Mixin QuietOption quiet;

  @Option(names = "--progress-every", paramLabel = "SECONDS",
      description = "when stderr is not a terminal, a progress line every SECONDS (default: ${DEFAULT-VALUE})")
  double every = 10;

  /** Where this command reports progress: stderr as the flags say. */
  public ProgressListener listener() {
    if (!(every >= 0)) {
      throw new BadInputException("--progress-every: expected a number of seconds >= 0, got " + every);
    }
    return quiet.quiet() ? ProgressListener.NONE : new ConsoleProgress(System.err, Terminal.stderr(), every);
  }
}
