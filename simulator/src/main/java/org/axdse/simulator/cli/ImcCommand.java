package org.axdse.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code axdse imc}: the bit-decomposed in-memory computing target (see docs/imc.md). */
@Command(
    name = "imc",
    mixinStandardHelpOptions = true,
    description = "The bit-decomposed in-memory computing (IMC) target: evaluate per-layer IMC configurations, "
        + "search them layer by layer.",
    subcommands = {ImcEvaluateCommand.class, ImcSearchCommand.class})
public final class ImcCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
