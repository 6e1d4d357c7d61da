package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-objective search (accuracy, energy, weight memory) killed with SIGKILL mid-generation in a separate JVM
 * and resumed ends with the front, points and baselines of an uninterrupted run, byte for byte; the memory
 * objective is recorded for every point and survives the checkpoint.
 */
class KillResumeMemoryIT {
  @TempDir Path tmp;

  private static List<String> args(Path out, String sleep) {
    return List.of("--model", "synthetic:layers=6,channels=3,sleep=" + sleep, "--data", "synthetic-data",
        "--seed", "5", "--generations", "10", "--population", "12", "--threads", "2",
        "--objectives", "accuracy,energy,memory", "--out", out.toString());
  }

  @Test
  void killedThreeObjectiveRunResumesToTheUninterruptedFront() throws Exception {
    Path whole = tmp.resolve("whole");
    assertEquals(0, SyntheticSearchMain.commandLine().execute(args(whole, "0").toArray(new String[0])));

    Path killed = tmp.resolve("killed");
    KilledSearch.killAfter(tmp, SyntheticSearchMain.class, List.of(), args(killed, "15"), killed, 3, 60_000, "baselines.json");

    assertEquals(0, SyntheticSearchMain.commandLine().execute("--resume", killed.toString()));
    for (String f : List.of("front.json", "points.json", "baselines.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
    }
    Run run = RunDirectory.of(killed).read();
    assertEquals(List.of(Metric.ACCURACY, Metric.MULTIPLIER_ENERGY, Metric.MEMORY), run.config().metrics());
    for (EvaluatedPoint pt : run.points()) {
      // the synthetic widths: mean of width/8 over channels and layers, so within [4/8, 1]
      assertTrue(pt.weightMemory() >= 0.5 - 1e-12 && pt.weightMemory() <= 1 + 1e-12, pt.toString());
    }
    assertTrue(run.front().stream().map(EvaluatedPoint::weightMemory).distinct().count() > 1,
        "the front spreads over the memory objective");
  }
}
