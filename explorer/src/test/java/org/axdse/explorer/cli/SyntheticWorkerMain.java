package org.axdse.explorer.cli;

import org.axdse.explorer.search.SyntheticProblem;
import picocli.CommandLine;

/**
 * {@code axdse worker} bound to the synthetic test problem, as a main class: lets tests start workers in separate
 * JVMs (and kill them) with the exact command-line behaviour of the real command.
 */
public final class SyntheticWorkerMain {
  private SyntheticWorkerMain() {}

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new WorkerCommand(new SyntheticProblem(), System.out));
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
