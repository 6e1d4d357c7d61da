package org.axdse.multipliers.cli.flags;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.axdse.multipliers.util.ProgressListener;

/**
 * The command line's {@link ProgressListener}, on stderr: on a terminal a bar with count, rate and ETA redrawn in
 * place (the {@code me.tongfei:progressbar} library); otherwise plain lines, one when a task starts, one every
 * {@code everySeconds} while it runs and one when it ends, so that logs of batch jobs show where a run is.
 */
public final class ConsoleProgress implements ProgressListener {
  private final PrintStream err;
  private final boolean terminal;
  private final double everySeconds;
  private final LongSupplier nanos;

  /** Progress on {@code err}: a bar when {@code terminal}, else a line every {@code everySeconds} (0: every step). */
  public ConsoleProgress(PrintStream err, boolean terminal, double everySeconds) {
    this(err, terminal, everySeconds, System::nanoTime);
  }

  ConsoleProgress(PrintStream err, boolean terminal, double everySeconds, LongSupplier nanos) {
    if (!(everySeconds >= 0)) {
      throw new IllegalArgumentException("everySeconds must be >= 0");
    }
    this.err = err;
    this.terminal = terminal;
    this.everySeconds = everySeconds;
    this.nanos = nanos;
  }

  @Override
  public Task start(String label, long total, String unit) {
    if (terminal) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total).setUnit(" " + unit, 1)
          .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).clearDisplayOnFinish()
          .setConsumer(Terminal.columns() > 0 ? new ConsoleProgressBarConsumer(err, Terminal.columns() - 1)
              : new ConsoleProgressBarConsumer(err)).build();
      return new Task() {
        @Override
        public void advance(long units) {
          bar.stepBy(units);
        }

        @Override
        public void close() {
          bar.close();
        }
      };
    }
    return new PlainLines(label, total, unit);
  }

  /** Periodic lines for a stderr that is not a terminal. */
  private final class PlainLines implements Task {
    private final String label;
    private final long total;
    private final String unit;
    private final long start;
    private long done;
    private long lastLine;
    private boolean closed;

    PlainLines(String label, long total, String unit) {
      this.label = label;
      this.total = total;
      this.unit = unit;
      this.start = nanos.getAsLong();
      this.lastLine = start;
      err.printf(Locale.ROOT, "%s: %,d %s...%n", label, total, unit);
      err.flush();
    }

    @Override
    public synchronized void advance(long units) {
      done += units;
      long now = nanos.getAsLong();
      if (done < total && (now - lastLine) / 1e9 >= everySeconds) {
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        err.printf(Locale.ROOT, "%s: %,d/%,d %s (%.0f%%), %.1f %s/s, ETA %s%n", label, done, total, unit,
            100.0 * done / Math.max(1, total), rate, unit, clock((total - done) / Math.max(rate, 1e-9)));
        err.flush();
        lastLine = now;
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      double seconds = (nanos.getAsLong() - start) / 1e9;
      err.printf(Locale.ROOT, "%s: %,d/%,d %s in %.1f s%n", label, done, total, unit, seconds);
      err.flush();
    }
  }

  /** {@code hh:mm:ss}, at most 99:59:59 (every progress line of the command line writes durations so). */
  public static String clock(double seconds) {
    long s = Math.round(Math.min(seconds, 359_999));
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }
}
