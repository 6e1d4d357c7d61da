package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
  @TempDir Path dir;

  Exception failure;

  /** Runs {@code axdse model ARGS}, its failure (if any) in {@link #failure}, its output in {@code out}. */
  int run(StringWriter out, String... args) {
    CommandLine cl = new CommandLine(new ModelCommand());
    cl.setOut(new PrintWriter(out));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      failure = ex;
      return 2;
    });
    return cl.execute(args);
  }

  String show(String... args) {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, args), () -> String.valueOf(failure));
    return out.toString();
  }

  @Test
  void showsResNet20LayersTotalsAndApproximableLayers() {
    String text = show("show", TestData.resnet20().toString());
    // the shared README: 40,551,040 MACs per image
    assertTrue(text.contains("40,551,040 MACs per sample"), text);
    assertTrue(text.contains("approximable layers (20):"), text);
    assertTrue(text.contains("input input[3,32,32], output logits[10]"), text);
    long rows = text.lines().filter(l -> l.startsWith("A")).count();
    assertEquals(20, rows);
    assertTrue(text.contains("preprocessing: none"), text);
  }

  @Test
  void badFileIsABadInputError() throws Exception {
    Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {1, 2, 3});
    assertEquals(2, run(new StringWriter(), "show", junk.toString()));
    assertTrue(failure instanceof BadInputException && failure.getMessage().startsWith(junk.toString()));
  }

  @Test
  void takesTheModelAsAnOptionAsOtherCommandsDo() {
    String positional = show("show", TestData.resnet20().toString());
    assertEquals(positional, show("show", "--model", TestData.resnet20().toString()));
  }

  @Test
  void modelMissingOrGivenTwiceIsABadInputError() {
    String m = TestData.resnet20().toString();
    assertEquals(2, run(new StringWriter(), "show", m, "--model", m));
    assertTrue(failure instanceof BadInputException && failure.getMessage().contains("not both"), failure::toString);
    failure = null;
    assertEquals(2, run(new StringWriter(), "show", "--format", "json"));
    assertTrue(failure instanceof BadInputException && failure.getMessage().startsWith("missing the model"),
        String.valueOf(failure));
  }
}
