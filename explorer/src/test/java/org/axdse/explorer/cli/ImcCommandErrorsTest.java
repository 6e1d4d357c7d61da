package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.axdse.explorer.cli.InProcess.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse imc evaluate}'s bad input: one line naming the file or flag, the layer and the value, exit code 2,
 * before calibration.
 */
class ImcCommandErrorsTest {
  @TempDir
  Path dir;

  private InProcess.Outcome evaluate(String... extra) {
    String[] base = {"imc", "evaluate", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist:" + repo("data/fashion-mnist-test-2000"), "--limit", "10", "--calib", "10", "-q"};
    return InProcess.axdse(base, extra);
  }

  @Test
  void knobsOutsideTheArchitecture() {
    oneLine(evaluate("--uniform", "p8-s4-a12"), "--uniform", "12-bit ADC");
    oneLine(evaluate("--uniform", "p8-s4-a0"), "--uniform", "p8-s4-a0");
    oneLine(evaluate("--uniform", "p9-s4-a8"), "--uniform", "p9-s4-a8");
  }

  @Test
  void badConfigAndArchitectureFiles() throws IOException {
    Path cfg = dir.resolve("cfg.json");
    Files.writeString(cfg, "{\"layers\": {\"nope\": \"p8-s4-a9\"}}");
    oneLine(evaluate("--config", cfg.toString()), "cfg.json", "unknown layer 'nope'");
    Files.writeString(cfg, "{\"layers\": {\"0\": \"p8-s7-a9\"}}");
    oneLine(evaluate("--config", cfg.toString()), "cfg.json", "7 weight slices");
    Path arch = dir.resolve("arch.json");
    Files.writeString(arch, Files.readString(repo("data/isaac.imc.json")).replace("\"rows\": 128,", ""));
    oneLine(evaluate("--imc-arch", arch.toString()), "arch.json", "missing field 'rows'");
    Files.writeString(arch, Files.readString(repo("data/isaac.imc.json")).replace("\"rows\": 128",
        "\"rows\": 8192"));
    oneLine(evaluate("--imc-arch", arch.toString()), "arch.json", "8192");
  }
}
