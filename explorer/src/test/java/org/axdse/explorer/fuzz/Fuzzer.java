package org.axdse.explorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.axdse.multipliers.util.BadInputException;

/**
 * Runs seeded fuzz cases of one input kind at library level and tallies the outcomes: a clean error (a
 * one-line {@link BadInputException} that names the file), a valid load, a stack trace (any other exception or
 * error), a hang (no answer within {@link #HANG_SECONDS}), a wrong success (a mutation that must fail loaded, or
 * the loaded value failed the kind's validity check), a bad message (one that does not name the file or flag, or
 * a wrong exit code) and, on the command line, a changed output directory. {@link #finish} prints the summary
 * line of the README table and fails unless the last five are zero.
 */
final class Fuzzer implements AutoCloseable {
  static final int CASES = 1000;
  static final long HANG_SECONDS = 20;

  /** Loads {@code file}; returns what it loaded (checked by the validity check) or throws. */
  interface Loader<T> {
    T load(Path file) throws Exception;
  }

  private final String kind;
  private ExecutorService worker = newWorker();
  private int cases;
  private int clean;
  private int loaded;
  private int traces;
  private int hangs;
  private int wrong;
  private int unnamed;
  private int changed;
  private final List<String> failures = new ArrayList<>();

  private final int minCases;

  Fuzzer(String kind) {
    this(kind, CASES);
  }

  /** A fuzzer that must run at least {@code minCases} cases (the command-line samples run fewer). */
  Fuzzer(String kind, int minCases) {
    this.kind = kind;
    this.minCases = minCases;
  }

  /**
   * Writes {@code m} to {@code file}, loads it and classifies the outcome; {@code named} is the path the error
   * must name (the mutated file, or for two-file inputs the one that was mutated).
   */
  <T> void run(Mutation m, Path file, Path named, Loader<T> loader, Consumer<T> validity) {
    write(file, m.bytes());
    Outcome<T> o = attempt(() -> loader.load(file), m);
    if (o.hung()) {
      return;
    } else if (o.failure() != null) {
      classify(m, named, o.failure());
    } else if (m.mustFail()) {
      record("wrong success", m, "loaded although it must fail");
      wrong++;
    } else {
      try {
        validity.accept(o.value());
        loaded++;
      } catch (AssertionError | RuntimeException e) {
        record("wrong success", m, "loaded an invalid value: " + e.getMessage());
        wrong++;
      }
    }
  }

  /**
   * Runs the command line in-process with {@code args}, which hold at least one bad value, and classifies the
   * outcome: exit code 2 with one line {@code axdse: ...} that contains one of {@code mustName} (the file or the
   * flag) is clean; exit 0 is a wrong success; a trace or several lines is a stack trace; any change under
   * {@code watched} is counted too.
   */
  void runCli(String description, List<String> args, Path watched, List<String> mustName) {
    Mutation m = new Mutation(new byte[0], description + " " + args, true);
    Outcome<CliCase> o = attempt(() -> CliCase.run(watched, args), m);
    if (o.hung()) {
      return;
    } else if (o.failure() != null) {
      record("stack trace", m, "escaped the command line: " + o.failure());
      traces++;
      return;
    }
    CliCase r = o.value();
    if (r.dirChanged()) {
      record("output changed", m, "files under " + watched + " changed");
      changed++;
    }
    List<String> lines = r.errorLines();
    String err = String.join(" | ", lines);
    if (r.code() == 0) {
      record("wrong success", m, "exit 0");
      wrong++;
    } else if (lines.size() != 1 || err.contains("Exception") || err.contains("\tat ")) {
      record("stack trace", m, "exit " + r.code() + ", " + lines.size() + " lines: " + abbreviate(err));
      traces++;
    } else if (r.code() != 2 || !err.startsWith("axdse: ") || mustName.stream().noneMatch(err::contains)) {
      record("bad message", m, "exit " + r.code() + ": " + abbreviate(err));
      unnamed++;
    } else {
      clean++;
    }
  }

  /** What one case came to: its value, what it threw, or neither when it hung (already counted). */
  private record Outcome<T>(T value, Throwable failure, boolean hung) {}

  private <T> Outcome<T> attempt(Callable<T> task, Mutation m) {
    cases++;
    Future<T> f = worker.submit(task);
    try {
      return new Outcome<>(f.get(HANG_SECONDS, TimeUnit.SECONDS), null, false);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      record("hang", m, "no answer in " + HANG_SECONDS + " s");
      hangs++;
      return new Outcome<>(null, null, true);
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private void classify(Mutation m, Path named, Throwable t) {
    if (!(t instanceof BadInputException b)) {
      record("stack trace", m, String.valueOf(t));
      traces++;
      return;
    }
    String msg = b.getMessage();
    if (msg.isBlank() || msg.contains("\n") || msg.contains("\r")) {
      record("stack trace", m, "not one line: " + msg);
      traces++;
    } else if (!msg.contains(named.toString())) {
      record("unnamed", m, msg);
      unnamed++;
    } else {
      clean++;
    }
  }

  private void record(String what, Mutation m, String detail) {
    if (failures.stream().filter(f -> f.startsWith(what)).count() < 10) {
      failures.add(what + " [" + m.description() + "]: " + detail);
    }
  }

  /** The summary line, also printed; asserts no stack trace, hang, wrong success or unnamed file. */
  String finish() {
    String line = String.format("fuzz %-22s cases %5d  clean errors %5d  valid loads %5d  stack traces %d  hangs %d"
        + "  wrong successes %d  bad messages %d  output changed %d", kind, cases, clean, loaded, traces, hangs, wrong,
        unnamed, changed);
    System.out.println(line);
    failures.forEach(f -> System.out.println("  " + kind + ": " + f));
    assertTrue(cases >= minCases, kind + ": " + cases + " cases");
    assertEquals(List.of(), failures, kind + " problems");
    assertTrue(clean > 0, kind + ": no mutation was refused, so the fuzzer tests nothing");
    return line;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }
}
