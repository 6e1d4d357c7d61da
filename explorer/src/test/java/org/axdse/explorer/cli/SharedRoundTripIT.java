package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.RunDirectory;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weight sharing as a gene end to end on the bundled LeNet-5: a short search with {@code --weight-bits 4,8 --share
 * channel --share-k 2,4} and a restriction that makes every point share its two convolutions, {@code pick --verify}
 * of a front point, then {@code evaluate --config deploy.json}, which must reproduce the verified accuracy and
 * energy exactly; {@code deploy.json} records each shared layer's k and the multipliers without the {@code @K}
 * suffix; the memory of every point counts indices and codebooks (below the plain width count).
 */
class SharedRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String[] run(String... args) {
    return MixedWidthRoundTripIT.run(args);
  }

  @Test
  void pickAndEvaluateConfigReplayASharedPoint() throws Exception {
    String model = MixedWidthRoundTripIT.LENET;
    String data = MixedWidthRoundTripIT.FASHION_2000;
    Path runDir = tmp.resolve("run");
    run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib", "100",
        "--weight-bits", "4,8", "--share", "channel", "--share-k", "2,4", "--objectives", "accuracy,energy,memory",
        "--generations", "1", "--population", "6", "--eval-images", "60", "--final-images", "100",
        "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=s8x4_exact_bw@4,s8x8_exact_bw@2;conv_3=s8x8_exact_bw@4,s8x4_trunc2@4;"
            + "fc_7=s8x8_exact_bw,s8x8_trunc4;fc_9=s8x8_exact_bw,s8x8_trunc4@4;fc_11=s8x8_exact_bw",
        "--out", runDir.toString(), "-q");
    for (EvaluatedPoint p : RunDirectory.of(runDir).read().points()) {
      assertTrue(p.layerMultipliers().get(0).contains("@") && p.layerMultipliers().get(1).contains("@"), p.id()
          + ": the restriction shares both convolutions");
      assertTrue(p.weightMemory() < 1.0, "shared convolutions store fewer bits: " + p.weightMemory());
      assertTrue(List.of("s8x8_exact_bw", "s8x8_trunc4@4").contains(p.layerMultipliers().get(3)),
          "a restriction naming an M@K lists exactly its choices: " + p.layerMultipliers());
    }
    run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "100", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    JsonNode sharing = c.quantization().get("sharing");
    assertEquals("channel", sharing.get("granularity").asText());
    assertTrue(sharing.get("k").has("conv_0") && sharing.get("k").has("conv_3"), "conv_0 and conv_3 are shared: "
        + sharing);
    c.assignment().get("layers").fields().forEachRemaining(e -> assertTrue(!e.getValue().asText().contains("@"),
        "deploy.json names plain multipliers: " + e));

    JsonNode e = MixedWidthRoundTripIT.assertReplaysVerified(runDir, c);

    // the same deployment without its sharing entry evaluates the unshared weights: the entry is what is replayed
    ObjectNode raw = (ObjectNode) JSON.readTree(runDir.resolve("deploy.json").toFile());
    ((ObjectNode) raw.get("quantization")).remove("sharing");
    Path unshared = tmp.resolve("unshared.json");
    Files.writeString(unshared, JSON.writeValueAsString(raw));
    JsonNode u = JSON.readTree(run("evaluate", "--config", unshared.toString(), "--no-float", "--no-layer-stats",
        "--format", "json", "-q", "--threads", "2")[0]).get("evaluation");
    assertNotEquals(e.get("assignment").get("top1").asDouble() + " " + e.get("assignment"),
        u.get("assignment").get("top1").asDouble() + " " + u.get("assignment"),
        "k = 2 or 4 per channel changes the predictions of the 100 images");
  }
}
