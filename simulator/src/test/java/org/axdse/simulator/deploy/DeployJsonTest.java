package org.axdse.simulator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeployJson}: a deployment with a retraining round-trips with every retraining setting; a version-2 file
 * (written before the schedule, weight decay, augmentation, training data and emulation were recorded) still
 * reads, with those settings unknown and everything else as written; version 3 stays strict (a missing or
 * invalid retraining field and a version-1 file are one-line errors naming the file and the field).
 */
class DeployJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHA = "ab".repeat(32);

  static DeployConfig config(DeployConfig.Retraining retraining) {
    ObjectNode node = JSON.createObjectNode().put("mode", "symmetric");
    return new DeployConfig(DeployConfig.FORMAT, DeployConfig.FORMAT_VERSION,
        new DeployConfig.ModelFile("/m/retrained.onnx", SHA), "fashion-mnist:/data",
        new DeployConfig.EvaluationSet("test", 0, 100), node, node, JSON.createObjectNode().put("default",
        "s8x8_trunc6"), List.of(new DeployConfig.MultiplierFile("s8x8_trunc6", "verilog/s8x8_trunc6.v", "verilog")),
        new DeployConfig.Selection("/runs/r", 7, "max_accuracy_drop", 0.5, "multiplier", "final", 0.9),
        new DeployConfig.Figures(100, 0.88, 0.9, 0.6, null), null, null, retraining);
  }

  static DeployConfig.Retraining retraining() {
    return new DeployConfig.Retraining(new DeployConfig.ModelFile("/m/base.onnx", "cd".repeat(32)), 3, 2e-4, 64,
        11, "step", 1e-3, "crop-flip", "cifar10:/data/c10", "model");
  }

  @Test
  void everyRetrainingSettingRoundTrips(@TempDir Path dir) {
    DeployConfig c = config(retraining());
    Path file = dir.resolve("deploy.json");
    DeployJson.write(c, file);
    DeployConfig back = DeployJson.read(file);
    assertEquals(c.retraining(), back.retraining());
    assertEquals(c.selection(), back.selection());
    assertEquals(c.model(), back.model());
    assertEquals(DeployConfig.FORMAT_VERSION, back.formatVersion());
  }

  @Test
  void aVersionTwoFileReadsWithTheNewSettingsUnknown(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deploy.json");
    DeployJson.write(config(retraining()), file);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    root.put("format_version", 2);
    ObjectNode r = (ObjectNode) root.get("retraining");
    r.remove(List.of("schedule", "weight_decay", "augmentation", "train_data", "emulation"));
    Files.writeString(file, root.toPrettyString());
    DeployConfig old = DeployJson.read(file);
    DeployConfig.Retraining got = old.retraining();
    assertEquals(DeployConfig.FORMAT_VERSION, old.formatVersion());
    assertEquals(retraining().baseModel(), got.baseModel());
    assertEquals(List.of(3, 2e-4, 64, 11L), List.of(got.epochs(), got.learningRate(), got.batchSize(), got.seed()));
    assertNull(got.schedule());
    assertNull(got.weightDecay());
    assertNull(got.augmentation());
    assertNull(got.trainData());
    assertNull(got.emulation());
    assertEquals(config(retraining()).selection(), old.selection());

    root.putNull("retraining");
    Files.writeString(file, root.toPrettyString());
    assertNull(DeployJson.read(file).retraining());
  }

  @Test
  void versionThreeStaysStrict(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deploy.json");
    DeployJson.write(config(retraining()), file);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    ((ObjectNode) root.get("retraining")).remove("schedule");
    Files.writeString(file, root.toPrettyString());
    assertOneLine(file, "schedule");

    ((ObjectNode) root.get("retraining")).put("schedule", "linear");
    Files.writeString(file, root.toPrettyString());
    assertOneLine(file, "retraining.schedule");

    ((ObjectNode) root.get("retraining")).put("schedule", "cosine");
    root.put("format_version", 1);
    Files.writeString(file, root.toPrettyString());
    assertOneLine(file, "format_version");
  }

  private static void assertOneLine(Path file, String field) {
    BadInputException e = assertThrows(BadInputException.class, () -> DeployJson.read(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(field), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
