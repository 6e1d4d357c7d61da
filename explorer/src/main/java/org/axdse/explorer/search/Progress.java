package org.axdse.explorer.search;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the user sees of a running search. On a terminal a one-line progress bar is redrawn in place (generation,
 * evaluations and their rate, cache hits, hypervolume, ETA); otherwise one plain line per generation. Every
 * message and generation line is also appended, time-stamped, to the run's {@code search.log}.
 */
public final class Progress {
  private static final long REDRAW_MILLIS = 250;

  private final PrintStream out;
  private final boolean terminal;
  private Path logFile;
  private Supplier<String> backendStatus = () -> "";
  private String status = "";
  private long lastDraw;

  /** {@code terminal}: draw a bar (typically {@code System.console() != null}). */
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
    clearBar();
    out.println(message);
    log(message);
    redraw();
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
      String bar = maxGenerations > 0 ? bar(generation / (double) maxGenerations) + " " : "";
      status = String.format(Locale.ROOT, "gen %s %sevals %d (%.2f/s) hits %d HV %.4f ETA %s", gen, bar,
          evaluations, rate, hits, hv, Double.isFinite(etaSeconds) ? clock(etaSeconds) : "?")
          + (backend.isEmpty() ? "" : " | " + backend);
      redraw();
    } else {
      out.println(line);
    }
  }

  /** Live count while a generation is being evaluated (terminal only, rate-limited). */
  void evaluating(long evaluations, long hits) {
    if (!terminal || System.currentTimeMillis() - lastDraw < REDRAW_MILLIS) {
      return;
    }
    String base = status.isEmpty() ? "" : status.replaceAll(" evals \\d+", "");
    clearBar();
    out.print("\r" + base + " | evals " + evaluations + " hits " + hits);
    out.flush();
    lastDraw = System.currentTimeMillis();
  }

  /** Ends the bar line. */
  void done() {
    if (terminal && !status.isEmpty()) {
      out.println();
      status = "";
    }
  }

  private void redraw() {
    if (terminal && !status.isEmpty()) {
      out.print("\r" + status);
      out.flush();
      lastDraw = System.currentTimeMillis();
    }
  }

  private void clearBar() {
    if (terminal) {
      out.print("\r\033[K");
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

  private static String bar(double fraction) {
    int width = 20;
    int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
    return "[" + "#".repeat(full) + "-".repeat(width - full) + "]";
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }
}
