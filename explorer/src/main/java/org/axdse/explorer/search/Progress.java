package org.axdse.explorer.search;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.axdse.multipliers.cli.flags.ConsoleProgress;
import org.axdse.multipliers.cli.flags.Terminal;
import org.axdse.multipliers.util.ProgressListener;

/**
 * What the user sees of a running search, on stderr. On a terminal a progress bar (the {@code me.tongfei:progressbar}
 * library, as every other long command uses) is redrawn in place: generations, evaluations and their rate, cache
 * hits, hypervolume, ETA; otherwise one plain line per generation. Every message and generation line is also
 * appended, time-stamped, to the run's {@code search.log}.
 */
public final class Progress {
  private final PrintStream out;
  private final boolean terminal;
  private Path logFile;
  private Supplier<String> backendStatus = () -> "";
  private ProgressBar bar;
  private String status = "";
  private volatile Duration eta;

  /** {@code terminal}: draw a bar (the launcher tells whether stderr is a terminal). */
  public Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A progress that prints nothing (tests). */
  public static Progress silent() {
    return new Progress(new PrintStream(PrintStream.nullOutputStream()), false);
  }

  void logTo(Path file) {
    logFile = file;
  }

  /** Appends what {@code status} says (cluster members and their evaluations) to every generation line. */
  void statusFrom(Supplier<String> status) {
    backendStatus = status;
  }

  /** A message line: printed (above the bar) and logged. */
  void info(String message) {
    if (bar != null) {
      out.print("\r\033[K");
    }
    out.println(message);
    log(message);
  }

  /** One line per completed generation; the bar shows the same figures. */
  void generation(int generation, int maxGenerations, long evaluations, double rate, long hits, double hv,
      double etaSeconds) {
    String gen = maxGenerations > 0 ? generation + "/" + maxGenerations : String.valueOf(generation);
    String line = String.format(Locale.ROOT, "generation %s: %d evaluations (%.2f/s), %d cache hits, HV %.6f%s",
        gen, evaluations, rate, hits, hv, Double.isFinite(etaSeconds) ? ", ETA " + clock(etaSeconds) : "");
    String backend = backendStatus.get();
    if (!backend.isEmpty()) {
      line += "; " + backend;
    }
    log(line);
    if (terminal) {
      eta = Double.isFinite(etaSeconds) ? Duration.ofSeconds(Math.round(etaSeconds)) : null;
      if (bar == null) {
        bar = new ProgressBarBuilder().setTaskName("search").setInitialMax(maxGenerations > 0 ? maxGenerations : -1)
            .setUnit(" gen", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
            .setEtaFunction(state -> Optional.ofNullable(eta))
            .setConsumer(Terminal.columns() > 0 ? new ConsoleProgressBarConsumer(out, Terminal.columns() - 1)
                : new ConsoleProgressBarConsumer(out)).build();
      }
      status = String.format(Locale.ROOT, "evals %d (%.2f/s) hits %d HV %.4f", evaluations, rate, hits, hv)
          + (backend.isEmpty() ? "" : " | " + backend);
      bar.stepTo(generation);
      bar.setExtraMessage(status);
    } else {
      out.println(line);
    }
  }

  /**
   * The listener of work done before generation 0 (the measurements of {@code --init allocation}): a bar of its
   * own on a terminal; nothing otherwise, since the search's message lines say what was done.
   */
  ProgressListener tasks() {
    return terminal ? new ConsoleProgress(out, true, 0) : ProgressListener.NONE;
  }

  /** Live count while a generation is being evaluated (terminal only; the bar redraws it). */
  void evaluating(long evaluations, long hits) {
    if (bar != null) {
      bar.setExtraMessage(status + " | evaluating: evals " + evaluations + " hits " + hits);
    }
  }

  /** Ends the bar. */
  void done() {
    if (bar != null) {
      bar.close();
      bar = null;
      status = "";
    }
  }

  private void log(String line) {
    if (logFile == null) {
      return;
    }
    try {
      Files.writeString(logFile, Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + logFile + ": " + e.getMessage(), e);
    }
  }

  static String clock(double seconds) {
    return ConsoleProgress.clock(seconds);
  }
}
