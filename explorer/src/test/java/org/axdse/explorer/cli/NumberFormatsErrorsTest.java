package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float design where the run cannot use it, or a bad {@code --number-formats}, is one line naming the flag (or
 * the layer and the design), exit code 2, nothing written.
 */
class NumberFormatsErrorsTest {
  @TempDir Path tmp;

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String MODEL = ROOT.resolve("models/lenet5.onnx").toString();
  private static final String LSTM = ROOT.resolve("models/lstm.onnx").toString();
  private static final String DATA = "fashion-mnist:" + ROOT.resolve("data/fashion-mnist-test-2000");

  @Test
  void searchRefusesFloatDesignsItCannotRun() {
    Path out = tmp.resolve("run");
    oneLine(InProcess.axdse("search", "--model", MODEL, "--data", DATA, "--number-formats", "e4m3",
        "--granularity", "kernel", "--out", out.toString()), "--number-formats e4m3", "--granularity layer");
    oneLine(InProcess.axdse("search", "--model", MODEL, "--data", DATA, "--number-formats", "e4m3",
        "--compensate", "bias", "--out", out.toString()), "--compensate bias", "--number-formats");
    oneLine(InProcess.axdse("search", "--model", MODEL, "--data", DATA, "--number-formats", "e4m3,E9M0",
        "--out", out.toString()), "--number-formats e4m3,E9M0", "E9M0", "at most 8 bits");
    oneLine(InProcess.axdse("search", "--model", MODEL, "--data", DATA, "--number-formats", "int8",
        "--out", out.toString()), "--number-formats int8", "integer format");
    assertTrue(!out.toFile().exists(), "a failed command writes nothing");
  }

  @Test
  void evaluateRefusesAFloatDesignOnARecurrentLayerNamingIt() {
    oneLine(InProcess.axdse("evaluate", "--model", LSTM, "--data", "fashion-mnist", "--limit", "10",
        "--uniform", "e4m3_exact"),
        "e4m3_exact", "convolution and dense layers only");
  }
}
