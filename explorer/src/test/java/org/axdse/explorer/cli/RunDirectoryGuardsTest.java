package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.cli.InProcess.Outcome;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.multipliers.util.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory's guards, through the real command line in-process: one writer at a time, a refused resume
 * changes no byte, a run stopped before its first checkpoint resumes to the front of an uninterrupted run, and
 * sizes and output paths are refused before any work.
 */
class RunDirectoryGuardsTest {
  @TempDir Path tmp;

  private static Outcome search(ProblemFactory factory, String... args) {
    return InProcess.search(factory, args);
  }

  private static Outcome axdse(String... args) {
    return InProcess.axdse(args);
  }

  /** The base flags of these tests, with {@code more} (flag, value pairs) replacing or adding to them. */
  private static String[] args(Path out, int generations, String... more) {
    Map<String, String> flags = new java.util.LinkedHashMap<>(Map.of("--model", "synthetic:layers=6,channels=3",
        "--data", "d", "--out", out.toString(), "--generations", Integer.toString(generations), "--population",
        "12", "--threads", "1", "--seed", "5"));
    List<String> a = new ArrayList<>();
    for (int i = 0; i < more.length; i += 2) {
      if (more[i].equals("--restrict")) {
        a.addAll(List.of(more[i], more[i + 1]));
      } else {
        flags.put(more[i], more[i + 1]);
      }
    }
    flags.forEach((k, v) -> a.addAll(List.of(k, v)));
    return a.toArray(String[]::new);
  }

