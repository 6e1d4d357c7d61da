package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.MixedWidthRoundTripIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compensate both} with several weight widths end to end on the bundled LeNet-5: a short search whose
 * restriction puts approximate 4-bit designs on the convolutions and an approximate 8-bit design on fc_7, {@code
 * pick --verify}, then {@code evaluate --config deploy.json}, which must reproduce the verified accuracy exactly;
 * the recorded compensation tunes the 4-bit layers within the 4-bit code range. The same with weight sharing
 * ({@code --share channel --compensate bias}): compensation after sharing, replayed bit for bit.
 */
class CompensatedWidthsRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void pickAndEvaluateConfigReplayACompensatedMixedWidthPoint() throws Exception {
    String model = MixedWidthRoundTripIT.LENET;
    String data = MixedWidthRoundTripIT.FASHION_2000;
    Path runDir = tmp.resolve("run");
    run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib", "100",
        "--weight-bits", "4,8", "--compensate", "both", "--objectives", "accuracy,energy,memory", "--generations",
        "2", "--population", "6", "--eval-images", "100", "--final-images", "200", "--baselines", "none",
        "--threads", "2", "--restrict", "conv_0=s8x4_trunc2,s8x4_bam_h1v4;conv_3=s8x4_trunc4_vc,s8x4_bam_h1v4;"
            + "fc_7=s8x8_trunc4;fc_9=s8x8_exact_bw,s8x8_trunc4;fc_11=s8x8_exact_bw,s8x4_exact_bw",
        "--out", runDir.toString(), "-q");
    run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "200", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    assertEquals("[4,8]", c.quantization().get("config").get("weightWidths").toString());
    JsonNode comp = JSON.valueToTree(c.compensation());
    assertEquals("both", comp.get("method").asText());
    int narrowLayers = 0;
    for (JsonNode layer : comp.get("layers")) {
      String name = layer.get("name").asText();
      if (name.equals("conv_0") || name.equals("conv_3")) {
        narrowLayers++;
        layer.get("weightRemap").fields().forEachRemaining(m -> m.getValue().fields().forEachRemaining(e -> {
          assertTrue(Math.abs(Integer.parseInt(e.getKey())) <= 7 && Math.abs(e.getValue().asInt()) <= 7,
              name + ": a 4-bit layer is tuned within the 4-bit codes: " + e);
        }));
      }
    }
    assertEquals(2, narrowLayers, "both 4-bit convolutions are approximate, so both are compensated: " + comp);

    MixedWidthRoundTripIT.assertReplaysVerified(runDir, c);
  }

  @Test
  void pickAndEvaluateConfigReplayACompensatedSharedPoint() throws Exception {
    String model = MixedWidthRoundTripIT.LENET;
    String data = MixedWidthRoundTripIT.FASHION_2000;
    Path runDir = tmp.resolve("shared");
    run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib", "100",
        "--weight-bits", "4,8", "--share", "channel", "--share-k", "2,4", "--compensate", "bias", "--objectives",
        "accuracy,energy,memory", "--generations", "1", "--population", "6", "--eval-images", "60",
        "--final-images", "100", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=s8x8_exact_bw@4,s8x8_exact_bw@2;conv_3=s8x8_exact_bw@4,s8x4_trunc2@4;"
            + "fc_7=s8x8_exact_bw,s8x8_trunc4;fc_9=s8x8_exact_bw;fc_11=s8x8_exact_bw",
        "--out", runDir.toString(), "-q");
    run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "100", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    assertTrue(c.quantization().get("sharing").get("k").has("conv_0"), "conv_0 is shared");
    JsonNode comp = JSON.valueToTree(c.compensation());
    boolean conv0 = false;
    for (JsonNode layer : comp.get("layers")) {
      if (layer.get("name").asText().equals("conv_0")) {
        conv0 = true;
        assertEquals("s8x8_exact_bw", layer.get("multipliers").get(0).asText());
        assertTrue(layer.get("biasDelta").size() > 0, "the shared layer's mean shift is corrected: " + layer);
      }
    }
    assertTrue(conv0, "an exact but shared layer is bias-corrected (its sharing shift): " + comp);
    MixedWidthRoundTripIT.assertReplaysVerified(runDir, c);
  }
}
