package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad weight widths are one line naming the flag (or the layer and the multiplier), exit code 2, nothing written. */
class WeightBitsErrorsTest {
  @TempDir Path tmp;

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String MODEL = ROOT.resolve("models/lenet5.onnx").toString();
  private static final String DATA = "fashion-mnist:" + ROOT.resolve("data/fashion-mnist-test-2000");

  @Test
  void evaluateRefusesAMultiplierOfAWidthNotListed() {
    oneLine(InProcess.axdse("evaluate", "--model", MODEL, "--data", "fashion-mnist", "--limit", "10", "--weight-bits", "4,8",
        "--uniform", "s8x6_trunc2"), "'conv_0'", "s8x6_trunc2", "s8x4 or s8x8");
  }

  @Test
  void searchRefusesBadWidthLists() {
    Path out = tmp.resolve("run");
    oneLine(InProcess.axdse("search", "--model", MODEL, "--data", DATA, "--weight-bits", "4,9", "--out",
        out.toString()), "--weight-bits", "9");
    assertTrue(!out.toFile().exists(), "a failed command writes nothing");
  }
}
