package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code axdse compensate} on the shared ResNet-20 with a few images: report, JSON round trip, errors. */
class CompensateCommandTest {
  @TempDir Path dir;
  Path model;
  final CliRun cli = new CliRun();

  @BeforeEach
  void copyModelWithSidecar() throws Exception {
    model = CliRun.resnet20(dir, true);
  }

  int run(StringWriter out, String... extra) {
    String[] base = {"--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--limit", "20",
        "--calib", "20", "--threads", "2"};
    return cli.run(new CompensateCommand(), out, CliRun.with(base, extra));
  }

  @Test
  void writesTheCompensationThatRoundTrips() throws Exception {
    StringWriter out = new StringWriter();
    Path json = dir.resolve("comp.json");
    assertEquals(0, run(out, "--uniform", "s8x8_trunc6", "--method", "both", "--out", json.toString()),
        () -> String.valueOf(cli.failure()));
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
  void evaluateReplaysACompensationFileExactly() throws Exception {
    Path json = dir.resolve("comp.json");
    assertEquals(0, run(new StringWriter(), "--uniform", "s8x8_bam_h2v5", "--method", "both", "--bias-order",
        "exact", "--out", json.toString()), () -> String.valueOf(cli.failure()));
    JsonNode recorded = new ObjectMapper().readTree(json.toFile()).get("accuracy");
    assertTrue(recorded.get("compensated").asDouble() != recorded.get("uncompensated").asDouble(),
        "this multiplier's compensation changes the accuracy, so the replay can tell the two apart");
    StringWriter out = new StringWriter();
    assertEquals(0, cli.run(new EvaluateCommand(), out, "--config", json.toString(), "--format", "json", "--threads", "2", "--no-float",
        "--no-layer-stats"), () -> String.valueOf(cli.failure()));
    JsonNode ev = new ObjectMapper().readTree(out.toString()).get("evaluation");
    assertEquals(20, ev.get("images").asInt(), "the recorded number of images");
    assertEquals(recorded.get("compensated").asDouble(), ev.get("assignment").get("top1").asDouble());
    assertEquals(recorded.get("exactQuantized").asDouble(), ev.get("exactQuantized").get("top1").asDouble());
  }

  /**
   * {@code --out M2.onnx}: the compensated model as ONNX beside its sidecar and JSON; quantized with the recorded
   * (uncompensated) parameters, its weights and biases are the compensated codes, and it is evaluated again.
   */
  @Test
  void writesTheCompensatedModelAsOnnx() throws Exception {
    Path onnx = dir.resolve("out/r20-comp.onnx");
    Files.createDirectories(onnx.getParent());
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "--uniform", "s8x8_bam_h2v5", "--method", "both", "--bias-order", "exact", "--out",
        onnx.toString()), () -> String.valueOf(cli.failure()));
    assertTrue(Files.exists(dir.resolve("out/r20-comp.preprocess.json")));
    JsonNode root = new ObjectMapper().readTree(dir.resolve("out/r20-comp.compensation.json").toFile());
    double exported = root.get("accuracy").get("exportedRecalibrated").asDouble();
    assertTrue(exported >= 0 && exported <= 1);
    assertTrue(out.toString().contains("re-read and recalibrated"), out.toString());
    // Re-quantize the exported floats with the recorded scales: the codes are the compensated ones.
    var original = org.axdse.simulator.onnx.OnnxImporter.load(model);
    var back = org.axdse.simulator.onnx.OnnxImporter.load(onnx);
    var pre = org.axdse.simulator.model.Preprocessing.requiredFor(model);
    var q = org.axdse.simulator.quant.QuantizedModel.fromJson(root.get("quantization"), original, pre);
    var fixed = CompensationJson.fromJson(root.get("compensation")).applyTo(q);
    var conv = (org.axdse.simulator.model.ConvLayer) back.approximableLayers().get(0);
    var lq = fixed.layer(0);
    int per = lq.weights().codes().length / lq.bias().length;
    int changed = 0;
    for (int i = 0; i < conv.weights().length; i++) {
      assertEquals(lq.weights().code(i), lq.weights().paramsOf(i).quantize(conv.weights()[i]), "weight " + i);
      changed += lq.weights().code(i) != q.layer(0).weights().code(i) ? 1 : 0;
    }
    for (int n = 0; n < lq.bias().length; n++) {
      assertEquals(lq.bias()[n], org.axdse.simulator.quant.WeightQuantizer.quantizeBias(conv.bias()[n],
          lq.input().scale(), lq.weights().paramsOf(n * per).scale()), "bias " + n);
    }
    assertTrue(changed > 0 || !java.util.Arrays.equals(lq.bias(), q.layer(0).bias()), "the layer was compensated");
  }

  @Test
  void malformedCompensationFileIsOneLineError() throws Exception {
    Path bad = dir.resolve("bad-comp.json");
    Files.writeString(bad, "{\"format\": \"axdse-compensation\", \"formatVersion\": 1, \"model\": \"m.onnx\"}");
    assertEquals(2, cli.run(new EvaluateCommand(), new StringWriter(), "--config", bad.toString()));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertEquals(bad + ": dataset: expected a string", cli.failure().getMessage());
  }

  @Test
  void retrainAndBadMethodsAreOneLineErrors() {
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "retrain"));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(cli.failure().getMessage().contains("training profile"), cli.failure().getMessage());
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "magic"));
    assertEquals("--method must be bias, weights, both or retrain, not 'magic'", cli.failure().getMessage());
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "bias", "--bias-order", "later"));
    assertEquals("--bias-order must be exact or sequential, not 'later'", cli.failure().getMessage());
    assertEquals(2, run(new StringWriter(), "--uniform", "s8x8_trunc6", "--method", "bias", "--epochs", "2"),
        "retraining flags with another method are a usage error, not silently ignored");
    assertEquals(2, run(new StringWriter(), "--uniform", "u8x8_trunc6", "--method", "bias"));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(cli.failure().getMessage().contains("u8x8_trunc6"), cli.failure().getMessage());
  }
}
