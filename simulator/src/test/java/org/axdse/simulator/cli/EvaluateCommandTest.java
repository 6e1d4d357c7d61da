package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evaluate} on the shared ResNet-20 with a few images: JSON and table output, one-line errors; and
 * {@code --layer-stats} on the bundled LeNet-5 (a model with an LSTM layer is refused with one line).
 */
class EvaluateCommandTest {
  @TempDir Path dir;
  Path model;
  final CliRun cli = new CliRun();

  @BeforeEach
  void copyModelWithSidecar() throws Exception {
    model = CliRun.resnet20(dir, true);
  }

  int run(StringWriter out, String... args) {
    return cli.run(new EvaluateCommand(), out, args);
  }

  String[] args(String... extra) {
    String[] base = {"--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--limit", "24",
        "--calib", "24", "--threads", "2"};
    return CliRun.with(base, extra);
  }

  @Test
  void jsonHasAccuraciesEnergyLayersAndQuantization() throws Exception {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, args("--quant", "asym", "--uniform", "u8x8_trunc6", "--format", "json")),
        () -> String.valueOf(cli.failure()));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode e = root.get("evaluation");
    assertEquals(24, e.get("images").asInt());
    for (String k : new String[] {"floatModel", "exactQuantized", "assignment"}) {
      double top1 = e.get(k).get("top1").asDouble();
      assertTrue(top1 >= 0 && top1 <= 1, k);
    }
    assertTrue(e.get("multiplierEnergy").asDouble() < 1, "trunc6 everywhere saves multiplier energy");
    assertTrue(e.get("systemEnergy").asDouble() < 1 && e.get("systemEnergy").asDouble() > e.get("multiplierEnergy")
        .asDouble(), "the system figure dilutes the multiplier saving");
    assertEquals(20, e.get("layers").size());
    assertEquals("u8x8_trunc6", e.get("layers").get(0).get("multipliers").get(0).asText());
    assertEquals(20, root.get("quantization").get("layers").size());
    assertEquals("asym", root.get("quantization").get("config").get("mode").asText());
  }

  @Test
  void tablePrintsTheSummaryAndOneRowPerLayer() {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, args("--uniform", "s8x8_trunc4", "--no-float")), () -> String.valueOf(cli.failure()));
    String text = out.toString();
    assertTrue(text.contains("exact-int8") && text.contains("agreement with exact-int8"), text);
    assertTrue(text.contains("relative energy: multiplier-only"), text);
    assertEquals(20, text.lines().filter(l -> l.contains("s8x8_trunc4") && l.contains("Conv")
        || l.contains("s8x8_trunc4") && l.contains("Dense")).count(), text);
  }

  @Test
  void badConfigIsOneLineNamingTheFile() throws Exception {
    Path cfg = dir.resolve("a.json");
    Files.writeString(cfg, "{\"layers\": {\"nope\": \"s8x8_trunc4\"}}");
    assertEquals(2, run(new StringWriter(), args("--config", cfg.toString())));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(cli.failure().getMessage().startsWith(cfg.toString()) && cli.failure().getMessage().contains("unknown layer"),
        cli.failure().getMessage());
    Files.writeString(cfg, "{\"layers\": {\"0\": \"u8x8_trunc4\"}}");
    assertEquals(2, run(new StringWriter(), args("--config", cfg.toString())));
    assertTrue(cli.failure().getMessage().contains("s8x8"), cli.failure().getMessage());
  }

  /** Each quantization flag with a value it does not take: one line naming that flag and the value. */
  @Test
  void aBadQuantizationFlagIsNamedWithItsValue() {
    String[][] cases = {{"--threads", "0", "--threads must be >= 1: 0"}, {"--limit", "-3", "--limit must be >= 1: -3"},
        {"--calib", "0", "--calib must be >= 1: 0"}, {"--quant", "int4", "--quant must be sym or asym, not 'int4'"},
        {"--calib-method", "max", "--calib-method must be minmax, percentile or mse, not 'max'"},
        {"--split", "dev", "--split must be test or train, not 'dev'"}};
    for (String[] c : cases) {
      assertEquals(2, run(new StringWriter(), "--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(),
          c[0], c[1]), c[0]);
      assertInstanceOf(BadInputException.class, cli.failure(), c[0]);
      assertEquals(c[2], cli.failure().getMessage());
    }
  }

  /**
   * Images of another size than the model's input (CIFAR-10 for the 28 x 28 LeNet-5), or a preprocessing sidecar of
   * another model: a one-line error naming the images' source or the preprocessing, before any calibration pass.
   */
  @Test
  void dataOrPreprocessingOfAnotherSizeIsOneLine() throws Exception {
    String lenet = TestData.repoFile("models/lenet5.onnx").toString();
    String[] base = {"--model", lenet, "--data", "cifar10:" + TestData.cifarDir(), "--limit", "8", "--calib", "8"};
    assertEquals(2, run(new StringWriter(), base));
    assertInstanceOf(BadInputException.class, cli.failure());
    String message = cli.failure().getMessage();
    assertTrue(message.startsWith(TestData.cifarDir().toString()) && message.contains("3x32x32 = 3072 values")
        && message.contains("takes 784") && !message.contains("\n"), message);
    assertEquals(2, run(new StringWriter(), args("--preprocess",
        TestData.repoFile("models/lenet5.preprocess.json").toString())));
    assertTrue(cli.failure().getMessage().contains("inputShape [1, 28, 28] (784 values) does not fit"),
        cli.failure().getMessage());
  }

  /** {@code --layer-stats} on the bundled LeNet-5: predicted mean and std beside the measured ones. */
  @Test
  void jsonAndTableShowPredictedNextToMeasured() throws Exception {
    String[] base = {"--model", TestData.repoFile("models/lenet5.onnx").toString(), "--split", "test", "--limit", "100", "--calib", "100",
        "--threads", "2", "--no-float", "--uniform", "s8x8_drum4", "--layer-stats", "--data", "fashion-mnist"};
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, withFormat(base)), () -> String.valueOf(cli.failure()));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode layers = root.get("evaluation").get("layers");
    JsonNode predicted = root.get("predictedLayerStats");
    assertEquals(layers.size(), predicted.size());
    for (int i = 0; i < layers.size(); i++) {
      JsonNode p = predicted.get(i);
      assertEquals(layers.get(i).get("name").asText(), p.get("name").asText());
      assertEquals(layers.get(i).get("errorStd").asDouble(), p.get("measuredStd").asDouble());
      double ratio = p.get("predictedStd").asDouble() / p.get("measuredStd").asDouble();
      // calibration (train) and evaluation (test) images differ and upstream layers are approximate too
      assertTrue(ratio > 0.5 && ratio < 2, p + ": predicted std within a factor of 2 of the measured one");
    }
    StringWriter table = new StringWriter();
    assertEquals(0, run(table, base), () -> String.valueOf(cli.failure()));
    assertTrue(table.toString().contains("predicted mean") && table.toString().contains("predicted std"),
        table.toString());
  }

  @Test
  void lstmModelIsRefusedWithOneLine() {
    Path lstm = TestData.repoFile("models/lstm.onnx");
    assertEquals(2, run(new StringWriter(), "--model", lstm.toString(), "--data", "fashion-mnist", "--limit", "10",
        "--uniform", "s8x8_drum4", "--layer-stats"));
    BadInputException e = assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(e.getMessage().startsWith(lstm + ": layer '") && e.getMessage().endsWith(
        "(LSTM): --layer-stats predicts convolution and dense layers only"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  private static String[] withFormat(String[] base) {
    String[] all = java.util.Arrays.copyOf(base, base.length + 2);
    all[base.length] = "--format";
    all[base.length + 1] = "json";
    return all;
  }
}
