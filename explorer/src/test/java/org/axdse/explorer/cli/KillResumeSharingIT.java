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
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-objective search with weight sharing as a gene (LeNet-5, {@code --weight-bits 4,8 --share channel
 * --share-k 2,4,16}), killed with SIGKILL in a separate JVM after its first generations and resumed, ends with the
 * front, points and run files of an uninterrupted run, byte for byte; points choose shared layers.
 */
class KillResumeSharingIT {
  @TempDir Path tmp;

  private static List<String> args(Path out) {
    Path root = Path.of("..").toAbsolutePath().normalize();
    return List.of("search", "--model", root.resolve("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000"), "--calib-data", "holdout", "--calib", "40",
        "--weight-bits", "4,8", "--share", "channel", "--share-k", "2,4,16",
        "--objectives", "accuracy,energy,memory", "--generations", "6", "--population", "6", "--eval-images", "30",
        "--final-images", "40", "--baselines", "none", "--threads", "2", "--seed", "3", "-q", "--out",
        out.toString());
  }

  @Test
  void killedSharingRunResumesToTheUninterruptedFront() throws Exception {
    Path whole = tmp.resolve("whole");
    assertEquals(0, Main.commandLine().execute(args(whole).toArray(new String[0])));

    Path killed = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(args(killed));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (generationsLogged(killed) < 2 && p.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(p.isAlive(), "the child search must still be running when it is killed: "
          + Files.readString(tmp.resolve("child.log")));
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(SearchRunner.checkpointFile(killed)));
    assertFalse(Files.exists(killed.resolve("front.json")), "killed before the search finished");

    assertEquals(0, Main.commandLine().execute("search", "--resume", killed.toString(), "-q"));
    for (String f : List.of("front.json", "points.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
    }
    Run run = RunDirectory.of(killed).read();
    assertEquals(List.of(Metric.ACCURACY, Metric.MULTIPLIER_ENERGY, Metric.MEMORY), run.config().metrics());
    assertTrue(run.points().stream().flatMap(pt -> pt.layerMultipliers().stream()).anyMatch(m -> m.contains("@")),
        "some point shares a layer");
    for (EvaluatedPoint pt : run.points()) {
      assertTrue(pt.weightMemory() > 0 && pt.weightMemory() <= 1 + 1e-12, pt.toString());
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
