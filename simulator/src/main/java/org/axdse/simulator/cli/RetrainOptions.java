package org.axdse.simulator.cli;

import org.axdse.multipliers.util.Bounds;
import picocli.CommandLine.Option;

/**
 * The flags of approximation-aware retraining, a picocli mixin of {@code axdse compensate --method retrain} (ignored
 * by the other methods) and of {@code axdse pick --retrain}.
 */
public final class RetrainOptions {
  @Option(names = "--epochs", paramLabel = "E", description = "retrain: passes over the train split "
      + "(default: ${DEFAULT-VALUE})")
  int epochs = 1;

  @Option(names = "--lr", paramLabel = "LR", description = "retrain: Adam's learning rate, constant "
      + "(default: ${DEFAULT-VALUE})")
  double learningRate = 1e-4;

  @Option(names = "--batch-size", paramLabel = "B", description = "retrain: images per step "
      + "(default: ${DEFAULT-VALUE})")
  int batchSize = 128;

  @Option(names = "--seed", paramLabel = "S", description = "retrain: seed of the shuffling "
      + "(default: ${DEFAULT-VALUE})")
  long seed = 1;

  public boolean valid() {
    if (epochs >= 1 && batchSize >= 1) {
      Bounds.check("--epochs", epochs, 1, 10_000, "passes over the training set");
      Bounds.check("--batch-size", batchSize, 1, 65_536, "images held in memory at once");
    }
    return epochs >= 1 && learningRate > 0 && learningRate < 1 && batchSize >= 1;
  }

  public int epochs() {
    return epochs;
  }

  public double learningRate() {
    return learningRate;
  }

  public int batchSize() {
    return batchSize;
  }

  public long seed() {
    return seed;
  }

  /** The retraining flags given on {@code cl}'s command line (empty when none). */
  public static java.util.List<String> given(picocli.CommandLine cl) {
    return java.util.stream.Stream.of("--epochs", "--lr", "--batch-size", "--seed")
        .filter(cl.getParseResult()::hasMatchedOption).toList();
  }
}
