package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.cli.Main;
import org.axdse.explorer.training.IdxWriter;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one-line errors of {@code axdse compensate --method retrain} (exit 2, nothing written), checked before the
 * evaluation starts (end to end: {@link CompensateRetrainIT}).
 */
class CompensateRetrainTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path copyLenet(Path dir, boolean withParams) throws Exception {
    Path models = root().resolve("models");
    for (String f : withParams ? new String[] {"lenet5.onnx", "lenet5.preprocess.json", "lenet5.params"}
        : new String[] {"lenet5.onnx", "lenet5.preprocess.json"}) {
      Files.copy(models.resolve(f), dir.resolve(f));
    }
    return dir.resolve("lenet5.onnx");
  }

  static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("axdse")) && Files.isDirectory(d.resolve("models"))) {
        return d;
      }
    }
    throw new IllegalStateException("repository root not found");
  }

  static void tinyData(Path dir) throws Exception {
    Dataset all = DatasetSpec.parse("fashion-mnist:" + root().resolve("data/fashion-mnist-test-2000"))
        .load(Split.TEST);
    IdxWriter.write(dir, "train", all.limit(256));
    IdxWriter.write(dir, "t10k", all.select(java.util.stream.IntStream.range(256, 356).toArray()));
  }

  /** Runs a retraining of a LeNet-5 copy (ONNX alone) with {@code extra} flags; it must fail before writing. */
  private static Run refused(Path dir, String data, String... extra) throws Exception {
    Path model = copyLenet(dir, false);
    Path out = dir.resolve("m2.onnx");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("compensate", "--model",
        model.toString(), "--data", data, "--uniform", "s8x8_bam_h2v5", "--method", "retrain", "--calib", "50",
        "--threads", "1", "--out", out.toString()));
    args.addAll(java.util.List.of(extra));
    Run r = run(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(Files.notExists(out));
    assertTrue(Files.notExists(dir.resolve("m2.preprocess.json")));
    return r;
  }

  @Test
  void dataWithoutTrainSplitIsOneLineError(@TempDir Path dir) throws Exception {
    tinyData(dir);
    String idx = "idx:" + dir.resolve("t10k-images-idx3-ubyte.gz") + "," + dir.resolve("t10k-labels-idx1-ubyte.gz");
    Run r = refused(dir, idx);
    assertTrue(r.err().contains("no train split") && r.err().contains("--train-data"), r.err());
  }

  @Test
  void nonPositiveLearningRateOrEpochsAreRefused(@TempDir Path dir) throws Exception {
    tinyData(dir);
    assertTrue(refused(dir, "fashion-mnist:" + dir, "--lr", "0").err().contains("--lr"));
  }

  @Test
  void zeroEpochsAreRefused(@TempDir Path dir) throws Exception {
    tinyData(dir);
    assertTrue(refused(dir, "fashion-mnist:" + dir, "--epochs", "0").err().contains("--epochs"));
  }

  @Test
  void unknownScheduleIsOneLineError(@TempDir Path dir) throws Exception {
    tinyData(dir);
    assertTrue(refused(dir, "fashion-mnist:" + dir, "--lr-schedule", "linear").err().contains("cosine"));
  }

  @Test
  void leftCheckpointWithoutResumeIsOneLineError(@TempDir Path dir) throws Exception {
    tinyData(dir);
    Files.createDirectories(dir.resolve("m2.retrain"));
    Files.write(dir.resolve("m2.retrain/checkpoint.bin"), new byte[] {1, 2, 3});
    Run r = refused(dir, "fashion-mnist:" + dir);
    assertTrue(r.err().contains("--resume"), r.err());
    assertEquals(3, Files.size(dir.resolve("m2.retrain/checkpoint.bin")), "the checkpoint is left as it was");
  }

  @Test
  void recalibrateIsAUsageErrorWithRetraining(@TempDir Path dir) throws Exception {
    tinyData(dir);
    assertTrue(refused(dir, "fashion-mnist:" + dir, "--recalibrate").err().contains("--recalibrate"));
  }

  @Test
  void aBrokenRecordedQuantizationIsOneLineErrorBeforeTraining(@TempDir Path dir) throws Exception {
    tinyData(dir);
    Files.writeString(dir.resolve("lenet5.quantization.json"), "{\"format\": \"something else\"}");
    Run r = refused(dir, "fashion-mnist:" + dir);
    assertTrue(r.err().contains("lenet5.quantization.json: not a recorded quantization"), r.err());
    assertTrue(!r.err().contains("retrain epoch"), r.err());
  }

  @Test
  void retrainWithoutOnnxOutIsUsageError(@TempDir Path dir) throws Exception {
    Path model = copyLenet(dir, true);
    Run r = run("compensate", "--model", model.toString(), "--data", "fashion-mnist", "--uniform",
        "s8x8_bam_h2v5", "--method", "retrain");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--out M2.onnx"), r.err());
  }
}
