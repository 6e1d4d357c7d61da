package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.cli.InProcess.Outcome;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the run files a user can hand to axdse (front.json, points.json, run.json, the checkpoint),
 * 1,000 invalid-by-construction mutants each ({@link RunFileMutations}), run in-process through the real command
 * lines ({@code report} for the run files, {@code search --resume} for the checkpoint). Each case must end with
 * exit code 2 and one line naming the mutated file, no stack trace, no hang, no success, and every file of the
 * run directory byte-identical to before. Prints one summary line per input kind.
 */
class RunFilesFuzzIT {
  static final int CASES = 1000;
  private static final Pattern JAVA_CLASS = Pattern.compile("\\b(java|javax|com|org)\\.[a-z]+\\.[\\w.]*[A-Z]\\w*");

  @TempDir static Path tmp;
  static Path base;
  static ExecutorService executor;

  @BeforeAll
  static void searchOnce() {
    executor = Executors.newSingleThreadExecutor();
    base = tmp.resolve("base").toAbsolutePath();
    int code = search("--model", "synthetic:layers=4,channels=2", "--data", "d", "--out", base.toString(),
        "--generations", "2", "--population", "8", "--threads", "1", "--baselines", "uniform").code();
    assertEquals(0, code);
    assertTrue(Files.exists(SearchRunner.checkpointFile(base)));
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  private static Outcome search(String... args) {
    return InProcess.search(new SyntheticProblem(), args);
  }

  private static Outcome report(String... args) {
    return InProcess.axdse(args);
  }

  /** The counts of one input kind: what the README table reports. */
  private static final class Tally {
    final String kind;
    int cases;
    int clean;
    int traces;
    int hangs;
    int wrong;
    int unclear;
    int changed;

    Tally(String kind) {
      this.kind = kind;
    }

    String line() {
      return String.format(Locale.ROOT, "fuzz %-12s cases %d, clean errors %d, stack traces %d, hangs %d, "
          + "wrong successes %d, unclear messages %d, files changed %d", kind, cases, clean, traces, hangs, wrong,
          unclear, changed);
    }
  }

  @Test
  void frontJson() throws Exception {
    fuzz("front.json", RunDirectory.FRONT_JSON, 11,
        (bytes, r) -> RunFileMutations.points(utf8(bytes), r).getBytes(StandardCharsets.UTF_8),
        dir -> report("report", dir.toString()));
  }

  @Test
  void pointsJson() throws Exception {
    fuzz("points.json", RunDirectory.POINTS_JSON, 12,
        (bytes, r) -> RunFileMutations.points(utf8(bytes), r).getBytes(StandardCharsets.UTF_8),
        dir -> report("report", dir.toString()));
  }

  @Test
  void runJson() throws Exception {
    fuzz("run.json", RunDirectory.CONFIG, 13,
        (bytes, r) -> RunFileMutations.runConfig(utf8(bytes), r).getBytes(StandardCharsets.UTF_8),
        dir -> report("report", dir.toString()));
  }

  @Test
  void checkpoint() throws Exception {
    fuzz("checkpoint", "checkpoint/checkpoint.json", 14, RunFileMutations::checkpoint,
        dir -> search("--resume", dir.toString(), "--generations", "3", "--threads", "1"));
  }

  private interface Command {
    Outcome run(Path dir);
  }

  private void fuzz(String kind, String file, long seed, BiFunction<byte[], Random, byte[]> mutate, Command command)
      throws Exception {
    Path work = tmp.resolve("work-" + kind).toAbsolutePath();
    copy(base, work);
    Path target = work.resolve(file);
    byte[] original = Files.readAllBytes(target);
    Random r = new Random(seed);
    Tally t = new Tally(kind);
    StringBuilder failures = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      byte[] mutant = mutate.apply(original, r);
      Files.write(target, mutant);
      Map<String, byte[]> before = snapshot(work);
      Future<Outcome> f = executor.submit(() -> command.run(work));
      Outcome o;
      try {
        o = f.get(120, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        t.cases++;
        t.hangs++;
        executor.shutdownNow();
        executor = Executors.newSingleThreadExecutor();
        continue;
      }
      t.cases++;
      int cleanBefore = t.clean;
      boolean changed = !equal(before, snapshot(work));
      String err = o.err().strip();
      if (o.code() == -1 || err.contains("\tat ") || JAVA_CLASS.matcher(err).find()) {
        t.traces++;
      } else if (o.code() == 0) {
        t.wrong++;
      } else if (o.code() == 2 && err.lines().count() == 1 && err.startsWith("axdse: ")
          && err.contains(target.toString())) {
        t.clean++;
      } else {
        t.unclear++;
      }
      if (changed) {
        t.changed++;
      }
      boolean clean = t.clean > cleanBefore;
      if ((!clean || changed) && failures.length() < 4000) {
        failures.append("\ncase ").append(i).append(": exit ").append(o.code()).append(changed ? " (changed)" : "")
            .append(": ").append(err.lines().findFirst().orElse("")).append("\n  mutant: ")
            .append(utf8(Arrays.copyOf(mutant, Math.min(mutant.length, 300))).replace('\n', ' '));
      }
      if (changed || o.code() == 0) {
        deleteTree(work);
        copy(base, work);
      }
    }
    System.out.println(t.line());
    assertEquals(CASES, t.cases);
    assertEquals(0, t.traces, t.line() + failures);
    assertEquals(0, t.hangs, t.line() + failures);
    assertEquals(0, t.wrong, t.line() + failures);
    assertEquals(0, t.unclear, t.line() + failures);
    assertEquals(0, t.changed, t.line() + failures);
    assertEquals(CASES, t.clean, t.line() + failures);
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  static boolean equal(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
