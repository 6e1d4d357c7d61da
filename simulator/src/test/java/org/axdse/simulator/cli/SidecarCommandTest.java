package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse model sidecar} on the third-party ResNet-20 (exported from PyTorch, normalisation outside the
 * graph): the sidecar written from the numbers in its README evaluates to PyTorch's own float accuracy.
 */
class SidecarCommandTest {
  static final String[] NORMALISATION = {"--mean", "0.485,0.456,0.406", "--std", "0.229,0.224,0.225",
      "--scale", "1/255"};

  @TempDir Path dir;
  Path model;
  final CliRun cli = new CliRun();

  @BeforeEach
  void copyModelWithoutSidecar() throws Exception {
    model = CliRun.resnet20(dir, false);
  }

  int run(Object command, StringWriter out, String... args) {
    return cli.run(command, out, args);
  }

  int sidecar(String... args) {
    String[] all = new String[args.length + NORMALISATION.length + 2];
    all[0] = "sidecar";
    all[1] = model.toString();
    System.arraycopy(NORMALISATION, 0, all, 2, NORMALISATION.length);
    System.arraycopy(args, 0, all, 2 + NORMALISATION.length, args.length);
    return run(new ModelCommand(), new StringWriter(), all);
  }

  @Test
  void writesBesideTheModelWithTheModelsShapeAndClasses() throws Exception {
    Path names = TestData.cifarDir().resolve("batches.meta.txt");
    assertEquals(0, sidecar("--class-names", names.toString()), () -> String.valueOf(cli.failure()));
    Preprocessing p = Preprocessing.load(dir.resolve("resnet20.preprocess.json"));
    assertEquals(Preprocessing.Layout.NCHW, p.layout());
    assertArrayEquals(new int[] {3, 32, 32}, p.inputShape(), "read from the model's input [N,3,32,32]");
    assertArrayEquals(new double[] {0.485, 0.456, 0.406}, p.mean());
    assertEquals(1 / 255.0, p.scale());
    assertEquals(10, p.numClasses(), "the model's 10 logits");
    assertEquals(Files.readAllLines(names).stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
        p.classNames());
  }

  @Test
  void refusesToOverwriteWithoutForceAndLeavesTheFileAlone() throws Exception {
    Path target = dir.resolve("resnet20.preprocess.json");
    Files.writeString(target, "{}");
    assertEquals(2, sidecar());
    assertEquals(target + ": exists; give --force to overwrite it", cli.failure().getMessage());
    assertEquals("{}", Files.readString(target));
    assertEquals(0, sidecar("--force"), () -> String.valueOf(cli.failure()));
    assertEquals(3, Preprocessing.load(target).mean().length);
  }

  @Test
  void badValuesAreOneLineErrorsAndWriteNothing() {
    assertEquals(2, run(new ModelCommand(), new StringWriter(), "sidecar", model.toString(), "--mean", "0.5",
        "--std", "0.2", "--scale", "0/1"));
    assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(cli.failure().getMessage().startsWith("--scale: expected a positive number"), cli.failure().getMessage());
    assertEquals(2, run(new ModelCommand(), new StringWriter(), "sidecar", model.toString(), "--mean", "0.5,0.5",
        "--std", "0.2,0.2"));
    assertEquals(dir.resolve("resnet20.preprocess.json") + ": mean and std need 1 or 3 values each",
        cli.failure().getMessage());
    assertEquals(2, sidecar("--layout", "HW"));
    assertEquals(dir.resolve("resnet20.preprocess.json") + ": inputShape [3, 32, 32] is not 2 positive dimensions "
        + "for layout HW", cli.failure().getMessage());
    assertEquals(2, sidecar("--layout", "NHWC"));
    assertEquals("--layout: expected NCHW or HW, got 'NHWC'", cli.failure().getMessage());
    assertFalse(Files.exists(dir.resolve("resnet20.preprocess.json")));
  }

  @Test
  void modelShowPrintsJsonWithTheSidecarGivenByPreprocess() throws Exception {
    Path sidecar = dir.resolve("elsewhere.json");
    assertEquals(0, sidecar("--out", sidecar.toString()), () -> String.valueOf(cli.failure()));
    StringWriter out = new StringWriter();
    assertEquals(0, run(new ModelCommand(), out, "show", model.toString(), "--preprocess", sidecar.toString(),
        "--format", "json"), () -> String.valueOf(cli.failure()));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(0.229, root.get("preprocessing").get("std").get(0).asDouble());
    // ResNet-20: 19 convolutions and the final dense layer are approximable
    assertEquals(20, root.get("approximableLayers").size());
    assertEquals(40_551_040L, root.get("macsPerSample").asLong(), "the figure of the model's README");
  }

  @Test
  void theWrittenSidecarEvaluatesToPyTorchsFloatAccuracyWithProgressOnStderrOnly() throws Exception {
    Path sidecar = dir.resolve("elsewhere.json");
    assertEquals(0, sidecar("--out", sidecar.toString()), () -> String.valueOf(cli.failure()));
    int n = 100; // evaluated in batches of 64 and 36, so the exact reference prints a line at 64 of 100
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run(new EvaluateCommand(), out, "--model", model.toString(), "--preprocess", sidecar.toString(),
          "--data", "cifar10:" + TestData.cifarDir(), "--limit", String.valueOf(n), "--calib", "32", "--threads",
          "2", "--no-layer-stats", "--uniform", "exact", "--format", "json", "--progress-every", "0");
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, code, () -> String.valueOf(cli.failure()));
    JsonNode e = new ObjectMapper().readTree(out.toString()).get("evaluation");
    // PyTorch's logits of the first n test records: top-1 correct where the largest logit is at the label
    float[] ref = TestData.readNpyFloat32(TestData.cifarDir().resolve("resnet20.reference_logits.npy"));
    byte[] batch = TestData.testBatch();
    int correct = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < 10; c++) {
        best = ref[i * 10 + c] > ref[i * 10 + best] ? c : best;
      }
      correct += best == TestData.label(batch, i) ? 1 : 0;
    }
    assertEquals(correct / (double) n, e.get("floatModel").get("top1").asDouble(), 1e-12);
    assertEquals(e.get("exactQuantized").get("top1").asDouble(), e.get("assignment").get("top1").asDouble(),
        "--uniform exact is the exact int8 network");
    assertEquals("s8x8_exact_bw", e.get("layers").get(0).get("multipliers").get(0).asText());
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.contains("session: float reference: 100 images..."), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.matches("session: exact reference: 64/100 images \\(64%\\), .*"
        + " images/s, ETA \\d\\d:\\d\\d:\\d\\d")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.matches("calibration: operand counts: 32/32 images in .* s")),
        String.join("\n", lines));
  }
}
