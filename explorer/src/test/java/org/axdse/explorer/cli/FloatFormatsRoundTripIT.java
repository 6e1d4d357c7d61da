package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.deploy.DeployConfig;
import org.axdse.simulator.deploy.DeployJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integer and float layers in one network, end to end on the bundled LeNet-5: a short search with {@code
 * --number-formats e4m3} and restrictions that put a float design on the first convolution of every point and
 * integer designs on the other layers,
 * {@code pick --verify}, then {@code evaluate --config deploy.json} on 1 and on 2 threads, which must both
 * reproduce the verified accuracy and energy exactly; the float layer's multiplier is a float design in
 * {@code deploy.json}, and the integer tool exports leave it out.
 */
class FloatFormatsRoundTripIT {
  @TempDir Path tmp;

  @Test
  void pickAndEvaluateConfigReplayAMixedIntegerFloatPoint() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String model = root.resolve("models/lenet5.onnx").toString();
    String data = "fashion-mnist:" + root.resolve("data/fashion-mnist-test-2000");
    Path runDir = tmp.resolve("run");
    MixedWidthRoundTripIT.run("search", "--model", model, "--data", data, "--calib-data", "holdout", "--calib",
        "100", "--number-formats", "e4m3", "--generations", "2", "--population", "8", "--eval-images", "100",
        "--final-images", "200", "--baselines", "none", "--threads", "2",
        "--restrict", "conv_0=e4m3_exact,e4m3_trunc3,e4m3_lmul;conv_3=s8x8_exact_bw,s8x8_trunc4;"
            + "fc_7=s8x8_exact_bw,s8x8_trunc4;fc_9=s8x8_exact_bw,s8x8_trunc4;fc_11=s8x8_exact_bw,s8x8_trunc4",
        "--out", runDir.toString(), "-q");
    MixedWidthRoundTripIT.run("pick", runDir.toString(), "--max-energy", "1", "--verify", "--limit", "200", "-q");
    DeployConfig c = DeployJson.read(runDir.resolve("deploy.json"));
    MultiplierCatalog lib = MultiplierCatalog.builtin();
    List<String> floats = new ArrayList<>();
    List<String> integers = new ArrayList<>();
    c.assignment().get("layers").fields().forEachRemaining(e -> {
      String name = e.getValue().asText();
      (lib.byName(name).format().isFloat() ? floats : integers).add(e.getKey() + "=" + name);
    });
    assertTrue(floats.size() == 1 && floats.get(0).startsWith("conv_0=e4m3_"), "conv_0 is restricted to E4M3: "
        + floats);
    assertEquals(4, integers.size(), "the other layers are restricted to integer designs: " + integers);
    String floatDesign = floats.get(0).substring("conv_0=".length());
    assertFalse(Files.exists(runDir.resolve("deploy/adapt/" + floatDesign + ".h")), "no AdaPT header for floats");
    assertTrue(Files.exists(runDir.resolve("deploy/verilog/" + floatDesign + ".v")), "its Verilog is exported");
    DeployReplay.assertReplaysOnOneAndTwoThreads(runDir, c);
    assertTrue(c.verified().multiplierEnergy() < 1.0, "an E4M3 layer saves multiplier energy under the model");
    Path retrained = tmp.resolve("retrained");
    InProcess.oneLine(InProcess.axdse("pick", runDir.toString(), "--max-energy", "1", "--retrain", "--out",
        retrained.toString(), "-q"), "layer 'conv_0'", "'" + floatDesign + "'", "retraining");
    assertFalse(Files.exists(retrained.resolve("deploy.json")), "a refused retraining writes no deploy.json");
  }
}
