package org.axdse.simulator.cli;

import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.Bounds;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.deploy.DeployConfig;
import picocli.CommandLine.Option;

/**
 * The flags of approximation-aware retraining, a picocli mixin of {@code axdse compensate --method retrain} (ignored
 * by the other methods) and of {@code axdse pick --retrain}.
 */
public final class RetrainOptions {
  @Option(names = "--epochs", paramLabel = "E", description = "retrain: passes over the train split "
      + "(default: ${DEFAULT-VALUE})")
  int epochs = 1;

  @Option(names = "--lr", paramLabel = "LR", description = "retrain: AdamW's base learning rate "
      + "(default: ${DEFAULT-VALUE})")
  double learningRate = 1e-4;

  @Option(names = "--batch-size", paramLabel = "B", description = "retrain: images per step "
      + "(default: ${DEFAULT-VALUE})")
  int batchSize = 128;

  @Option(names = "--seed", paramLabel = "S", description = "retrain: seed of the shuffling "
      + "(default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--lr-schedule", paramLabel = "cosine|step|constant", description = "retrain: learning rate "
      + "over the steps: cosine to zero, x0.1 at 50%% and 75%% of the steps, or constant (default: ${DEFAULT-VALUE})")
  String schedule = "cosine";

  @Option(names = "--weight-decay", paramLabel = "WD", description = "retrain: decoupled weight decay of the "
      + "convolution, dense and recurrent weights (AdamW) (default: ${DEFAULT-VALUE})")
  double weightDecay = 5e-4;

  @Option(names = "--augment", paramLabel = "auto|none|crop-flip", description = "retrain: random crop of the "
      + "image padded by 4 pixels and horizontal flip (crop-flip), none, or auto: crop-flip for 3-channel images "
      + "(default: ${DEFAULT-VALUE})")
  String augment = "auto";

  @Option(names = "--train-data", paramLabel = "SPEC", description = "retrain: the training images (default: the "
      + "train split of --data; required when --data has none, as idx: and npy:)")
  String trainData;

  @Option(names = "--resume", description = "retrain: continue an interrupted retraining from the checkpoint of "
      + "its last finished epoch (OUT.retrain/)")
  boolean resume;

  @Option(names = "--emulation", paramLabel = "table|model", description = "retrain: the forward pass of each "
      + "step runs the product tables in the simulator (table), or the float graph with int8 fake quantization "
      + "and the error model's per-channel noise (model, faster) (default: ${DEFAULT-VALUE})")
  String emulation = "table";

  /**
   * The settings beyond the basics for a retraining writing {@code out}; a bad schedule or augmentation name, a
   * negative weight decay, data without a train split or a checkpoint left without {@code --resume} is a one-line
   * error.
   */
  public RetrainSettings settings(DatasetSpec data, ProgressListener progress, java.nio.file.Path out) {
    RetrainSettings.Schedule s = switch (schedule) {
      case "cosine" -> RetrainSettings.Schedule.COSINE;
      case "step" -> RetrainSettings.Schedule.STEP;
      case "constant" -> RetrainSettings.Schedule.CONSTANT;
      default -> throw new BadInputException("--lr-schedule " + schedule + ": expected cosine, step or constant");
    };
    RetrainSettings.Augmentation a = switch (augment) {
      case "auto" -> RetrainSettings.Augmentation.AUTO;
      case "none" -> RetrainSettings.Augmentation.NONE;
      case "crop-flip" -> RetrainSettings.Augmentation.CROP_FLIP;
      default -> throw new BadInputException("--augment " + augment + ": expected auto, none or crop-flip");
    };
    if (!(weightDecay >= 0 && weightDecay < 1)) {
      throw new BadInputException("--weight-decay " + weightDecay + ": expected a value in [0, 1)");
    }
    RetrainSettings.Emulation e = switch (emulation) {
      case "table" -> RetrainSettings.Emulation.TABLE;
      case "model" -> RetrainSettings.Emulation.MODEL;
      default -> throw new BadInputException("--emulation " + emulation + ": expected table or model");
    };
    DatasetSpec train = trainData != null ? DatasetSpec.parse(trainData) : null;
    boolean splitless = data.kind() == DatasetSpec.Kind.IDX || data.kind() == DatasetSpec.Kind.NPY;
    if (train == null && splitless) {
      throw new BadInputException("--data " + data + ": this dataset has no train split; name the training "
          + "images with --train-data SPEC");
    }
    java.nio.file.Path checkpoint = RetrainSettings.checkpointFile(out);
    if (!resume && java.nio.file.Files.exists(checkpoint)) {
      throw BadInputException.in(checkpoint, "an interrupted retraining left this checkpoint: add --resume to "
          + "continue it, or remove " + checkpoint.getParent() + " to start afresh");
    }
    return new RetrainSettings(s, weightDecay, a, train, resume, progress, e);
  }

  /**
   * How a retraining with these flags is recorded in {@code deploy.json}, retraining {@code base}: the values as
   * given (check them with {@link #settings} first).
   */
  public DeployConfig.Retraining record(DeployConfig.ModelFile base) {
    return new DeployConfig.Retraining(base, epochs, learningRate, batchSize, seed, schedule, weightDecay, augment,
        trainData, emulation);
  }

  /** A one-line error naming the flag and the value, for any value the options do not take. */
  public void check() {
    Bounds.check("--epochs", epochs, 1, 10_000, "passes over the training set");
    Bounds.check("--batch-size", batchSize, 1, 65_536, "images held in memory at once");
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new BadInputException("--lr must be above 0 and below 1: " + learningRate);
    }
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
    return java.util.stream.Stream.of("--epochs", "--lr", "--batch-size", "--seed", "--lr-schedule",
            "--weight-decay", "--augment", "--train-data", "--resume", "--emulation")
        .filter(cl.getParseResult()::hasMatchedOption).toList();
  }
}
