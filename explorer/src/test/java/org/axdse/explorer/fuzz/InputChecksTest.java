package org.axdse.explorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input values and messages of issue 11 that the audit found wrong, each as one line naming file and field. */
class InputChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private ObjectNode compensation() throws IOException {
    return (ObjectNode) JSON.readTree(Samples.resource("compensation.json"));
  }

  private BadInputException refusedCompensation(ObjectNode root) throws IOException {
    Path f = tmp.resolve("c.json");
    Files.writeString(f, root.toPrettyString());
    Path modelFile = Samples.repoRoot().resolve("models/lenet5.onnx");
    Model m = OnnxImporter.load(modelFile);
    return assertThrows(BadInputException.class,
        () -> CompensationFile.read(f).quantization(f, m, Preprocessing.requiredFor(modelFile)));
  }

  @Test
  void remapCodeOutsideTheWeightRangeNamesTheField() throws IOException {
    ObjectNode root = compensation();
    ObjectNode remap = (ObjectNode) root.at("/compensation/layers/0/weightRemap");
    ObjectNode codes = (ObjectNode) remap.elements().next();
    codes.put(codes.fieldNames().next(), 100000);
    BadInputException e = refusedCompensation(root);
    assertTrue(e.getMessage().startsWith(tmp.resolve("c.json") + ": compensation.layers[0].weightRemap."),
        e.getMessage());
    assertTrue(e.getMessage().contains("100000 is outside the layer's weight range"), e.getMessage());
  }

  @Test
  void imagesMustBeAWholePositiveNumber() throws IOException {
    for (String images : List.of("-1", "1e9", "0", "2.5", "\"300\"")) {
      ObjectNode root = compensation();
      String text = root.toPrettyString().replaceFirst("\"images\" : \\d+", "\"images\" : " + images);
      Path f = tmp.resolve("c.json");
      Files.writeString(f, text);
      BadInputException e = assertThrows(BadInputException.class, () -> CompensationFile.read(f));
      assertTrue(e.getMessage().startsWith(f + ": images: expected a whole number"), e.getMessage());
    }
  }

  @Test
  void recordedImagesBeyondTheDataSetAreRefusedWhenEvaluating() throws IOException {
    ObjectNode root = compensation();
    root.put("images", 1_000_000);
    Path f = tmp.resolve("c.json");
    Files.writeString(f, root.toPrettyString());
    Path im = tmp.resolve("im.idx");
    Path lb = tmp.resolve("lb.idx");
    Files.write(im, Samples.idxImages(40, 28, 28));
    Files.write(lb, Samples.idxLabels(40));
    CliCase c = CliCase.run(tmp, List.of("evaluate", "--config", f.toString(), "--data", "idx:" + im + "," + lb,
        "--no-float", "--no-layer-stats", "--threads", "1"));
    assertEquals(2, c.code(), c.err());
    assertEquals(1, c.errorLines().size(), c.err());
    assertTrue(c.errorLines().get(0).startsWith("axdse: " + f + ": images: 1000000 recorded, but the test split of ")
        && c.errorLines().get(0).endsWith(" holds 40"), c.err());
  }

  @Test
  void inputShapeOverflowNamesTheSidecarAndField() throws IOException {
    Path f = tmp.resolve("m.preprocess.json");
    Files.writeString(f, "{\"layout\": \"NCHW\", \"inputShape\": [1, 100000, 100000], \"scale\": 1, \"mean\": [0],"
        + " \"std\": [1], \"numClasses\": 10}");
    BadInputException e = assertThrows(BadInputException.class, () -> Preprocessing.load(f));
    // 1 x 100000 x 100000 = 10^10 values, beyond 2^24 (and beyond an int: the old message said 1410065408).
    assertTrue(e.getMessage().startsWith(f + ": inputShape [1, 100000, 100000] holds more than 16777216"),
        e.getMessage());
  }

  @Test
  void brokenDeployJsonIsNamedNotMistakenForAnAssignment() throws IOException {
    for (String text : List.of("{\"format\": \"axdse-deploy\", \"model\": {", "", "{\"format\": NaN}")) {
      Path f = tmp.resolve("deploy.json");
      Files.writeString(f, text);
      CliCase c = CliCase.run(tmp, List.of("evaluate", "--config", f.toString()));
      assertEquals(2, c.code(), c.err());
      assertEquals(1, c.errorLines().size(), c.err());
      assertTrue(c.errorLines().get(0).startsWith("axdse: " + f + ":"), c.err());
      assertTrue(!c.err().contains("--model and --data are required"), c.err());
    }
  }

  @Test
  void modelPathThatIsADirectoryIsOneLineExitTwo() throws IOException {
    String text = new String(Samples.resource("deploy.json")).replace(
        Samples.repoRoot().resolve("models/lenet5.onnx").toString(), tmp.toString());
    Path f = tmp.resolve("deploy.json");
    Files.writeString(f, text);
    CliCase c = CliCase.run(tmp, List.of("evaluate", "--config", f.toString()));
    assertEquals(2, c.code(), c.err());
    assertEquals(List.of("axdse: " + tmp + ": is a directory, expected a file"), c.errorLines());
  }

  @Test
  void labelBeyondTheModelNamesTheLabelFile() throws IOException {
    Path im = tmp.resolve("im.idx");
    Path lb = tmp.resolve("lb.idx");
    Files.write(im, Samples.idxImages(40, 28, 28));
    byte[] labels = Samples.idxLabels(40);
    labels[8 + 5] = (byte) 255;
    Files.write(lb, labels);
    CliCase c = CliCase.run(tmp, List.of("evaluate", "--model",
        Samples.repoRoot().resolve("models/lenet5.onnx").toString(), "--data", "idx:" + im + "," + lb, "--calib",
        "10", "--no-float", "--no-layer-stats", "--threads", "1"));
    assertEquals(2, c.code(), c.err());
    assertEquals(List.of("axdse: " + lb + ": label 255 of image 5 is not a class of the model (it has 10 outputs)"),
        c.errorLines());
  }

  @Test
  void foreignBindAddressIsOneCorrectLine() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret"), "0123456789abcdef-test\n");
    CliCase c = CliCase.run(tmp, List.of("worker", "--secret-file", secret.toString(), "--bind", "8.8.8.8"));
    assertEquals(2, c.code(), c.err());
    assertEquals(List.of("axdse: --bind 8.8.8.8: not an address of this machine (bind to one of its interfaces,"
        + " e.g. 127.0.0.1)"), c.errorLines());
  }

  @Test
  void ioFailuresAreDescribedWithoutJavaClassNames() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Path file = Files.writeString(tmp.resolve("f"), "x");
    CliCase missing = CliCase.run(tmp, List.of("evaluate", "--model", tmp.resolve("none.onnx").toString(),
        "--data", "fashion-mnist"));
    CliCase notDir = CliCase.run(tmp, List.of("evaluate", "--model", file.resolve("m.onnx").toString(),
        "--data", "fashion-mnist"));
    CliCase isDir = CliCase.run(tmp, List.of("evaluate", "--model", dir.toString(), "--data", "fashion-mnist"));
    for (CliCase c : List.of(missing, notDir, isDir)) {
      assertEquals(2, c.code(), c.err());
      assertEquals(1, c.errorLines().size(), c.err());
      assertTrue(!c.err().contains("java.") && !c.err().contains("Exception"), c.err());
    }
    assertTrue(isDir.err().contains(dir + ": is a directory"), isDir.err());
  }
}
