package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library integer circuits as significand multipliers of E4M3 layers, end to end on the bundled LeNet-5: two
 * unsigned 8x8 circuits imported from Verilog into a {@code --library} directory become {@code
 * e4m3_sig_<name>} candidates of {@code search --number-formats e4m3}; restrictions put them on the first
 * convolution; {@code pick --verify} and {@code evaluate --config deploy.json} on 1 and 2 threads replay the
 * verified accuracy and energy bit for bit, and the composed design's Verilog is exported.
 */
class SignificandDesignsRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aSearchOffersLibraryCircuitsAsSignificandMultipliersAndPickReplaysThem() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    MultiplierCatalog builtin = MultiplierCatalog.builtin();
    for (String[] pair : new String[][] {{"u8x8_bam_h4v10", "mul8u_bam"}, {"u8x8_mitchell", "mul8u_log"}}) {
      Multiplier m = builtin.byName(pair[0]);
      MultiplierFiles.write(new Multiplier(pair[1], "imported", m.table(), m.netlist().withName(pair[1]), null),
          lib.resolve(pair[1] + ".v"));
    }
    Path root = Path.of("..").toAbsolutePath().normalize();
    String model = root.resolve("models/lenet5.onnx").toString();
    String data = "fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000");
    Path runDir = tmp.resolve("run");
    MixedWidthRoundTripIT.run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib",
        "100", "--library", lib.toString(), "--number-formats", "e4m3", "--generations", "2", "--population", "4",
        "--eval-images", "100", "--final-images", "200", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=e4m3_sig_mul8u_bam,e4m3_sig_mul8u_log;conv_3=s8x8_exact_bw,s8x8_trunc4;"
            + "fc_7=s8x8_exact_bw;fc_9=s8x8_exact_bw;fc_11=s8x8_exact_bw",
        "--out", runDir.toString(), "-q");
    MixedWidthRoundTripIT.run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "200", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    String design = c.assignment().get("layers").get("conv_0").asText();
    assertTrue(List.of("e4m3_sig_mul8u_bam", "e4m3_sig_mul8u_log").contains(design), design);
    assertTrue(Files.exists(runDir.resolve("deploy/verilog/" + design + ".v")), "its Verilog is exported");
    MultiplierCatalog catalog = MultiplierCatalog.withDirectories(List.of(lib));
    assertEquals(catalog.byName(design).table(),
        MultiplierFiles.read(runDir.resolve("deploy/verilog/" + design + ".v")).table());
    DeployReplay.assertReplaysOnOneAndTwoThreads(runDir, c, "--library", lib.toString());
  }

  @Test
  void anAssignmentNamesAccumulatorsAndCompositionsAndReplaysOnOneAndTwoThreads() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path config = tmp.resolve("assign.json");
    Files.writeString(config, "{\"layers\": {\"conv_0\": \"e4m3_lmul_accbf16\", \"conv_3\": "
        + "\"e4m3_sig_u8x8_mitchell_accfp32\", \"fc_7\": \"e3m4_exact_accfp16\"}}");
    double[][] figures = new double[2][];
    for (int t = 1; t <= 2; t++) {
      String[] eval = MixedWidthRoundTripIT.run("evaluate", "--model", root.resolve("models/lenet5.onnx").toString(),
          "--data", "fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000"), "--calib-data", "holdout",
          "--calib", "100", "--limit", "200", "--config", config.toString(), "--no-float", "--no-layer-stats",
          "--format", "json", "-q", "--threads", Integer.toString(t));
      JsonNode e = JSON.readTree(eval[0]).get("evaluation");
      figures[t - 1] = new double[] {e.get("assignment").get("top1").asDouble(), e.get("multiplierEnergy").asDouble()};
      JsonNode layers = JSON.readTree(eval[0]).get("assignment").get("layers");
      assertEquals("e4m3_sig_u8x8_mitchell_accfp32", layers.get("conv_3").asText());
    }
    assertEquals(figures[0][0], figures[1][0], 0.0, "accuracy on 1 and 2 threads");
    assertEquals(figures[0][1], figures[1][1], 0.0, "energy on 1 and 2 threads");
    assertTrue(figures[0][1] < 1.0 && figures[0][0] > 0.5, java.util.Arrays.toString(figures[0]));
  }
}
