package org.axdse.simulator.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.Preprocessing;
import picocli.CommandLine.Option;

/**
 * The {@code --preprocess FILE} flag of every command that takes {@code --model} (a picocli mixin): the model's
 * preprocessing sidecar, by default {@code M.preprocess.json} next to {@code M.onnx}. {@code axdse model sidecar}
 * writes one.
 */
public final class PreprocessOptions {
  @Option(names = "--preprocess", paramLabel = "FILE",
      description = "preprocessing sidecar (default: M.preprocess.json next to the model; axdse model sidecar "
          + "writes one)")
  Path file;

  /** The {@code --preprocess} file, or null when the flag was not given. */
  public Path file() {
    return file;
  }

  /** The preprocessing of {@code model}: {@code --preprocess} if given, else the sidecar beside the model. */
  public Preprocessing forModel(Path model) {
    return file != null ? Preprocessing.load(file)
        : Preprocessing.requiredFor(model, " (give --preprocess FILE, or write one with axdse model sidecar)");
  }

  /** Refuses {@code --preprocess} where the sidecar comes from elsewhere ({@code reason} says where). */
  public void refuse(String reason) {
    if (file != null) {
      throw new BadInputException("--preprocess: " + reason);
    }
  }

  /** As {@link #forModel}, but empty when there is neither {@code --preprocess} nor a sidecar (model show). */
  public Optional<Preprocessing> optionalFor(Path model) {
    return file != null ? Optional.of(Preprocessing.load(file)) : Preprocessing.forModel(model);
  }
}
