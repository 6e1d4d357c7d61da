package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code axdse evaluate --layer-stats} on the bundled LeNet-5: the predicted mean and std sit beside the measured
 * ones in JSON and in the table; a model with an LSTM layer is refused with one line before calibration.
 */
class EvaluateLayerStatsTest {
  private Exception failure;

  private int run(StringWriter out, String... args) {
    CommandLine cl = new CommandLine(new EvaluateCommand());
    cl.setOut(new PrintWriter(out));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      failure = ex;
      return 2;
    });
    return cl.execute(args);
  }

  @Test
  void jsonAndTableShowPredictedNextToMeasured() throws Exception {
    String[] base = {"--model", TestData.repoFile("models/lenet5.onnx").toString(), "--split", "test", "--limit", "100", "--calib", "100",
        "--threads", "2", "--no-float", "--uniform", "s8x8_drum4", "--layer-stats", "--data", "fashion-mnist"};
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, concat(base, "--format", "json")), () -> String.valueOf(failure));
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
    assertEquals(0, run(table, base), () -> String.valueOf(failure));
    assertTrue(table.toString().contains("predicted mean") && table.toString().contains("predicted std"),
        table.toString());
  }

  @Test
  void lstmModelIsRefusedWithOneLine() {
    Path lstm = TestData.repoFile("models/lstm.onnx");
    assertEquals(2, run(new StringWriter(), "--model", lstm.toString(), "--data", "fashion-mnist", "--limit", "10",
        "--uniform", "s8x8_drum4", "--layer-stats"));
    BadInputException e = assertInstanceOf(BadInputException.class, failure);
    assertTrue(e.getMessage().startsWith(lstm + ": layer '") && e.getMessage().endsWith(
        "(LSTM): --layer-stats predicts convolution and dense layers only"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
