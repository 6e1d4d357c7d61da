package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse evaluate --number-format} on the shared ResNet-20 with a few images, and its one-line errors. */
class NumberFormatEvaluateTest {
  @TempDir Path dir;
  Path model;
  final CliRun cli = new CliRun();

  @BeforeEach
  void copyModelWithSidecar() throws Exception {
    model = CliRun.resnet20(dir, true);
  }

  int run(StringWriter out, String... extra) {
    String[] base = {"--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(), "--limit", "6",
        "--calib", "6", "--threads", "2", "-q"};
    return cli.run(new EvaluateCommand(), out, CliRun.with(base, extra));
  }

  @Test
  void jsonReportsTheFormatAndBothAccuracies() throws Exception {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "--number-format", "E4M3", "--scale", "channel", "--calib-method", "minmax",
        "--format", "json"), () -> String.valueOf(cli.failure()));
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals("e4m3", j.get("numberFormat").get("format").asText());
    assertEquals("channel", j.get("numberFormat").get("scale").asText());
    assertEquals(6, j.get("images").asInt());
    double top1 = j.get("evaluation").get("formatTop1").asDouble();
    assertEquals(0, Math.round(top1 * 6 * 1e6) % 1_000_000, "a whole number of images: " + top1);
    assertEquals(20, j.get("layers").size()); // 19 convolutions and the classifier
    assertTrue(j.get("evaluation").get("floatTop1").isNumber());

    StringWriter noFloat = new StringWriter();
    assertEquals(0, run(noFloat, "--number-format", "e2m3", "--no-float", "--format", "json"),
        () -> String.valueOf(cli.failure()));
    assertTrue(new ObjectMapper().readTree(noFloat.toString()).get("evaluation").get("floatTop1").isNull());
  }

  @Test
  void badFormatsAndNarrowAccumulatorsAreOneLine() {
    assertEquals(2, run(new StringWriter(), "--number-format", "E9M0"));
    BadInputException e = assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(e.getMessage().startsWith("--number-format E9M0: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));

    assertEquals(2, run(new StringWriter(), "--number-format", "e4m3", "--accumulate", "fp16"));
    e = assertInstanceOf(BadInputException.class, cli.failure());
    assertTrue(e.getMessage().startsWith("layer '/stem_conv/Conv': --accumulate fp16 is narrower than the products "
        + "of e4m3"), e.getMessage());

    assertEquals(2, run(new StringWriter(), "--number-format", "e4m3", "--per-channel"));
    assertTrue(cli.failure().getMessage().contains("--per-channel"), cli.failure().getMessage());
  }

  @Test
  void formatFlagsWithoutAFormatAreRefused() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new EvaluateCommand());
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("--model", model.toString(), "--data", "cifar10:" + TestData.cifarDir(),
        "--scale", "mx32"));
    assertTrue(err.toString().contains("--scale, --accumulate and --weight-calib need --number-format"),
        err.toString());
  }
}
