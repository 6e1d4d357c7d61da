package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.explorer.search.Progress;
import org.axdse.explorer.search.SearchRunner;
import org.axdse.explorer.search.SearchSettings;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.Run;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A small real search: the bundled LeNet-5 on bundled Fashion-MNIST images through the quantized engine. */
class LenetSearchIT {
  @TempDir Path tmp;

  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("models/lenet5.onnx"))) {
        return p;
      }
    }
    throw new IllegalStateException("models/lenet5.onnx not found above " + Path.of("").toAbsolutePath());
  }

  private static SearchSettings settings(int threads, Granularity g) {
    return settings(threads, g, QuantOptions.NO_COMPENSATION, 400);
  }

  private static SearchSettings settings(int threads, Granularity g, String compensate, int finalImages) {
    Path root = root();
    return SearchSettings.builder().setModel(root.resolve("models/lenet5.onnx").toString())
        .setData("fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000")).setGenerations(2)
        .optPopulation(8).optSeed(7).optScreeningImages(200).optFinalImages(finalImages).optThreads(threads)
        .optGranularity(g).optBaselines(java.util.List.of())
        .optQuantization(new QuantOptions(100, QuantOptions.HOLDOUT, 8, false, "").withCompensate(compensate)).build();
  }

  private Run search(String name, int threads, Granularity g) {
    return search(name, settings(threads, g));
  }

  private Run search(String name, SearchSettings settings) {
    Path dir = tmp.resolve(name);
    assertEquals(SearchRunner.Outcome.COMPLETE,
        new SearchRunner(new SimulatorProblems(), Progress.silent()).start(settings, dir, new StopSignal()));
    return RunDirectory.of(dir).read();
  }

  /**
   * The chain a user runs: a search with held-out calibration images and compensation, then pick --verify and
   * evaluate --config deploy.json. Both re-evaluations must give the front
   * point's final accuracy exactly: same calibration, same images, same compensation.
   */
  @Test
  void pickVerifiesACompensatedHoldoutSearchExactly() throws Exception {
    // final fidelity: all 1,900 bundled images left after the 100 held out, which is what --verify measures
    Run r = search("c", settings(2, Granularity.layer(), "both", 0));
    Path dir = tmp.resolve("c");
    StringWriter err = new StringWriter();
    CommandLine pick = new CommandLine(new org.axdse.explorer.pick.PickCommand());
    pick.setErr(new PrintWriter(err));
    pick.setOut(new PrintWriter(new StringWriter()));
    assertEquals(0, pick.execute(dir.toString(), "--max-energy", "1", "--verify", "--threads", "2"),
        err::toString);
    DeployConfig d = DeployJson.read(dir.resolve("deploy.json"));
    EvaluatedPoint chosen = r.front().stream().filter(p -> p.id() == d.selection().pointId()).findFirst()
        .orElseThrow();
    assertTrue(d.compensation() != null, "the search compensated, so the deployment does");
    assertEquals(1900, d.verified().images(), "the whole bundled test set less the held-out images");
    assertEquals(chosen.finalAccuracy(), d.verified().accuracy(), "pick --verify re-measures the search's figure");
    StringWriter out = new StringWriter();
    CommandLine eval = new CommandLine(new org.axdse.simulator.cli.EvaluateCommand());
    eval.setOut(new PrintWriter(out));
    eval.setErr(new PrintWriter(err));
    assertEquals(0, eval.execute("--config", dir.resolve("deploy.json").toString(), "--format", "json",
        "--threads", "2", "--no-float", "--no-layer-stats"), err::toString);
    var ev = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).get("evaluation");
    assertEquals(1900, ev.get("images").asInt());
    assertEquals(chosen.finalAccuracy(), ev.get("assignment").get("top1").asDouble());
  }

  @Test
  void sameSeedGivesAByteIdenticalFrontWhateverTheThreads() throws Exception {
    Run a = search("a", 1, Granularity.layer());
    search("b", 3, Granularity.layer());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a/front.json")), Files.readAllBytes(tmp.resolve("b/front.json")));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a/points.json")),
        Files.readAllBytes(tmp.resolve("b/points.json")));
    // the engine answered: 5 layers of LeNet-5, signed 8x8 multipliers, and real trade-offs on the front
    assertEquals(5, a.config().layers().size());
    assertTrue(a.config().multipliers().stream().allMatch(m -> m.name().startsWith("s8x8_")));
    assertFalse(a.front().isEmpty());
    for (EvaluatedPoint p : a.front()) {
      assertTrue(p.finalAccuracy() >= 0 && p.finalAccuracy() <= 1, "final accuracy " + p);
      assertTrue(p.multiplierEnergy() > 0 && p.multiplierEnergy() <= 1.0 + 1e-9, "energy " + p);
    }
    // LeNet-5 is about 91% accurate in exact int8; the front's most accurate end is (near-)exact
    assertTrue(a.front().stream().mapToDouble(EvaluatedPoint::finalAccuracy).max().orElseThrow() > 0.8,
        "the accurate end of the front");
    assertTrue(a.front().stream().anyMatch(p -> p.multiplierEnergy() < 0.9), "some saving on the front");
  }

  @Test
  void compensatedSearchIsByteIdenticalWhateverTheThreads() throws Exception {
    search("c1", settings(1, Granularity.layer(), "both", 400));
    Run r = search("c3", settings(3, Granularity.layer(), "both", 400));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("c1/points.json")),
        Files.readAllBytes(tmp.resolve("c3/points.json")));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("c1/front.json")),
        Files.readAllBytes(tmp.resolve("c3/front.json")));
    assertEquals("both", r.config().settings().get("compensate"));
  }

  @Test
  void groupGranularityGetsRankedChannels() {
    Run r = search("g", 2, Granularity.parse("group:2"));
    EvaluatedPoint p = r.points().get(r.points().size() - 1);
    assertEquals(5, p.channelMultipliers().size());
    // conv_0 of LeNet-5 has 6 output channels, so a per-channel assignment lists 6 multipliers
    assertEquals(6, p.channelMultipliers().get(0).size());
  }
}
