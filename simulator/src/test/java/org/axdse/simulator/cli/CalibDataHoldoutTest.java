package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evaluate --calib-data holdout} on the bundled test-only Fashion-MNIST directory: calibrates on the
 * images {@link ImageSelection} holds out (as {@code axdse search --calib-data holdout} does) and evaluates the
 * rest; bad values are one line naming the flag.
 */
class CalibDataHoldoutTest {
  static final Path MODEL = TestData.repoFile("models/lenet5.onnx");
  static final String DATA = "fashion-mnist:" + TestData.repoFile("data/fashion-mnist-test-2000");
  static final ObjectMapper JSON = new ObjectMapper();
  final CliRun cli = new CliRun();

  int run(StringWriter out, String... extra) {
    String[] base = {"--model", MODEL.toString(), "--data", DATA, "--threads", "2"};
    boolean calibGiven = java.util.Arrays.asList(extra).contains("--calib");
    return cli.run(new EvaluateCommand(), out, CliRun.with(calibGiven ? base : CliRun.with(base, "--calib", "100"),
        extra));
  }

  @Test
  void holdoutCalibratesOnTheHeldOutImagesAndEvaluatesTheRest() throws Exception {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "--calib-data", "holdout", "--no-float", "--no-layer-stats", "--format", "json"),
        () -> String.valueOf(cli.failure()));
    JsonNode root = JSON.readTree(out.toString());
    assertEquals(1900, root.get("evaluation").get("images").asInt());
    assertTrue(root.get("data").asText().contains("without 100 held out for calibration"), root.get("data").asText());

    Model m = OnnxImporter.load(MODEL);
    Dataset test = DatasetSpec.parse(DATA).load(Split.TEST);
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC).withPerChannel(false).withWeightBits(8)
        .withCalibration(100, CalibrationMethod.PERCENTILE); // as the search's SimulatorProblems builds it
    QuantizedModel q;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      q = Calibration.run(m, Preprocessing.fromFlagOr("", MODEL), ImageSelection.heldOut(test, 100), config, k,
          ProgressListener.NONE);
    }
    assertEquals(JSON.readTree(JSON.writeValueAsString(q.toJson())), root.get("quantization"));
    assertEquals(ImageSelection.remaining(test, 100).size(), root.get("images").asInt());
  }

  @Test
  void tableSaysHowManyImagesWereHeldOut() {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "--calib-data", "holdout", "--limit", "50", "--no-float", "--no-layer-stats"),
        () -> String.valueOf(cli.failure()));
    String first = out.toString().lines().findFirst().orElse("");
    assertTrue(first.contains("50 images of") && first.contains("without 100 held out for calibration"), first);
  }

  @Test
  void compensateHoldsOutTheSameImagesAndItsFileRefusesTheFlag(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    Path file = dir.resolve("c.json");
    assertEquals(0, cli.run(new CompensateCommand(), out, "--model", MODEL.toString(), "--data", DATA, "--calib",
        "100", "--threads", "2", "--limit", "40", "--calib-data", "holdout", "--uniform", "s8x8_trunc4", "--method",
        "bias", "--out", file.toString(), "-q"), () -> String.valueOf(cli.failure()));
    assertTrue(out.toString().contains("images       40 (test, 100 held out for calibration)"), out.toString());
    out = new StringWriter();
    assertEquals(2, run(out, "--config", file.toString(), "--calib-data", "holdout"));
    BadInputException e = assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(e.getMessage().startsWith("--calib-data holdout: ") && e.getMessage().lines().count() == 1,
        e.getMessage());
  }

  @Test
  void badValuesAreOneLineNamingTheFlag() {
    for (String[] bad : new String[][] {{"--calib-data", "nosuch:dir"}, {"--calib-data", "holdout", "--calib",
        "2000"}, {"--calib-data", "fashion-mnist:" + TestData.repoFile("data/fashion-mnist-test-2000")}}) {
      StringWriter out = new StringWriter();
      assertEquals(2, run(out, bad), String.join(" ", bad));
      BadInputException e = assertInstanceOf(BadInputException.class, cli.failure(), String.join(" ", bad));
      assertTrue(e.getMessage().startsWith("--calib-data"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }
}
