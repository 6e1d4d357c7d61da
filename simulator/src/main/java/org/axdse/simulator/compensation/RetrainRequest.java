package org.axdse.simulator.compensation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.quant.QuantConfig;

/**
 * What a {@link Retrainer} needs: the model to fine-tune, the assignment whose approximate outputs the forward pass
 * uses, the data (its {@code train} split is trained on), the quantization (as for evaluation: the same flags and
 * calibration images), the multiplier catalog, the schedule ({@code epochs} passes, Adam with {@code learningRate},
 * mini-batches of {@code batchSize}, shuffling drawn from {@code seed}), the kernel {@code threads}, the ONNX file
 * to write, where progress lines go, and the {@link RetrainSettings} (schedule, weight decay, augmentation,
 * training data, resume).
 */
public record RetrainRequest(Path model, Assignment assignment, DatasetSpec data, QuantConfig quant,
    MultiplierCatalog catalog, int epochs, double learningRate, int batchSize, long seed, int threads, Path out,
    PrintWriter log, RetrainSettings settings) {
  public RetrainRequest {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(quant, "quant");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(log, "log");
    if (epochs < 1 || !(learningRate > 0) || batchSize < 1 || threads < 1) {
      throw new IllegalArgumentException("epochs, learning rate, batch size and threads must be positive");
    }
  }

  /** A request with {@link RetrainSettings#plain()} settings. */
  public RetrainRequest(Path model, Assignment assignment, DatasetSpec data, QuantConfig quant,
      MultiplierCatalog catalog, int epochs, double learningRate, int batchSize, long seed, int threads, Path out,
      PrintWriter log) {
    this(model, assignment, data, quant, catalog, epochs, learningRate, batchSize, seed, threads, out, log,
        RetrainSettings.plain());
  }
}
