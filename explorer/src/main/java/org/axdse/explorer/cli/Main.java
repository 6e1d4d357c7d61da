package org.axdse.explorer.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import org.axdse.multipliers.cli.MultipliersCommand;
import org.axdse.explorer.pick.PickCommand;
import org.axdse.results.report.ReportCommand;
import org.axdse.simulator.cli.BenchCommand;
import org.axdse.simulator.cli.ImcCommand;
import org.axdse.simulator.cli.CompensateCommand;
import org.axdse.simulator.cli.EvaluateCommand;
import org.axdse.simulator.cli.ModelCommand;
import org.axdse.simulator.cli.PredictCommand;
import org.axdse.simulator.cli.ShareCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code axdse} command line: the root command and its subcommands from every module. */
@Command(
    name = "axdse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Design-space exploration of approximate multipliers for quantized neural networks.",
    subcommands = {
      CommandLine.HelpCommand.class,
      MultipliersCommand.class,
      ModelCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      CompensateCommand.class,
      ShareCommand.class,
      BenchCommand.class,
      ImcCommand.class,
      ReportCommand.class,
      PickCommand.class,
      SearchCommand.class,
      EvolveCommand.class,
      EvolveCheckCommand.class,
      DemoCommand.class,
      WorkerCommand.class,
      CompletionCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with the project's error handling: user errors are one line, never a trace. Adds the
   * subcommands of every {@link SubcommandProvider} on the class path (for example {@code train} when built with
   * the {@code training} profile).
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
      provider.subcommands().forEach(cl::addSubcommand);
    }
    cl.getSubcommands().get("bench").addSubcommand(new EvolveBenchCommand());
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    return cl;
  }

  /** Runs the command line; without arguments, {@code axdse demo} (the main job). */
  public static void main(String[] args) {
    int code = commandLine().execute(args.length == 0 ? new String[] {"demo"} : args);
    System.out.flush();
    System.exit(code);
  }

  static PrintWriter err(CommandLine cl) {
    return cl.getErr();
  }
}
