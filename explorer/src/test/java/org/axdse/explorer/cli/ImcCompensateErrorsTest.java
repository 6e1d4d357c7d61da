package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bias-correction flags of {@code axdse imc evaluate} and {@code imc search}: a bad {@code --compensate} or
 * {@code --bias-images} is one line naming the flag and the value, exit code 2, and {@code imc search} writes
 * nothing.
 */
class ImcCompensateErrorsTest {
  @TempDir
  Path dir;

  private static InProcess.Outcome run(String command, String... extra) {
    String[] base = {"imc", command, "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist:" + repo("data/fashion-mnist-test-2000"), "--calib", "10", "-q"};
    return InProcess.axdse(base, extra);
  }

  @Test
  void evaluateRefusesBadFlags() {
    oneLine(run("evaluate", "--limit", "10", "--compensate", "weights"), "--compensate weights", "none or bias");
    oneLine(run("evaluate", "--limit", "10", "--compensate", "both"), "--compensate both");
    oneLine(run("evaluate", "--limit", "10", "--compensate", "biass"), "--compensate", "'biass'");
    oneLine(run("evaluate", "--limit", "10", "--compensate", "bias", "--bias-images", "0"), "--bias-images", "0");
    oneLine(run("evaluate", "--limit", "10", "--compensate", "bias", "--bias-order", "later"), "--bias-order",
        "'later'");
  }

  @Test
  void searchRefusesBadFlagsAndWritesNothing() {
    Path out = dir.resolve("run");
    oneLine(run("search", "--out", out.toString(), "--compensate", "weights"), "--compensate weights");
    oneLine(run("search", "--out", out.toString(), "--compensate", "bias", "--bias-images", "-3"), "--bias-images",
        "-3");
    assertFalse(Files.exists(out), "nothing written");
  }
}
