package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.deploy.RecordedQuantization;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse pick --retrain} end to end: a real search of a copy of the shipped LeNet-5 on a tiny IDX set (256
 * training, 100 test images), then pick with retraining, then {@code evaluate --config deploy.json}, which must
 * replay the retrained model's verified accuracy exactly.
 */
class PickRetrainIT {
  @Test
  void retrainsThePickedPointAndDeploysTheRetrainedModel(@TempDir Path dir) throws Exception {
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    CompensateRetrainTest.tinyData(dir);
    Path runDir = dir.resolve("run");
    String data = "fashion-mnist:" + dir;
    Run s = CompensateRetrainTest.run("search", "--model", model.toString(), "--data", data, "--calib", "50",
        "--out", runDir.toString(), "--seed", "1", "--population", "4", "--generations", "1", "--eval-images", "50",
        "--baselines", "none", "--threads", "1");
    assertEquals(0, s.code(), s.err());
    Run p = CompensateRetrainTest.run("pick", runDir.toString(), "--max-energy", "0.95", "--retrain", "--epochs",
        "1", "--batch-size", "64", "--lr-schedule", "constant", "--weight-decay", "0.001", "--augment", "none",
        "--threads", "1");
    assertEquals(0, p.code(), p.err());
    assertTrue(p.err().contains("retrain epoch 1/1"), p.err());
    DeployConfig d = DeployJson.read(runDir.resolve("deploy.json"));
    assertNotNull(d.retraining(), "the deployment records its retraining");
    assertEquals(DeployJson.sha256(model), d.retraining().baseModel().sha256());
    assertEquals(java.util.Arrays.asList("constant", 0.001, "none", null, "table", 64, 1),
        java.util.Arrays.asList(d.retraining().schedule(), d.retraining().weightDecay(),
            d.retraining().augmentation(), d.retraining().trainData(), d.retraining().emulation(),
            d.retraining().batchSize(), d.retraining().epochs()), "every retraining setting is recorded");
    Path retrained = Path.of(d.model().path());
    assertEquals(runDir.resolve("deploy/lenet5-retrained.onnx").toAbsolutePath().normalize(), retrained);
    assertEquals(DeployJson.sha256(retrained), d.model().sha256());
    assertNotEquals(d.model().sha256(), d.retraining().baseModel().sha256(), "the weights changed");
    assertEquals(OnnxImporter.load(model).approximableLayers().stream().map(l -> l.name()).toList(),
        OnnxImporter.load(retrained).approximableLayers().stream().map(l -> l.name()).toList());
    assertNotNull(d.verified(), "--retrain implies --verify");
    assertEquals(100, d.verified().images());
    assertTrue(Files.exists(runDir.resolve("deploy/lenet5-retrained.preprocess.json")));

    Run e = CompensateRetrainTest.run("evaluate", "--config", runDir.resolve("deploy.json").toString(), "--format",
        "json", "--threads", "1", "--no-float", "--no-layer-stats");
    assertEquals(0, e.code(), e.err());
    JsonNode ev = new ObjectMapper().readTree(e.out()).get("evaluation");
    assertEquals(d.verified().accuracy(), ev.get("assignment").get("top1").asDouble(), "bit-identical replay");

    // the retrained model carries the deployment's quantization: the model file alone evaluates the same
    Path recorded = RecordedQuantization.fileOf(retrained);
    assertEquals(d.quantization().get("tensors"),
        new ObjectMapper().readTree(recorded.toFile()).get("quantization").get("tensors"));
    Path assignment = dir.resolve("assignment.json");
    Files.writeString(assignment, d.assignment().toString());
    Run alone = CompensateRetrainTest.run("evaluate", "--model", retrained.toString(), "--data", data, "--config",
        assignment.toString(), "--format", "json", "--threads", "1", "--no-float", "--no-layer-stats");
    assertEquals(0, alone.code(), alone.err());
    assertEquals(d.verified().accuracy(),
        new ObjectMapper().readTree(alone.out()).get("evaluation").get("assignment").get("top1").asDouble());
  }
}
