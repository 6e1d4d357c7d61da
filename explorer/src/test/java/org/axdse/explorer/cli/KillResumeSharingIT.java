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
    KilledSearch.killAfter(tmp, Main.class, List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"), args(killed), killed, 2, 120_000, "front.json");

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
}
