package org.axdse.explorer.cli;

import org.axdse.explorer.search.SyntheticProblem;
import picocli.CommandLine;

/**
 * {@code axdse search} bound to the synthetic test problem, as a main class: lets tests run the search in a
 * separate JVM (to kill it) with the exact command-line behaviour of the real command.
 */
public final class SyntheticSearchMain {
  private SyntheticSearchMain() {}

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SearchCommand(new SyntheticProblem(), System.out));
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    return cl;
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    System.out.flush();
    System.exit(code);
  }
}
