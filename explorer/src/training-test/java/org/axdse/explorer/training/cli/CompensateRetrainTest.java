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
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code axdse compensate --method retrain} end to end on a copy of the shipped LeNet-5 and a tiny IDX set cut
 * from the bundled test images, and its one-line errors.
 */
class CompensateRetrainTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path copyLenet(Path dir, boolean withParams) throws Exception {
    Path models = root().resolve("models");
    for (String f : withParams ? new String[] {"lenet5.onnx", "lenet5.preprocess.json", "lenet5.params"}
        : new String[] {"lenet5.onnx", "lenet5.preprocess.json"}) {
      Files.copy(models.resolve(f), dir.resolve(f));
    }
    return dir.resolve("lenet5.onnx");
  }

  private static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("axdse")) && Files.isDirectory(d.resolve("models"))) {
        return d;
      }
    }
    throw new IllegalStateException("repository root not found");
  }

  private static void tinyData(Path dir) throws Exception {
    Dataset all = DatasetSpec.parse("fashion-mnist:" + root().resolve("data/fashion-mnist-test-2000"))
        .load(Split.TEST);
    IdxWriter.write(dir, "train", all.limit(256));
    IdxWriter.write(dir, "t10k", all.select(java.util.stream.IntStream.range(256, 356).toArray()));
  }

  @Test
  void retrainsWritesModelAndReportsBeforeAndAfter(@TempDir Path dir) throws Exception {
    Path model = copyLenet(dir, true);
    tinyData(dir);
    Path out = dir.resolve("out/lenet5-rt.onnx");
    Run r = run("compensate", "--model", model.toString(), "--data", "fashion-mnist:" + dir, "--uniform",
        "s8x8_bam_h2v5", "--method", "retrain", "--epochs", "1", "--batch-size", "64", "--calib", "50",
        "--threads", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {"lenet5-rt.onnx", "lenet5-rt.preprocess.json", "lenet5-rt.params"}) {
      assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
    }
    assertEquals(OnnxImporter.load(model).approximableLayers().stream().map(l -> l.name()).toList(),
        OnnxImporter.load(out).approximableLayers().stream().map(l -> l.name()).toList());
    assertTrue(r.out().contains("method       retrain (1 epoch"), r.out());
    assertTrue(r.out().contains("compensated"), r.out());
    assertTrue(r.out().contains("images       100 (test)"), r.out());
    // four steps of 64 images, one progress line
    assertTrue(r.err().contains("retrain epoch 1/1"), r.err());
  }

  @Test
  void missingParamsIsOneLineError(@TempDir Path dir) throws Exception {
    Path model = copyLenet(dir, false);
    tinyData(dir);
    Path out = dir.resolve("m2.onnx");
    Run r = run("compensate", "--model", model.toString(), "--data", "fashion-mnist:" + dir, "--uniform",
        "s8x8_bam_h2v5", "--method", "retrain", "--calib", "50", "--threads", "1", "--out", out.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("lenet5.params"), r.err());
    assertTrue(Files.notExists(out));
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
