package org.axdse.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code axdse bench}: performance benchmarks, one subcommand each, so later ones (whole-model images per second)
 * slot in beside {@code kernels}. Timing lives here and in BENCHMARKS.md, never in unit tests.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Performance benchmarks (figures go to BENCHMARKS.md).",
    subcommands = {KernelsBenchCommand.class, ModelBenchCommand.class, ErrorModelBenchCommand.class,
        ShareBenchCommand.class, PredictBenchCommand.class, ImcBenchCommand.class, FormatsBenchCommand.class,
        FloatDesignsBenchCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
