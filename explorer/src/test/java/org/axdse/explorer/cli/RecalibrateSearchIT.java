package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search --recalibrate}: a model written by {@code compensate --out} carries its quantization
 * ({@code M2.quantization.json}); a search with other quantization flags is refused in one line unless it
 * calibrates afresh, and {@code pick} then quantizes as the run did.
 */
class RecalibrateSearchIT {
  @TempDir Path tmp;

  private InProcess.Outcome search(Path model, Path out, String... more) {
    return InProcess.axdse(InProcess.bundledSearch(model.toString(), out, "--calib", "50", "--quant", "asym",
        "--generations", "1", "--population", "4", "--eval-images", "60", "--final-images", "100", "--restrict",
        "conv_0=u8x8_exact,u8x8_trunc4;conv_3=u8x8_exact;fc_7=u8x8_exact;fc_9=u8x8_exact;fc_11=u8x8_exact"), more);
  }

  @Test
  void aSearchWithOtherFlagsThanTheRecordedQuantizationNeedsRecalibrateAndPickFollowsIt() throws Exception {
    Path m = tmp.resolve("m.onnx");
    Files.copy(Path.of(MixedWidthRoundTripIT.LENET), m);
    Files.copy(Path.of(MixedWidthRoundTripIT.LENET.replace(".onnx", ".preprocess.json")),
        tmp.resolve("m.preprocess.json"));
    Path m2 = tmp.resolve("m2.onnx");
    InProcess.Outcome c = InProcess.axdse("compensate", "--model", m.toString(), "--data",
        MixedWidthRoundTripIT.FASHION_2000, "--calib-data", "holdout", "--calib", "50", "--limit", "60",
        "--uniform", "s8x8_trunc4", "--method", "bias", "--out", m2.toString(), "-q");
    assertEquals(0, c.code(), c.err());
    assertTrue(Files.exists(tmp.resolve("m2.quantization.json")), "compensate --out records the quantization");
    if (!Files.exists(tmp.resolve("m2.preprocess.json"))) {
      Files.copy(tmp.resolve("m.preprocess.json"), tmp.resolve("m2.preprocess.json"));
    }

    Path refused = tmp.resolve("refused");
    InProcess.oneLine(search(m2, refused), "m2.quantization.json", "--recalibrate");
    assertFalse(Files.exists(refused), "a refused search writes nothing");

    Path run = tmp.resolve("run");
    InProcess.Outcome s = search(m2, run, "--recalibrate");
    assertEquals(0, s.code(), s.err());
    assertEquals(Boolean.TRUE, RunDirectory.of(run).readConfig().settings().get("recalibrate"));
    InProcess.oneLine(InProcess.axdse("search", "--resume", run.toString(), "--recalibrate"),
        "--recalibrate cannot be changed");
    InProcess.Outcome p = InProcess.axdse("pick", run.toString(), "--max-energy", "1", "--verify", "--limit", "100",
        "-q");
    assertEquals(0, p.code(), "pick quantizes as the run did, not by the recorded file: " + p.err());
    assertTrue(Files.exists(run.resolve("deploy.json")));
  }
}
