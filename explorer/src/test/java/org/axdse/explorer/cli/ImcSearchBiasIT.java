package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.ImcSearchIT.assertPickReplays;
import static org.axdse.explorer.cli.ImcSearchIT.axdse;
import static org.axdse.explorer.cli.ImcSearchIT.search;
import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse search --target imc --compensate bias} (LeNet-5, Fashion-MNIST, the search of {@link ImcSearchIT}
 * with the correction against the exact network on 8 calibration images): the same run on 1 and 2 threads, other
 * accuracies than without the correction for the same configurations; a run killed with SIGKILL and resumed ends
 * with the files of the uninterrupted one; {@code pick --verify} records the correction in {@code deploy.json} and
 * {@code imc evaluate --config deploy.json} applies it, with the same figures; a replay that contradicts it is a
 * one-line error.
 */
class ImcSearchBiasIT {
  private static final String[] BIAS = {"--compensate", "bias", "--bias-images", "8", "--bias-order", "network"};

  @TempDir Path tmp;

  @Test
  void sameRunForOneAndTwoThreadsAndTheCorrectionChangesAccuracies() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    Path plain = tmp.resolve("plain");
    axdse(search(one, 1, BIAS));
    axdse(search(two, 2, BIAS));
    axdse(search(plain, 2));
    for (String f : List.of("front.json", "points.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }
    Run corrected = RunDirectory.of(one).read();
    assertEquals(8, ((Number) corrected.config().settings().get("imc_bias_images")).intValue());
    assertEquals("network", corrected.config().settings().get("imc_bias_order"));
    Map<List<String>, Double> without = new HashMap<>();
    RunDirectory.of(plain).read().points().forEach(p -> without.put(p.layerMultipliers(), p.screeningAccuracy()));
    int same = 0;
    int changed = 0;
    for (EvaluatedPoint p : corrected.points()) {
      Double other = without.get(p.layerMultipliers());
      if (other != null) {
        same++;
        changed += other != p.screeningAccuracy() ? 1 : 0;
        if (p.layerMultipliers().stream().allMatch(c -> c.equals(p.layerMultipliers().get(0)))
            && p.layerMultipliers().get(0).equals(corrected.config().exactMultiplier())) {
          assertEquals(other, p.screeningAccuracy(), 0.0, "full precision is not corrected");
        }
      }
    }
    assertTrue(same > 2 && changed > 0, same + " configurations in both runs, " + changed + " with another top-1");
  }

  @Test
  void killedRunResumesToTheUninterruptedOne() throws Exception {
    Path whole = tmp.resolve("whole");
    axdse(search(whole, 2, BIAS));
    Path killed = tmp.resolve("killed");
    KilledSearch.killAfter(tmp, Main.class, List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"), search(killed, 2, BIAS),
        killed, 2, 50_000, "front.json");
    axdse(List.of("search", "--resume", killed.toString(), "-q"));
    for (String f : List.of("front.json", "points.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
    }
  }

  @Test
  void pickRecordsTheCorrectionAndImcEvaluateReplaysIt() throws Exception {
    Path whole = tmp.resolve("whole");
    axdse(search(whole, 2, BIAS));
    JsonNode deploy = assertPickReplays(whole);
    JsonNode c = deploy.path("compensation");
    assertEquals("bias", c.path("method").asText());
    assertEquals(8, c.path("bias_images").asInt());
    assertEquals("network", c.path("bias_order").asText());
    InProcess.Outcome o = InProcess.axdse("imc", "evaluate", "--model", repo("models/lenet5.onnx").toString(),
        "--data", "fashion-mnist", "--config", whole.resolve("deploy.json").toString(), "--limit", "10",
        "--compensate", "none", "-q");
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().contains("compensation.method is bias but --compensate none was given"), o.err());
  }
}
