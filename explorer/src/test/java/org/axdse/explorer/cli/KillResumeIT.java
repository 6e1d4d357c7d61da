package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axdse.explorer.search.SearchRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a search running in a separate JVM with SIGKILL in the middle of a generation, resumes it, and checks
 * that it ends with the front of an uninterrupted run, byte for byte.
 */
class KillResumeIT {
  @TempDir Path tmp;

  private static List<String> args(Path out, String sleep, List<String> extra) {
    List<String> a = new ArrayList<>(List.of("--model", "synthetic:layers=8,channels=4,sleep=" + sleep, "--data",
        "synthetic-data", "--seed", "11", "--generations", "12", "--population", "16", "--threads", "2", "--out",
        out.toString()));
    a.addAll(extra);
    return a;
  }

  @Test
  void killedRunResumesToTheFrontOfAnUninterruptedRun() throws Exception {
    killAndResume(List.of(), List.of());
  }

  /** The surrogate-assisted search too: its state beside the checkpoint makes the resumed run the same. */
  @Test
  void killedSurrogateRunResumesToTheRunOfAnUninterruptedOne() throws Exception {
    killAndResume(List.of("--surrogate", "--surrogate-factor", "8"), List.of("predictions.csv"));
  }

  private void killAndResume(List<String> extra, List<String> alsoEqual) throws Exception {
    Path whole = tmp.resolve("whole");
    assertEquals(0, SyntheticSearchMain.commandLine().execute(args(whole, "0", extra).toArray(new String[0])));

    Path killed = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SyntheticSearchMain.class.getName()));
    cmd.addAll(args(killed, "15", extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (generationsLogged(killed) < 3 && p.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the child search must still be running when it is killed: "
          + Files.readString(tmp.resolve("child.log")));
      Thread.sleep(60);
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(SearchRunner.checkpointFile(killed)));
    assertFalse(Files.exists(killed.resolve("baselines.json")), "killed before the search finished");

    assertEquals(0, SyntheticSearchMain.commandLine().execute("--resume", killed.toString()));
    assertArrayEquals(Files.readAllBytes(whole.resolve("front.json")), Files.readAllBytes(killed.resolve("front.json")));
    assertArrayEquals(Files.readAllBytes(whole.resolve("points.json")),
        Files.readAllBytes(killed.resolve("points.json")));
    assertArrayEquals(Files.readAllBytes(whole.resolve("baselines.json")),
        Files.readAllBytes(killed.resolve("baselines.json")));
    for (String f : alsoEqual) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
    }
  }

  private static long generationsLogged(Path run) throws IOException {
    Path log = run.resolve("search.log");
    if (!Files.exists(log)) {
      return 0;
    }
    return Files.readAllLines(log).stream().filter(l -> l.contains(" generation ")).count();
  }
}
