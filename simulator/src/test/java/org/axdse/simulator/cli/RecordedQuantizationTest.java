package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quantization recorded beside a written model ({@code M2.quantization.json}): {@code compensate --out
 * M2.onnx} writes it, {@code evaluate} uses it (the compensation's own figure), {@code --recalibrate} ignores it
 * (the figure of a fresh calibration), and a file for other flags or other model bytes is a one-line error.
 */
class RecordedQuantizationTest {
  @TempDir Path dir;
  Path model;
  Path out;
  JsonNode report;
  final CliRun cli = new CliRun();
  final String[] data = {"--data", "cifar10:" + TestData.cifarDir(), "--limit", "20", "--calib", "20",
      "--threads", "2"};

  @BeforeEach
  void compensateAndExport() throws Exception {
    model = CliRun.resnet20(dir, true);
    out = dir.resolve("out/r20-bias.onnx");
    Files.createDirectories(out.getParent());
    String[] args = CliRun.with(CliRun.with(new String[] {"--model", model.toString()}, data), "--uniform",
        "s8x8_bam_h2v5", "--method", "bias", "--out", out.toString());
    assertEquals(0, cli.run(new CompensateCommand(), new StringWriter(), args), () -> String.valueOf(cli.failure()));
    report = new ObjectMapper().readTree(dir.resolve("out/r20-bias.compensation.json").toFile());
  }

  JsonNode evaluate(String... extra) throws Exception {
    StringWriter w = new StringWriter();
    String[] args = CliRun.with(CliRun.with(new String[] {"--model", out.toString()}, data), CliRun.with(
        new String[] {"--uniform", "s8x8_bam_h2v5", "--format", "json", "--no-float", "--no-layer-stats"}, extra));
    assertEquals(0, cli.run(new EvaluateCommand(), w, args), () -> String.valueOf(cli.failure()));
    return new ObjectMapper().readTree(w.toString()).get("evaluation");
  }

  @Test
  void theWrittenModelEvaluatesAsTheCompensationDid() throws Exception {
    Path recorded = RecordedQuantization.fileOf(out);
    assertEquals(dir.resolve("out/r20-bias.quantization.json"), recorded);
    JsonNode file = new ObjectMapper().readTree(recorded.toFile());
    // the activation parameters are the source model's calibration (the report's), tensor by tensor in model order
    assertEquals(params(report.get("quantization").get("tensors")), params(file.get("quantization").get("tensors")));
    assertTrue(report.get("accuracy").get("compensated").asDouble()
        != report.get("accuracy").get("exportedRecalibrated").asDouble(), "the two figures can be told apart");
    JsonNode e = evaluate();
    assertEquals(report.get("accuracy").get("compensated").asDouble(), e.get("assignment").get("top1").asDouble());
    JsonNode fresh = evaluate("--recalibrate");
    assertEquals(report.get("accuracy").get("exportedRecalibrated").asDouble(),
        fresh.get("assignment").get("top1").asDouble());
  }

  @Test
  void aRecordedQuantizationOfOtherFlagsOrOtherBytesIsOneLine() throws Exception {
    String[] args = CliRun.with(CliRun.with(new String[] {"--model", out.toString()}, data), "--quant", "asym");
    assertEquals(2, cli.run(new EvaluateCommand(), new StringWriter(), args));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertEquals(RecordedQuantization.fileOf(out) + ": records --quant sym --weight-bits 8, the command asks for "
        + "--quant asym --weight-bits 8: pass the recorded flags, or --recalibrate", cli.failure().getMessage());
    Files.copy(model, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    args = CliRun.with(new String[] {"--model", out.toString()}, data);
    assertEquals(2, cli.run(new EvaluateCommand(), new StringWriter(), args));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(cli.failure().getMessage().startsWith(RecordedQuantization.fileOf(out) + ": modelSha256: "),
        cli.failure().getMessage());
  }

  /** Scale and zero point of every tensor, in the file's order (tensor names differ after export). */
  private static List<String> params(JsonNode tensors) {
    List<String> all = new ArrayList<>();
    tensors.forEach(t -> all.add(t.get("scale").asDouble() + "/" + t.get("zeroPoint").asInt()));
    return all;
  }
}
