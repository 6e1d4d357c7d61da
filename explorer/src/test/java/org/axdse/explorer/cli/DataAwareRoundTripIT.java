package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-aware precision end to end on the bundled LeNet-5: a short search with {@code --weight-rounding gptq} and
 * {@code --share-codebook refit} (a restriction shares the first convolution at 4 bits and keeps the second
 * unshared at 4 bits), {@code pick --verify}, then {@code evaluate --config deploy.json}, which fits the rounding
 * again on the recorded calibration images and must reproduce the verified accuracy and energy exactly; the same
 * deployment without its {@code weightRounding} record evaluates other weights.
 */
class DataAwareRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void pickAndEvaluateConfigReplayGptqAndRefittedCodebooks() throws Exception {
    Path runDir = tmp.resolve("run");
    MixedWidthRoundTripIT.run("search", "--model", MixedWidthRoundTripIT.LENET, "--data",
        MixedWidthRoundTripIT.FASHION_2000, "--calib-data", "holdout", "--calib", "100", "--weight-bits", "4,8",
        "--weight-rounding", "gptq", "--share", "channel", "--share-k", "4", "--share-codebook", "refit",
        "--objectives", "accuracy,energy,memory", "--generations", "1", "--population", "4", "--eval-images", "60",
        "--final-images", "100", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=s8x4_exact_bw@4;conv_3=s8x4_exact_bw;fc_7=s8x8_exact_bw,s8x4_exact_bw;"
            + "fc_9=s8x8_exact_bw;fc_11=s8x8_exact_bw",
        "--out", runDir.toString(), "-q");
    MixedWidthRoundTripIT.run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "100", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    assertEquals("gptq,refit:0", c.quantization().get("config").get("weightRounding").asText());
    assertEquals("holdout", c.quantization().get("config").get("weightRoundingCalibration").asText());
    JsonNode e = MixedWidthRoundTripIT.assertReplaysVerified(runDir, c);

    ObjectNode raw = (ObjectNode) JSON.readTree(runDir.resolve("deploy.json").toFile());
    ((ObjectNode) raw.get("quantization").get("config")).remove("weightRounding");
    Path nearest = tmp.resolve("nearest.json");
    Files.writeString(nearest, JSON.writeValueAsString(raw));
    JsonNode u = JSON.readTree(MixedWidthRoundTripIT.run("evaluate", "--config", nearest.toString(), "--no-float",
        "--no-layer-stats", "--format", "json", "-q", "--threads", "2")[0]).get("evaluation");
    assertNotEquals(e.get("assignment").get("top1").asDouble() + " " + e.get("multiplierEnergy").asDouble(),
        u.get("assignment").get("top1").asDouble() + " " + u.get("multiplierEnergy").asDouble(),
        "nearest rounding and k-means codebooks give other figures (the record is what is replayed)");
  }
}
