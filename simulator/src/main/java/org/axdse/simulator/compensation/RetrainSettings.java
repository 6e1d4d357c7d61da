package org.axdse.simulator.compensation;

import java.util.Objects;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.DatasetSpec;

/**
 * The schedule and bookkeeping of a retraining beyond {@link RetrainRequest}'s basics: the learning-rate
 * {@code schedule} over all steps, decoupled {@code weightDecay} (Loshchilov and Hutter, ICLR 2019), the input
 * {@code augmentation}, the training data ({@code trainData}, null for the {@code train} split of the request's
 * data), whether to {@code resume} from the checkpoint of an interrupted run, where progress goes, and how the
 * forward pass emulates the approximate multipliers ({@link Emulation}).
 */
public record RetrainSettings(Schedule schedule, double weightDecay, Augmentation augmentation,
    DatasetSpec trainData, boolean resume, ProgressListener progress, Emulation emulation) {

  /** Learning rate per step: constant, cosine from the base rate to zero, or x0.1 at 50% and at 75% of the steps. */
  public enum Schedule { CONSTANT, COSINE, STEP }

  /**
   * {@code CROP_FLIP}: random crop of the image padded by 4 zero pixels and a horizontal flip with probability
   * 1/2 (He et al. 2016, CIFAR-10); {@code AUTO}: that for 3-channel images, none otherwise.
   */
  public enum Augmentation { AUTO, NONE, CROP_FLIP }

  /**
   * {@code TABLE}: every step runs the simulator's integer engine with the product tables; {@code MODEL}: the float
   * graph with int8 fake quantization and, at each approximate layer, Gaussian noise with the error model's
   * per-channel mean and variance (ProxSim, De la Parra et al., DATE 2020).
   */
  public enum Emulation { TABLE, MODEL }

  public RetrainSettings {
    Objects.requireNonNull(emulation, "emulation");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(augmentation, "augmentation");
    Objects.requireNonNull(progress, "progress");
    if (!(weightDecay >= 0) || weightDecay >= 1) {
      throw new IllegalArgumentException("weight decay must be in [0, 1): " + weightDecay);
    }
  }

  /** Settings with the table emulation (every step through the simulator). */
  public RetrainSettings(Schedule schedule, double weightDecay, Augmentation augmentation, DatasetSpec trainData,
      boolean resume, ProgressListener progress) {
    this(schedule, weightDecay, augmentation, trainData, resume, progress, Emulation.TABLE);
  }

  /** Where a retraining writing {@code out} (M2.onnx) keeps its checkpoints: {@code M2.retrain/} beside it. */
  public static java.nio.file.Path checkpointDirectory(java.nio.file.Path out) {
    String name = out.getFileName().toString();
    String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
    return out.toAbsolutePath().resolveSibling(stem + ".retrain");
  }

  /** The checkpoint file in {@link #checkpointDirectory}. */
  public static java.nio.file.Path checkpointFile(java.nio.file.Path out) {
    return checkpointDirectory(out).resolve("checkpoint.bin");
  }

  /** What retraining did before issue 18: constant rate, no decay, no augmentation, no resume, no progress. */
  public static RetrainSettings plain() {
    return new RetrainSettings(Schedule.CONSTANT, 0, Augmentation.NONE, null, false, ProgressListener.NONE);
  }
}
