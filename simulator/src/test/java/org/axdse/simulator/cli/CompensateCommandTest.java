package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationJson;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse compensate} on the shared ResNet-20 with a few images: report, JSON round trip, errors. */
class CompensateCommandTest {
  @TempDir Path dir;
  Path model;
  Exception failure;

  @BeforeEach
  void copyModelWithSidecar() throws Exception {
    model = dir.resolve("resnet20.onnx");
    Files.copy(TestData.resnet20(), model);
    Files.copy(Path.of("src/test/resources/resnet20.preprocess.json"), dir.resolve("resnet20.preprocess.json"));
  }

  int run(StringWriter out, String... extra) {
    String[] base = {"--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--limit", "20",
        "--calib", "20", "--threads", "2"};
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    CommandLine cl = new CommandLine(new CompensateCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      failure = ex;
      return 2;
    });
    return cl.execute(all);
  }

  @Test
  void writesTheCompensationThatRoundTrips() throws Exception {
    StringWriter out = new StringWriter();
    Path json = dir.resolve("comp.json");
    assertEquals(0, run(out, "--uniform", "s8x8_trunc6", "--method", "both", "--out", json.toString()),
        () -> String.valueOf(failure));
    assertTrue(out.toString().contains("uncompensated"), out.toString());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("axdse-compensation", root.get("format").asText());
    JsonNode layers = root.get("compensation").get("layers");
    assertEquals(root.get("quantization").get("layers").size(), layers.size(), "every layer is approximate");
    Compensation c = CompensationJson.fromJson(root.get("compensation"));
    assertEquals(root.get("compensation"), CompensationJson.toJson(c));
    assertArrayEquals(c.layers().get(0).biasDelta(),
        new ObjectMapper().convertValue(layers.get(0).get("biasDelta"), int[].class));
    double before = root.get("accuracy").get("uncompensated").asDouble();
    double after = root.get("accuracy").get("compensated").asDouble();
    assertTrue(before >= 0 && before <= 1 && after >= 0 && after <= 1);
  }

  @Test
  void retrainAndBadMethodsAreOneLineErrors() {
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "retrain"));
    assertInstanceOf(BadInputException.class, failure);
    assertTrue(failure.getMessage().contains("training profile"), failure.getMessage());
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "magic"));
    assertEquals(2, run(new StringWriter(), "--uniform", "u8x8_trunc6", "--method", "bias"));
    assertInstanceOf(BadInputException.class, failure);
    assertTrue(failure.getMessage().contains("u8x8_trunc6"), failure.getMessage());
  }
}
