package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad data-aware precision flags of {@code evaluate} and {@code search}: one line naming the flag, exit code 2,
 * before any calibration or search, and nothing written.
 */
class PrecisionFlagsTest {
  @TempDir Path tmp;

  private static String[] fail(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute(args), String.join(" ", args) + ": " + err);
    String e = err.toString().strip();
    assertFalse(e.contains("\n") || e.contains("Exception"), "one line: " + e);
    return new String[] {out.toString(), e};
  }

  @Test
  void badFlagsAreOneLineBeforeAnyWork() {
    String[] m = {"--model", MixedWidthRoundTripIT.LENET, "--data", MixedWidthRoundTripIT.FASHION_2000, "-q",
        "--calib-data", "holdout", "--calib", "50"};
    String e = fail(concat(new String[] {"evaluate", "--weight-bits", "4", "--weight-rounding", "gptq"}, m))[1];
    assertTrue(e.contains("--weight-rounding gptq") && e.contains("4,8"), e);
    e = fail(concat(new String[] {"evaluate", "--weight-rounding", "stochastic"}, m))[1];
    assertTrue(e.contains("'stochastic' is not nearest or gptq"), e);
    e = fail(concat(new String[] {"evaluate", "--weight-bits", "4,8", "--weight-rounding", "gptq", "--share",
        "channel", "--share-k", "4"}, m))[1];
    assertTrue(e.contains("not with --share"), e);
    e = fail(concat(new String[] {"evaluate", "--share-codebook", "refit"}, m))[1];
    assertTrue(e.contains("--share-codebook refit needs --share-k"), e);
    Path out = tmp.resolve("run");
    e = fail(concat(new String[] {"search", "--share-codebook", "refit", "--out", out.toString()}, m))[1];
    assertTrue(e.contains("--share-codebook refit needs --share"), e);
    e = fail(concat(new String[] {"search", "--weight-rounding", "gptq", "--out", out.toString()}, m))[1];
    assertTrue(e.contains("several --weight-bits widths"), e);
    assertFalse(Files.exists(out), "a refused search writes nothing");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
