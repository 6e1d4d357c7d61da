package org.axdse.explorer.pick;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cli.RetrainOptions;
import org.axdse.simulator.compensation.RetrainRequest;
import org.axdse.simulator.compensation.Retrainer;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.quant.QuantConfig;

/**
 * {@code axdse pick --retrain}: fine-tunes the search's model for the chosen assignment with the {@link Retrainer}
 * of the training build (approximation-aware retraining, as {@code axdse compensate --method retrain}) and writes
 * it as {@code deploy/M-retrained.onnx} (with its sidecar and DJL parameters) beside {@code deploy.json}.
 */
final class PickRetraining {
  private PickRetraining() {}

  /** The retrained model's path. */
  static Path retrain(Path model, Assignment assignment, DatasetSpec data, QuantConfig quant,
      MultiplierCatalog catalog, RetrainOptions r, int threads, Path outDir, PrintWriter log) {
    Retrainer retrainer = Retrainer.find().orElseThrow(() -> new BadInputException("pick --retrain needs the "
        + "training profile: run it through ./axdse (which builds with -Ptraining for it) or build with mvn "
        + "-Ptraining"));
    String name = model.getFileName().toString();
    String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
    Path out = outDir.resolve("deploy").resolve(stem + "-retrained.onnx");
    try {
      Files.createDirectories(out.getParent());
    } catch (java.io.IOException e) {
      throw BadInputException.in(out.getParent(), "cannot create: " + e.getMessage());
    }
    org.axdse.simulator.compensation.RetrainSettings settings =
        r.settings(data, org.axdse.multipliers.util.ProgressListener.NONE, out);
    return retrainer.retrain(new RetrainRequest(model, assignment, data, quant, catalog, r.epochs(),
        r.learningRate(), r.batchSize(), r.seed(), threads, out,
        log != null ? log : new PrintWriter(System.err, true),
        settings));
  }
}
