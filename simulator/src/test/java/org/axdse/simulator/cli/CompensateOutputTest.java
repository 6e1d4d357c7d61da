package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse compensate --format json}: the report as one JSON document on stdout, progress lines on stderr; the
 * preprocessing comes from {@code --preprocess} (no sidecar beside the model).
 */
class CompensateOutputTest {
  final CliRun cli = new CliRun();

  int run(StringWriter out, ByteArrayOutputStream err, String... extra) {
    String[] base = {"--model", TestData.resnet20().toString(), "--preprocess",
        Path.of("src/test/resources/resnet20.preprocess.json").toString(), "--data", "cifar10:" + TestData.cifarDir(),
        "--limit", "20", "--calib", "20", "--threads", "2"};
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return cli.run(new CompensateCommand(), out, CliRun.with(base, extra));
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void jsonOnStdoutAndOneProgressLinePerCorrectedLayerOnStderr() throws Exception {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(out, err, "--uniform", "s8x8_trunc4", "--method", "bias", "--format", "json",
        "--progress-every", "0"), () -> String.valueOf(cli.failure()));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(20, root.get("images").asInt());
    int corrected = root.get("compensation").get("layers").size();
    assertTrue(corrected > 0, out.toString());
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.contains("compensation: " + corrected + " layers..."), String.join("\n", lines));
    // a line after every layer but the last, whose step prints only the end line
    assertEquals(corrected - 1, lines.stream().filter(l -> l.matches("compensation: \\d+/" + corrected
        + " layers \\(\\d+%\\), .*")).count(), String.join("\n", lines));
  }

  @Test
  void retrainRefusesJsonAndPreprocessInOneLine() {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(out, err, "--uniform", "exact", "--method", "retrain", "--format", "json"));
    assertEquals("--format json: not available with --method retrain (see its --out files)",
        cli.failure().getMessage());
    assertEquals(2, run(out, err, "--uniform", "exact", "--method", "retrain"));
    assertEquals("--preprocess: not available with --method retrain, which reads M.preprocess.json beside the "
        + "model", cli.failure().getMessage());
  }

  /** {@code --out} never replaces the input model, and replaces an existing output only with {@code --force}. */
  @Test
  void theInputModelAndExistingOutputsAreNotOverwritten(@TempDir Path tmp) throws Exception {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(out, err, "--uniform", "s8x8_trunc4", "--method", "bias", "--out",
        TestData.resnet20().toString()));
    assertTrue(cli.failure().getMessage().endsWith("--out is the input model; write the compensated model to "
        + "another file"), cli.failure().getMessage());
    Path m2 = tmp.resolve("m2.onnx");
    Path quantization = tmp.resolve("m2.quantization.json");
    Files.writeString(quantization, "kept");
    assertEquals(2, run(out, err, "--uniform", "s8x8_trunc4", "--method", "bias", "--out", m2.toString()));
    assertEquals(quantization + ": exists; give --force to overwrite it", cli.failure().getMessage());
    assertEquals("kept", Files.readString(quantization));
    assertFalse(Files.exists(m2), "nothing written");
  }
}
