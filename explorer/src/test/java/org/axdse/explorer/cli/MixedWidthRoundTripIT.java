package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Mixed weight widths end to end on the bundled LeNet-5: a short search with {@code --weight-bits 4,8}, the
 * memory objective and a restriction that makes every point mix 4-bit and 8-bit layers, {@code pick --verify}
 * of its most accurate front point, then {@code evaluate --config deploy.json}, which must reproduce the
 * verified accuracy and energy exactly; {@code deploy.json} records the widths and each layer's width is the
 * width of its multiplier's format.
 */
class MixedWidthRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** The bundled LeNet-5 and the bundled 2,000 Fashion-MNIST test images, for the round trips of this package. */
  static final String LENET = ROOT.resolve("models/lenet5.onnx").toString();
  static final String FASHION_2000 = "fashion-mnist:" + ROOT.resolve("data/fashion-mnist-test-2000");

  @TempDir Path tmp;

  /** Runs {@code axdse ARGS} in process, asserts exit code 0 and returns stdout and stderr. */
  static String[] run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertEquals(0, code, String.join(" ", args) + ": " + err);
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void pickAndEvaluateConfigReplayAMixedWidthPoint() throws Exception {
    String model = LENET;
    String data = FASHION_2000;
    Path runDir = tmp.resolve("run");
    run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib", "100",
        "--weight-bits", "4,8", "--objectives", "accuracy,energy,memory", "--generations", "2", "--population",
        "8", "--eval-images", "100", "--final-images", "200", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=s8x4_exact_bw,s8x4_trunc2;conv_3=s8x4_exact_bw,s8x4_trunc4_vc;"
            + "fc_7=s8x8_exact_bw,s8x8_trunc4;fc_9=s8x8_exact_bw,s8x8_trunc4;fc_11=s8x8_exact_bw,s8x4_exact_bw",
        "--out", runDir.toString(), "-q");
    run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "200", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    JsonNode widths = c.quantization().get("config").get("weightWidths");
    assertEquals("[4,8]", widths.toString());
    JsonNode layerWidths = c.quantization().get("layerWidths");
    List<Integer> seen = new ArrayList<>();
    MultiplierCatalog lib = MultiplierCatalog.builtin();
    c.assignment().get("layers").fields().forEachRemaining(e -> {
      int expected = lib.byName(e.getValue().asText()).format().weightBits();
      assertEquals(expected, layerWidths.get(e.getKey()).asInt(), e.getKey());
      seen.add(expected);
    });
    assertEquals(5, seen.size(), "every LeNet-5 layer is recorded");
    assertTrue(seen.contains(4) && seen.contains(8), "the convolutions are restricted to 4-bit designs, fc_7 "
        + "and fc_9 to 8-bit ones, so every point mixes widths: " + seen);

    assertReplaysVerified(runDir, c);
    assertTrue(c.verified().multiplierEnergy() < 1.0, "a point with 4-bit layers saves energy");
  }

  /**
   * {@code evaluate --config RUN/deploy.json} reproduces the images, accuracy and multiplier energy that {@code pick
   * --verify} recorded in {@code c}, bit for bit; returns the evaluation.
   */
  static JsonNode assertReplaysVerified(Path runDir, DeployConfig c) throws Exception {
    String[] eval = run("evaluate", "--config", runDir.resolve("deploy.json").toString(), "--no-float",
        "--no-layer-stats", "--format", "json", "-q", "--threads", "2");
    JsonNode e = JSON.readTree(eval[0]).get("evaluation");
    assertEquals(c.verified().images(), e.get("images").asInt());
    assertEquals(c.verified().accuracy(), e.get("assignment").get("top1").asDouble(), 0.0, "bit-for-bit replay");
    assertEquals(c.verified().multiplierEnergy(), e.get("multiplierEnergy").asDouble(), 0.0);
    return e;
  }
}
