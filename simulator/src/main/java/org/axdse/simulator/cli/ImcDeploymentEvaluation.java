package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.imc.ImcDeployment;
import picocli.CommandLine;

/**
 * {@code axdse evaluate --config deploy.json} of an IMC deployment ({@link ImcDeployment}): runs it as {@code axdse
 * imc evaluate --config deploy.json} does (the same output), with the recorded model and data set unless {@code
 * --model} or {@code --data} replace them, as for a multiplier deployment. The flags of {@code evaluate} that
 * {@code imc evaluate} also has pass through ({@code --limit}, {@code --split}, {@code --threads}, {@code
 * --format}, the quantization flags, which must agree with the file); the others are a one-line error.
 */
final class ImcDeploymentEvaluation {
  /** Flags of {@code evaluate} without a meaning for an IMC deployment. */
  private static final Set<String> REFUSED = Set.of("--arch", "--no-float", "--no-layer-stats", "--layer-stats",
      "--library", "--number-formats", "--share", "--share-k");

  private ImcDeploymentEvaluation() {}

  static int run(CommandLine.Model.CommandSpec evaluate, Path config, Path model, String data) {
    ImcDeployment d = ImcDeployment.read(config);
    CommandLine.ParseResult parsed = evaluate.commandLine().getParseResult();
    List<String> args = new ArrayList<>(List.of("--model", (model != null ? model : Path.of(d.modelPath()))
        .toString(), "--data", data != null ? data : d.data(), "--config", config.toString()));
    for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
      String name = o.longestName();
      if (REFUSED.contains(name) || name.startsWith("--share") || name.startsWith("--number-format")) {
        throw new BadInputException(config + ": an IMC deployment; " + name + " does not apply to it");
      }
      if (name.equals("--model") || name.equals("--data") || name.equals("--config")) {
        continue;
      }
      if (o.arity().max() == 0) {
        args.add(name);
      } else {
        for (String v : parsed.matchedOption(name).stringValues()) {
          args.add(name);
          args.add(v);
        }
      }
    }
    ImcEvaluateCommand imc = new ImcEvaluateCommand();
    CommandLine cl = new CommandLine(imc);
    cl.setOut(evaluate.commandLine().getOut());
    cl.setErr(evaluate.commandLine().getErr());
    cl.parseArgs(args.toArray(new String[0]));
    return imc.call();
  }
}
