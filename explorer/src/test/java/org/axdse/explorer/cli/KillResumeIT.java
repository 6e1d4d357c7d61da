package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    KilledSearch.killAfter(tmp, SyntheticSearchMain.class, List.of(), args(killed, "15", extra), killed, 3, 60_000, "baselines.json");

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
}