  private static void assertOneLine(Outcome o, String... parts) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().startsWith("axdse: "), o.err());
    for (String p : parts) {
      assertTrue(o.err().contains(p), "'" + p + "' missing from: " + o.err());
    }
  }

  private static ProblemFactory hooked(int at, Runnable hook) {
    return SyntheticProblem.hookedAt(at, hook);
  }

  @Test
  void aSecondWriterIsRefusedAndTheFirstEndsWithTheUndisturbedFront() throws IOException {
    Path whole = tmp.resolve("whole");
    assertEquals(0, search(new SyntheticProblem(), args(whole, 4)).code());

    Path run = tmp.resolve("run");
    List<Outcome> second = new ArrayList<>();
    List<Boolean> unchanged = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    ProblemFactory factory = hooked(40, () -> {
      try {
        Map<String, byte[]> before = RunFilesFuzzIT.snapshot(run);
        second.add(search(new SyntheticProblem(), "--resume", run.toString(), "--generations", "6"));
        second.add(search(new SyntheticProblem(), args(run, 4)));
        second.add(axdse("report", run.toString()));
        Map<String, byte[]> after = RunFilesFuzzIT.snapshot(run);
        // the first writer's evaluation thread may append to the log meanwhile: the log may only grow
        String log = "checkpoint/evaluations.log";
        byte[] grown = after.get(log);
        boolean logOnlyGrew = grown != null && grown.length >= before.get(log).length
            && java.util.Arrays.equals(before.get(log), java.util.Arrays.copyOf(grown, before.get(log).length));
        after.put(log, before.get(log));
        boolean same = logOnlyGrew && RunFilesFuzzIT.equal(before, after);
        if (!same) {
          changed.addAll(before.keySet().stream().filter(k -> !java.util.Arrays.equals(before.get(k), after.get(k)))
              .toList());
          changed.addAll(after.keySet().stream().filter(k -> !before.containsKey(k)).toList());
        }
        unchanged.add(same);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertEquals(0, search(factory, args(run, 4)).code());
    assertEquals(3, second.size(), "the hook ran during the first writer's search");
    String pid = Long.toString(ProcessHandle.current().pid());
    assertOneLine(second.get(0), run.toString(), "locked by process " + pid);
    assertOneLine(second.get(2), run.toString(), "locked by process " + pid);
    assertOneLine(second.get(1), run.toString());
    assertEquals(List.of(true), unchanged, "the refused writers changed no file: " + changed);
    for (String f : List.of("front.json", "points.json", "baselines.json")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(run.resolve(f)), f);
    }
    assertEquals(0, Files.size(run.resolve(RunLock.FILE)), "the lock file is emptied on release");
    assertEquals(0, axdse("report", run.toString()).code(), "the lock is free again");
  }

  @Test
  void aRefusedResumeChangesNoByte() throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, search(new SyntheticProblem(), args(run, 3)).code());
    Path cp = SearchRunner.checkpointFile(run);
    byte[] good = Files.readAllBytes(cp);

    List<byte[]> bad = new ArrayList<>();
    bad.add(rehashed(good, body -> body.putArray("population")));
    bad.add(rehashed(good, body -> body.put("generation", body.get("generation").intValue() + 1)));
    byte[] flipped = good.clone();
    flipped[flipped.length - 3] ^= 1;
    bad.add(flipped);
    for (byte[] b : bad) {
      Files.write(cp, b);
      Map<String, byte[]> before = RunFilesFuzzIT.snapshot(run);
      Outcome o = search(new SyntheticProblem(), "--resume", run.toString(), "--generations", "8");
      assertOneLine(o, cp.toString(), "corrupt checkpoint");
      assertTrue(RunFilesFuzzIT.equal(before, RunFilesFuzzIT.snapshot(run)), "no byte changed: " + o.err());
    }

    Files.write(cp, good);
    Path log = SearchRunner.evaluationLog(run);
    List<String> lines = Files.readAllLines(log);
    Files.write(log, lines.subList(0, lines.size() / 2));
    Map<String, byte[]> before = RunFilesFuzzIT.snapshot(run);
    Outcome o = search(new SyntheticProblem(), "--resume", run.toString(), "--generations", "8");
    assertOneLine(o, cp.toString(), "evaluation log");
    assertTrue(RunFilesFuzzIT.equal(before, RunFilesFuzzIT.snapshot(run)), "no byte changed: " + o.err());
  }

  private interface BodyEdit {
    void apply(ObjectNode body);
  }

  private static byte[] rehashed(byte[] file, BodyEdit edit) throws IOException {
    String text = new String(file, StandardCharsets.UTF_8);
    ObjectNode body = (ObjectNode) RunFileMutations.JSON.readTree(text.substring(text.indexOf('\n') + 1));
    edit.apply(body);
    byte[] b = RunFileMutations.JSON.writeValueAsBytes(body);
    String header = "axdse-checkpoint 1 sha256=" + RunFileMutations.sha256(b) + "\n";
    return (header + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sizesAndOutputsAreRefusedBeforeAnyWork() throws IOException {
    AtomicInteger opened = new AtomicInteger();
    ProblemFactory counting = request -> {
      opened.incrementAndGet();
      return new SyntheticProblem().open(request);
    };
    Path run = tmp.resolve("run");
    Path file = Files.writeString(tmp.resolve("hostname"), "a file\n");
    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("notes.txt"), "not a run\n");
    String[][] flags = {
      {"--population", "2000000000", "--population", "2000000000"},
      {"--threads", "5000", "--threads", "1024"},
      {"--generations", "2000000000", "--generations", "1000000"},
      {"--eval-images", "2000000000", "--eval-images", "100000000"},
      {"--final-images", "-1", "--final-images", ">= 0"},
      {"--calib", "0", "--calib", ">= 1"},
      {"--max-accuracy-drop", "NaN", "--max-accuracy-drop", "NaN"},
    };
    for (String[] f : flags) {
      Outcome o = search(counting, args(run, 2, f[0], f[1]));
      assertOneLine(o, f[2], f[3]);
    }
    assertOneLine(search(counting, args(file, 2)), file.toString(), "is a file");
    assertOneLine(search(counting, args(file.resolve("sub"), 2)), file.toString(), "not a directory");
    assertOneLine(search(counting, args(busy, 2)), busy.toString(), "not empty");
    assertEquals(0, opened.get(), "no problem was loaded for a refused command");
    assertFalse(Files.exists(run), "a refused search leaves no run directory");
    assertEquals("a file\n", Files.readString(file));

    Outcome small = search(counting, args(run, 2, "--model", "synthetic:layers=2,channels=3", "--restrict",
        "conv0=exact,m1", "--restrict", "conv1=exact,m1"));
    assertOneLine(small, "--population", "<= 4", "4 assignments");
    assertFalse(Files.exists(run), "a search refused after loading its problem leaves no run directory");
  }

  @Test
  void pickRefusesNanAndInconsistentFronts() throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, search(new SyntheticProblem(), args(run, 2)).code());
    assertEquals(2, axdse("pick", run.toString(), "--max-accuracy-drop", "NaN").code());
    Path front = run.resolve("front.json");
    String good = Files.readString(front);
    ObjectNode root = (ObjectNode) RunFileMutations.JSON.readTree(good);
    var points = root.withArray("points");
    points.add(points.get(0).deepCopy());
    Files.writeString(front, RunFileMutations.JSON.writeValueAsString(root));
    assertOneLine(axdse("pick", run.toString(), "--max-accuracy-drop", "5"), front.toString(), "repeats");
    assertOneLine(axdse("report", run.toString()), front.toString(), "repeats");
    Files.writeString(front, good);
  }
}
