package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.axdse.simulator.imc.ImcDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of the IMC target: {@code search --target imc} with options that make no sense for it, IMC flags
 * without it, a knob outside the architecture in a deployment, and a deployment replayed with a conflicting
 * quantization flag: one line naming the flag or file (and layer), exit code 2, nothing written.
 */
class ImcSearchErrorsTest {
  @TempDir Path dir;

  private InProcess.Outcome search(String... extra) {
    String[] base = {"search", "--model", repo("models/lenet5.onnx").toString(), "--data", "fashion-mnist",
        "--generations", "1", "--out", dir.resolve("run").toString()};
    return InProcess.axdse(base, extra);
  }

  private void oneLine(InProcess.Outcome o, String... parts) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    for (String p : parts) {
      assertTrue(o.err().contains(p), o.err() + " lacks " + p);
    }
    assertFalse(Files.exists(dir.resolve("run")), "a failed search writes nothing");
  }

  @Test
  void optionsThatMakeNoSenseWithTheImcTarget() {
    oneLine(search("--target", "imc", "--library", dir.toString()), "--library", "makes no sense");
    oneLine(search("--target", "imc", "--compensate", "weights"), "--compensate must be none or bias");
    oneLine(search("--target", "imc", "--early-stop"), "--target imc: --early-stop applies to the simulator");
    oneLine(search("--target", "imc", "--prefix-cache", "64"), "--target imc: --prefix-cache applies");
    oneLine(search("--target", "imc", "--calib-method", "mse"), "--calib-method mse does not apply");
    oneLine(search("--target", "imc", "--bias-images", "8"), "--bias-images needs --compensate bias");
    oneLine(search("--target", "imc", "--compensate", "bias", "--bias-order", "later"),
        "--bias-order must be exact, sequential or network, not 'later'");
    oneLine(search("--target", "imc", "--compensate", "bias", "--bias-images", "0"), "--bias-images must be >= 1");
    oneLine(search("--bias-order", "network"), "--bias-order needs --target imc");
    oneLine(search("--target", "imc", "--granularity", "kernel"), "--granularity must be layer");
    oneLine(search("--target", "imc", "--weight-bits", "4,8"), "--target imc takes one --weight-bits");
    oneLine(search("--target", "imc", "--imc-min-adc-bits", "12"), "--imc-min-adc-bits must be 1..9");
    oneLine(search("--target", "imc", "--imc-min-planes", "0"), "--imc-min-planes must be 1..8");
    oneLine(search("--imc-arch", repo("data/isaac.imc.json").toString()), "--imc-arch needs --target imc");
    oneLine(search("--target", "gpu"), "--target must be multipliers or imc, not 'gpu'");
    oneLine(search("--target", "imc", "--objectives", "accuracy,energy,speed"), "unknown objective 'speed'");
  }

  @Test
  void badArchitectureFileNamesTheFile() throws Exception {
    Path arch = dir.resolve("arch.json");
    Files.writeString(arch, Files.readString(repo("data/isaac.imc.json")).replace("\"dacBits\": 1,", ""));
    oneLine(search("--target", "imc", "--imc-arch", arch.toString()), "arch.json", "missing field 'dacBits'");
  }

  @Test
  void deploymentWithAKnobOutsideTheArchitectureOrAConflictingFlag() throws Exception {
    Path file = dir.resolve("deploy.json");
    ObjectMapper json = new ObjectMapper();
    new ImcDeployment(repo("models/lenet5.onnx").toString(), "", "fashion-mnist", "asym", true, 8, 20,
        json.readTree(repo("data/isaac.imc.json").toFile()), Map.of("0", "p8-s5-a9"), null, null, null, 0, "")
        .write(file);
    String[] base = {"imc", "evaluate", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist:" + repo("data/fashion-mnist-test-2000"), "--limit", "10", "-q", "--config", file.toString()};
    InProcess.Outcome o = InProcess.axdse(base);
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().contains("deploy.json") && o.err().contains("p8-s5-a9") && o.err().contains("4"), o.err());
    String[] conflicting = java.util.Arrays.copyOf(base, base.length + 2);
    conflicting[base.length] = "--quant";
    conflicting[base.length + 1] = "sym";
    o = InProcess.axdse(conflicting);
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("quantization.quant is asym but --quant sym"), o.err());
  }
}
