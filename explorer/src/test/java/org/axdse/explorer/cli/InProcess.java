package org.axdse.explorer.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
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
}
