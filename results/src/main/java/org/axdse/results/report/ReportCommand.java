package org.axdse.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code axdse report RUN_DIR [--out DIR]} and {@code axdse report --compare RUN1 RUN2 ... --out DIR}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes report.html (self-contained, plots embedded) and plots/*.png|svg for a run directory,"
        + " or, with --compare, for a comparison of several runs.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directory (several with --compare).")
  List<Path> runs;

  @Option(names = "--compare", description = "Compare the fronts of two or more runs with the same objectives.")
  boolean compare;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: the run directory; required with --compare).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path report;
    if (compare) {
      if (runs.size() < 2) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--compare needs at least two RUN_DIRs");
      }
      if (out == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--compare needs --out DIR");
      }
      report = CompareReport.write(runs, out);
    } else {
      if (runs.size() != 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give one RUN_DIR, or --compare with two or more");
      }
      report = RunReport.write(runs.get(0), out == null ? runs.get(0) : out);
    }
    spec.commandLine().getOut().println("wrote " + report);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
