package org.axdse.explorer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error and a non-zero exit code: 2 for bad input (files, flags,
 * configs), 1 for anything else. A stack trace is printed only when {@code AXDSE_DEBUG} is set.
 */
final class OneLineErrors
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    if (System.getenv("AXDSE_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    String message = describe(ex);
    cl.getErr().println("axdse: " + message);
    cl.getErr().flush();
    return isBadInput(ex) ? BAD_INPUT : FAILURE;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("axdse: " + ex.getMessage().replaceAll("[\\r\\n]+", " ").strip()
        + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    cl.getErr().flush();
    return BAD_INPUT;
  }

  private static boolean isBadInput(Throwable ex) {
    IOException io = IoProblems.ioCause(ex);
    return ex instanceof BadInputException || io != null && IoProblems.isUserError(io);
  }

  private static String describe(Throwable ex) {
    if (ex instanceof BadInputException) {
      return ex.getMessage();
    }
    if (ex instanceof UncheckedIOException u && u.getCause() != null
        && !u.getMessage().equals(u.getCause().toString())) {
      return u.getMessage().replaceAll("[\\r\\n]+", " ").strip();
    }
    IOException io = IoProblems.ioCause(ex);
    if (io != null) {
      return IoProblems.describe(null, io);
    }
    String m = ex.getMessage();
    String text = m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    return text.replaceAll("[\\r\\n]+", " ").strip();
  }
}
