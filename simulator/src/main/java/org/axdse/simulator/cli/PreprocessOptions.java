package org.axdse.simulator.cli;

import java.nio.file.Path;
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

  /** The preprocessing of {@code model}: {@code --preprocess} if given, else the sidecar beside the model. */
  public Preprocessing forModel(Path model) {
    return file != null ? Preprocessing.load(file)
        : Preprocessing.requiredFor(model, " (give --preprocess FILE, or write one with axdse model sidecar)");
  }

  /** The file {@link #forModel} reads. */
  public Path fileFor(Path model) {
    return file != null ? file : Preprocessing.sidecarOf(model);
  }
}
