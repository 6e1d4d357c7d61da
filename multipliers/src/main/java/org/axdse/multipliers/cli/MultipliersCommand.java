package org.axdse.multipliers.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code axdse multipliers}: list, inspect, import and export approximate multipliers. */
@Command(
    name = "multipliers",
    mixinStandardHelpOptions = true,
    description = "List, inspect, import and export approximate multipliers.",
    subcommands = {ListCommand.class, ShowCommand.class, ImportCommand.class, ExportCommand.class})
public final class MultipliersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
