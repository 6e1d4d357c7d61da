package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code axdse predict} on the bundled LeNet-5 (60 images, 4 fitted assignments): {@code --simulate} gives
 * exactly the top-1 {@code axdse evaluate} gives for the same assignment; the prediction and its calibration
 * repeat themselves from the seed; a model with an LSTM layer is refused in one line.
 */
class PredictCommandTest {
  private static final String LENET = TestData.repoFile("models/lenet5.onnx").toString();
  @TempDir Path dir;
  final CliRun cli = new CliRun();

  int run(Callable<Integer> command, StringWriter out, String... args) {
    return cli.run(command, out, args);
  }

  JsonNode predict(String... extra) throws Exception {
    String[] base = {"--model", LENET, "--data", "fashion-mnist", "--limit", "60", "--calib", "60", "--threads",
        "2", "--fit", "4", "--sensitivity-images", "32", "--format", "json", "-q"};
    String[] all = CliRun.with(base, extra);
    StringWriter out = new StringWriter();
    assertEquals(0, run(new PredictCommand(), out, all), () -> String.valueOf(cli.failure()));
    return new ObjectMapper().readTree(out.toString());
  }

  double evaluate(String... extra) throws Exception {
    String[] base = {"--model", LENET, "--data", "fashion-mnist", "--limit", "60", "--calib", "60", "--threads",
        "2", "--no-float", "--format", "json", "-q"};
    String[] all = CliRun.with(base, extra);
    StringWriter out = new StringWriter();
    assertEquals(0, run(new EvaluateCommand(), out, all), () -> String.valueOf(cli.failure()));
    return new ObjectMapper().readTree(out.toString()).get("evaluation").get("assignment").get("top1").asDouble();
  }

  @Test
  void simulateAgreesExactlyWithEvaluate() throws Exception {
    Path cfg = dir.resolve("a.json");
    Files.writeString(cfg, "{\"layers\": {\"conv_0\": \"s8x8_trunc6\", \"fc_7\": \"s8x8_bam_h2v8\"}}");
    JsonNode uniform = predict("--uniform", "s8x8_trunc6", "--simulate");
    assertEquals(evaluate("--uniform", "s8x8_trunc6"), uniform.get("simulatedTop1").asDouble(), 0.0);
    JsonNode config = predict("--config", cfg.toString(), "--simulate");
    double simulated = config.get("simulatedTop1").asDouble();
    assertEquals(evaluate("--config", cfg.toString()), simulated, 0.0);
    assertTrue(simulated < uniform.get("exactTop1").asDouble() + 0.02, "the assignment does not beat exact");
    assertEquals(4, config.get("calibration").get("points").asInt());
  }

  @Test
  void predictionRepeatsItselfFromTheSeed() throws Exception {
    JsonNode a = predict("--uniform", "s8x8_drum4", "--seed", "3", "--noise-injection");
    JsonNode b = predict("--uniform", "s8x8_drum4", "--seed", "3", "--noise-injection");
    for (String k : new String[] {"predictedTop1", "noise", "noiseInjectionTop1"}) {
      assertEquals(a.get(k).asDouble(), b.get(k).asDouble(), 0.0, k);
    }
    assertEquals(a.get("calibration"), b.get("calibration"));
    double p = a.get("predictedTop1").asDouble();
    assertTrue(p >= 0 && p <= 1, "a top-1 fraction: " + p);
    assertTrue(a.get("noise").asDouble() > 0, "drum4 everywhere is noisy");
  }

  @Test
  void lstmModelIsRefusedWithOneLine() {
    String lstm = TestData.repoFile("models/lstm.onnx").toString();
    assertEquals(2, run(new PredictCommand(), new StringWriter(), "--model", lstm, "--data", "fashion-mnist",
        "--limit", "10", "--uniform", "s8x8_drum4"));
    BadInputException e = assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(e.getMessage().startsWith(lstm + ": layer '") && e.getMessage().endsWith(
        "(LSTM): predict describes convolution and dense layers only"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void unknownCompensationIsRefused() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new PredictCommand());
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("--model", LENET, "--data", "fashion-mnist", "--uniform", "s8x8_drum4",
        "--compensate", "all"));
    assertTrue(err.toString().contains("--compensate: expected bias, weights or both"), err.toString());
  }
}
