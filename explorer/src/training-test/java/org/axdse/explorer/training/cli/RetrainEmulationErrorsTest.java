package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.training.cli.CompensateRetrainTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-line errors of {@code --emulation} (exit 2, nothing written, before any evaluation): an unknown value,
 * the flag without {@code --method retrain}, and {@code --emulation model} for an assignment that makes the
 * bundled LSTM model's recurrent layer approximate, which the error model cannot describe.
 */
class RetrainEmulationErrorsTest {
  private static Run compensate(Path dir, Path model, String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("compensate", "--model",
        model.toString(), "--data", "fashion-mnist:" + dir, "--uniform", "s8x8_bam_h2v5", "--calib", "50",
        "--threads", "1", "--out", dir.resolve("m2.onnx").toString()));
    args.addAll(java.util.List.of(extra));
    Run r = CompensateRetrainTest.run(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(Files.notExists(dir.resolve("m2.onnx")));
    assertTrue(Files.notExists(dir.resolve("m2.preprocess.json")));
    assertTrue(Files.notExists(dir.resolve("m2.retrain")));
    return r;
  }

  @Test
  void unknownEmulationIsOneLineError(@TempDir Path dir) throws Exception {
    CompensateRetrainTest.tinyData(dir);
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    Run r = compensate(dir, model, "--method", "retrain", "--emulation", "fast");
    assertTrue(r.err().contains("--emulation fast") && r.err().contains("table or model"), r.err());
  }

  @Test
  void emulationWithoutRetrainIsOneLineError(@TempDir Path dir) throws Exception {
    CompensateRetrainTest.tinyData(dir);
    Path model = CompensateRetrainTest.copyLenet(dir, false);
    Run r = compensate(dir, model, "--method", "bias", "--emulation", "model");
    assertTrue(r.err().contains("--emulation") && r.err().contains("--method retrain"), r.err());
  }

  @Test
  void approximateLstmWithModelEmulationIsOneLineErrorNamingTheLayer(@TempDir Path dir) throws Exception {
    CompensateRetrainTest.tinyData(dir);
    Path models = CompensateRetrainTest.root().resolve("models");
    Files.copy(models.resolve("lstm.onnx"), dir.resolve("lstm.onnx"));
    Files.copy(models.resolve("lstm.preprocess.json"), dir.resolve("lstm.preprocess.json"));
    String lstm = org.axdse.simulator.onnx.OnnxImporter.load(dir.resolve("lstm.onnx")).approximableLayers()
        .stream().filter(l -> l instanceof org.axdse.simulator.model.LstmLayer).findFirst().orElseThrow().name();
    Run r = compensate(dir, dir.resolve("lstm.onnx"), "--method", "retrain", "--emulation", "model");
    assertTrue(r.err().contains("'" + lstm + "'") && r.err().contains("--emulation table"), r.err());
    assertTrue(r.out().isEmpty(), "nothing evaluated: " + r.out());
  }
}
