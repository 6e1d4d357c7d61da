package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that run the error model or the product tables their own way ({@code predict}, {@code compensate})
 * refuse a float design in one line naming the layer and the design (and the file of {@code --config}), exit
 * code 2, before calibration, writing nothing.
 */
class FloatDesignCommandsTest {
  @TempDir Path tmp;

  private static final String MODEL = InProcess.repo("models/lenet5.onnx").toString();
  private static final String DATA = "fashion-mnist";

  @Test
  void predictRefusesAFloatLayer() {
    oneLine(InProcess.axdse("predict", "--model", MODEL, "--data", DATA, "--limit", "10", "--calib", "10",
        "--uniform", "e4m3_exact", "-q"), "layer 'conv_0'", "'e4m3_exact'", "predict does not model float layers");
  }

  @Test
  void compensateRefusesAFloatLayerForEveryMethodNamingTheConfig() throws Exception {
    Path cfg = tmp.resolve("mixed.json");
    Files.writeString(cfg, "{\"layers\": {\"conv_0\": \"s8x8_trunc4\", \"1\": \"e4m3_lmul\"}}");
    Path out = tmp.resolve("c.json");
    for (String method : new String[] {"bias", "weights", "both"}) {
      oneLine(InProcess.axdse("compensate", "--model", MODEL, "--data", DATA, "--limit", "10", "--calib", "10",
          "--config", cfg.toString(), "--method", method, "--out", out.toString(), "-q"),
          cfg.toString(), "layer 'conv_3'", "'e4m3_lmul'", "does not apply to float layers");
    }
    assertFalse(Files.exists(out), "a refused compensation writes nothing");
    oneLine(InProcess.axdse("compensate", "--model", MODEL, "--data", DATA, "--limit", "10", "--calib", "10",
        "--uniform", "e5m2_exact", "--method", "bias", "-q"), "layer 'conv_0'", "'e5m2_exact'");
  }
}
