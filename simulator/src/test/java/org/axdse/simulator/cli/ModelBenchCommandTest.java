package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code axdse bench model} times what {@code axdse evaluate} runs: with the same flags, its cases reach the
 * accuracies {@code evaluate} prints for the exact reference, the uniform multiplier and the mixed assignment.
 */
class ModelBenchCommandTest {
  @TempDir Path dir;

  private static JsonNode run(Object command, String... args) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute(args), out.toString());
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void casesMatchEvaluateWithTheSameFlags() throws Exception {
    Path model = dir.resolve("resnet20.onnx");
    Files.copy(TestData.resnet20(), model);
    Files.copy(Path.of("src/test/resources/resnet20.preprocess.json"), dir.resolve("resnet20.preprocess.json"));
    Path mixed = dir.resolve("mixed.json");
    Files.writeString(mixed, "{\"layers\": {\"1\": \"s8x8_trunc4\", \"2\": \"s8x8_perf_r0\", \"5\": \"s8x8_trunc8\"}}");
    String[] common = {"--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--calib", "24",
        "--threads", "2", "--per-channel", "--format", "json", "-q"};
    String[] bench = concat(common, "--images", "24", "--runs", "1", "--config", mixed.toString());
    JsonNode b = run(new ModelBenchCommand(), bench);
    assertEquals(24, b.get("images").asInt());
    assertEquals(1, b.get("runs").asInt());
    JsonNode cases = b.get("cases");
    assertEquals(3, cases.size(), "exact, all trunc6 and the mixed assignment");
    JsonNode trunc6 = run(new EvaluateCommand(), concat(common, "--limit", "24", "--no-float", "--uniform",
        "s8x8_trunc6")).get("evaluation");
    JsonNode mix = run(new EvaluateCommand(), concat(common, "--limit", "24", "--no-float", "--config",
        mixed.toString())).get("evaluation");
    assertEquals("exact (reference pass)", cases.get(0).get("case").asText());
    assertEquals(trunc6.get("exactQuantized").get("top1").asDouble(), cases.get(0).get("top1").asDouble());
    assertEquals("all s8x8_trunc6", cases.get(1).get("case").asText());
    assertEquals(trunc6.get("assignment").get("top1").asDouble(), cases.get(1).get("top1").asDouble());
    assertEquals(mix.get("assignment").get("top1").asDouble(), cases.get(2).get("top1").asDouble());
    for (JsonNode c : cases) {
      double median = c.get("wallSecondsMedian").asDouble();
      assertTrue(c.get("wallSecondsMin").asDouble() <= median && median <= c.get("wallSecondsMax").asDouble(), c
          .toString());
      assertEquals(24 / median, c.get("imagesPerSecond").asDouble(), 1e-9 * c.get("imagesPerSecond").asDouble());
    }
  }

  @Test
  void medianOfEvenAndOddCounts() {
    assertEquals(2.0, RunTimes.median(new double[] {3, 1, 2}));
    assertEquals(2.5, RunTimes.median(new double[] {4, 1, 3, 2}), "(2 + 3) / 2");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
