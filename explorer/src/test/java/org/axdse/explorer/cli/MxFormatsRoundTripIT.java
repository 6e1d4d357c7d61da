package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MX block scales as a searchable per-layer choice, end to end on the bundled LeNet-5: a short search with {@code
 * --number-formats mxfp8,e4m3} and restrictions that put block-scaled E4M3 designs on the first convolution and on
 * the first dense layer (400 features: 12 blocks of 32 and one of 16) and a per-tensor E4M3 or integer design
 * elsewhere, {@code pick --verify}, then {@code evaluate --config deploy.json} on 1 and 2 threads, which must
 * reproduce the verified accuracy and energy exactly; {@code run.json} records the canonical format names.
 */
class MxFormatsRoundTripIT {
  @TempDir Path tmp;

  @Test
  void pickAndEvaluateConfigReplayABlockScaledPoint() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String model = root.resolve("models/lenet5.onnx").toString();
    String data = "fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000");
    Path runDir = tmp.resolve("run");
    MixedWidthRoundTripIT.run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib",
        "100", "--number-formats", "mxfp8,e4m3", "--generations", "2", "--population", "8", "--eval-images", "100",
        "--final-images", "200", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=e4m3_exact_mx32,e4m3_lmul_mx32;conv_3=e4m3_exact,s8x8_exact_bw;"
            + "fc_7=e4m3_trunc3_mx32,e4m3_exact_mx32;fc_9=s8x8_exact_bw,s8x8_trunc4;fc_11=s8x8_exact_bw",
        "--out", runDir.toString(), "-q");
    assertTrue(Files.readString(runDir.resolve("run.json")).contains("e4m3_mx32,e4m3"),
        "run.json keeps the canonical formats");
    MixedWidthRoundTripIT.run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "200", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    Map<String, String> layers = new TreeMap<>();
    c.assignment().get("layers").fields().forEachRemaining(e -> layers.put(e.getKey(), e.getValue().asText()));
    assertTrue(layers.get("conv_0").startsWith("e4m3_") && layers.get("conv_0").endsWith("_mx32"), layers.toString());
    assertTrue(layers.get("fc_7").endsWith("_mx32"), layers.toString());
    assertTrue(Files.exists(runDir.resolve("deploy/verilog/" + layers.get("conv_0") + ".v")),
        "the element multiplier's Verilog is exported under the block-scaled name");
    DeployReplay.assertReplaysOnOneAndTwoThreads(runDir, c);
  }
}
