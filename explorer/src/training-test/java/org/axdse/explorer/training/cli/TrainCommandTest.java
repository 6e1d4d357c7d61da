package org.axdse.explorer.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.cli.Main;
import org.axdse.explorer.training.IdxWriter;
import org.axdse.explorer.training.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse train} end to end on a tiny IDX data set, and its one-line errors. */
class TrainCommandTest {

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

  @Test
  void trainsAndWritesModelSidecarParamsAndCard(@TempDir Path dir) throws Exception {
    // 64 training and 16 test images
    IdxWriter.write(dir, "train", Synthetic.images(64, 1));
    IdxWriter.write(dir, "t10k", Synthetic.images(16, 2));
    Path onnx = dir.resolve("out/tiny.onnx");
    Run r = run("train", "--arch", "lenet5", "--data", "fashion-mnist:" + dir, "--epochs", "1", "--seed", "3",
        "--batch-size", "16", "--out", onnx.toString());
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {"tiny.onnx", "tiny.preprocess.json", "tiny.params", "tiny.md"}) {
      assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
    }
    String card = Files.readString(dir.resolve("out/tiny.md"));
    assertTrue(card.contains("| seed | 3 |"), card);
    assertTrue(card.contains("exact-int8 accuracy"), card);
    assertTrue(r.out().contains("test accuracy"), r.out());
  }

  @Test
  void unknownArchitectureIsOneLineAndExitTwo() {
    Run r = run("train", "--arch", "vgg", "--epochs", "1", "--out", "x.onnx");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--arch vgg"), r.err());
  }

  @Test
  void missingDataIsOneLineNamingTheFile(@TempDir Path dir) {
    Run r = run("train", "--arch", "lenet5", "--data", "fashion-mnist:" + dir, "--epochs", "1",
        "--out", dir.resolve("m.onnx").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("train-images-idx3-ubyte"), r.err());
    assertTrue(Files.notExists(dir.resolve("m.onnx")));
  }
}
