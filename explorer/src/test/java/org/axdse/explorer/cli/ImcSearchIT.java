package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Metric;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code axdse search --target imc} on LeNet-5 (bit-exact IMC dataflow, Fashion-MNIST): the same seed gives the
 * same run with 1 and 2 evaluation threads; a run killed with SIGKILL mid-search and resumed ends with the files
 * of the uninterrupted one; {@code pick --verify} and {@code imc evaluate --config deploy.json} report the same
 * figures, which equal the run's own energy and latency of the point.
 */
class ImcSearchIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** The LeNet-5 IMC search of these tests writing to {@code out}, with {@code extra} flags (ImcSearchBiasIT). */
  static List<String> search(Path out, int threads, String... extra) {
    List<String> a = new java.util.ArrayList<>(List.of("search", "--target", "imc", "--model",
        repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--quant", "asym", "--per-channel", "--calib", "50", "--eval-images", "30",
        "--final-images", "40", "--population", "6", "--generations", "6", "--baselines", "none",
        "--imc-min-planes", "4", "--imc-min-slices", "3", "--imc-min-adc-bits", "6", "--seed", "3",
        "--threads", Integer.toString(threads), "-q", "--out", out.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  /** Runs {@code axdse ARGS} in this JVM; returns stdout, fails on a non-zero exit. */
  static String axdse(List<String> args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(new String[0]));
    assertEquals(0, code, String.join(" ", args) + ": " + err);
    return out.toString();
  }

  @Test
  void sameSeedSameRunForOneAndTwoThreads() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    axdse(search(one, 1));
    axdse(search(two, 2));
    for (String f : List.of("front.json", "points.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }
    Run run = RunDirectory.of(one).read();
    assertEquals(List.of(Metric.ACCURACY, Metric.MULTIPLIER_ENERGY, Metric.LATENCY), run.config().metrics());
    EvaluatedPoint exact = run.points().get(0);
    assertEquals(1.0, exact.latency(), 0.0, "the all-full-precision point is the latency reference");
    assertTrue(run.points().stream().allMatch(p -> p.latency() > 0 && p.latency() <= 1 + 1e-12));
    assertTrue(run.front().stream().anyMatch(p -> p.latency() < 1), "the front holds a faster point");
  }

  @Test
  void killedRunResumesToTheUninterruptedOne() throws Exception {
    Path whole = tmp.resolve("whole");
    axdse(search(whole, 2));
    Path killed = tmp.resolve("killed");
    KilledSearch.killAfter(tmp, Main.class, List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"), search(killed, 2), killed, 2, 50_000, "front.json");
    axdse(List.of("search", "--resume", killed.toString(), "-q"));
    for (String f : List.of("front.json", "points.json", "points.csv")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
    }
  }

  @Test
  void pickedPointReplaysInImcEvaluate() throws Exception {
    Path run = tmp.resolve("run");
    axdse(search(run, 2));
    assertPickReplays(run);
  }

  /**
   * {@code pick --verify --limit 150} on the IMC run in {@code run} and {@code imc evaluate --config deploy.json}
   * report the same figures, equal to the run's own energy and latency of the point; returns the deploy.json.
   */
  static JsonNode assertPickReplays(Path run) throws Exception {
    axdse(List.of("pick", run.toString(), "--max-accuracy-drop", "3", "--verify", "--limit", "150", "-q"));
    JsonNode deploy = JSON.readTree(run.resolve("deploy.json").toFile());
    assertEquals("axdse-imc-deploy", deploy.path("format").asText());
    JsonNode verified = deploy.path("verified");
    JsonNode replay = JSON.readTree(axdse(List.of("imc", "evaluate", "--model",
        repo("models/lenet5.onnx").toString(), "--data", "fashion-mnist", "--config",
        run.resolve("deploy.json").toString(), "--limit", "150", "--format", "json", "-q")));
    assertEquals(150, replay.path("images").asInt());
    assertEquals(verified.path("top1").asDouble(), replay.path("top1").asDouble(), 0.0);
    assertEquals(verified.path("full_precision_top1").asDouble(), replay.path("fullPrecisionTop1").asDouble(), 0.0);
    double energy = replay.path("energyPjPerImage").asDouble() / replay.path("fullEnergyPjPerImage").asDouble();
    double latency = replay.path("latencyCyclesPerImage").asDouble()
        / replay.path("fullLatencyCyclesPerImage").asDouble();
    assertEquals(verified.path("energy").asDouble(), energy, 1e-12);
    assertEquals(verified.path("latency").asDouble(), latency, 1e-12);
    int id = deploy.path("selection").path("point").asInt();
    EvaluatedPoint point = RunDirectory.of(run).read().points().stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow();
    assertEquals(point.multiplierEnergy(), energy, 1e-12, "energy depends on the configurations only");
    assertEquals(point.latency(), latency, 1e-12);
    JsonNode layers = deploy.path("layers");
    for (int i = 0; i < point.layerMultipliers().size(); i++) {
      assertEquals(point.layerMultipliers().get(i), replay.path("layers").get(i).path("config").asText());
      assertEquals(point.layerMultipliers().get(i), layers.path(replay.path("layers").get(i).path("name").asText())
          .asText());
    }
    return deploy;
  }
}
