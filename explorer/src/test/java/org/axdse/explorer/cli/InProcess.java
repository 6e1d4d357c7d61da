package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.backend.ProblemFactory;
import picocli.CommandLine;

/** Runs axdse commands in this JVM with the project's error handling, capturing the exit code and stderr. */
final class InProcess {
  private InProcess() {}

  /** How a command ended: its exit code (-1: a throwable escaped) and what it printed on stderr, stripped. */
  record Outcome(int code, String err) {}

  /** {@code axdse search ARGS} with the engine of {@code factory} and no console output. */
  static Outcome search(ProblemFactory factory, String... args) {
    return execute(new CommandLine(new SearchCommand(factory, new PrintStream(PrintStream.nullOutputStream()))),
        args);
  }

  /** {@code axdse ARGS}: the whole command line. */
  static Outcome axdse(String... args) {
    return execute(Main.commandLine(), args);
  }

  /** {@code axdse BASE EXTRA}: a test's fixed arguments followed by the case's own. */
  static Outcome axdse(String[] base, String... extra) {
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return axdse(all);
  }

  private static Outcome execute(CommandLine cl, String... args) {
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(Writer.nullWriter()));
    try {
      return new Outcome(cl.execute(args), err.toString().strip());
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      return new Outcome(-1, trace.toString());
    }
  }

  /**
   * The arguments of {@code axdse search} of {@code model} on the bundled 2,000 Fashion-MNIST images (calibration
   * held out of them), without baselines, on 2 threads, quiet, into {@code out}; {@code more} adds a test's own
   * sizes and flags.
   */
  static String[] bundledSearch(String model, Path out, String... more) {
    String[] base = {"search", "--model", model, "--data", MixedWidthRoundTripIT.FASHION_2000, "--calib-data",
        "holdout", "--baselines", "none", "--threads", "2", "--out", out.toString(), "-q"};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** A bad-input outcome: exit code 2 and exactly one line on stderr, containing each of {@code parts}. */
  static void oneLine(Outcome o, String... parts) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    for (String p : parts) {
      assertTrue(o.err().contains(p), "'" + p + "' in: " + o.err());
    }
  }

  /** A file of the repository ({@code models/...}, {@code data/...}) from the module or the repository root. */
  static Path repo(String p) {
    Path here = Path.of("").toAbsolutePath();
    return (Files.exists(here.resolve(p)) ? here : here.getParent()).resolve(p);
  }
}
