package org.axdse.simulator.cli;

import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The model of {@code axdse model show|sidecar}: a positional {@code MODEL.onnx}, or {@code --model M.onnx} as
 * every other command spells it. Exactly one of the two.
 */
public final class ModelFileArgument {
  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.onnx",
      description = "the ONNX model file (or --model)")
  Path positional;

  @Option(names = "--model", paramLabel = "M.onnx", description = "the ONNX model file, as other commands take it")
  Path option;

  /** The model file; a one-line error when it is missing or given twice. */
  public Path file() {
    if (positional != null && option != null) {
      throw new BadInputException("give the model once: either MODEL.onnx or --model, not both");
    }
    if (positional == null && option == null) {
      throw new BadInputException("missing the model: MODEL.onnx or --model M.onnx");
    }
    return positional != null ? positional : option;
  }
}
