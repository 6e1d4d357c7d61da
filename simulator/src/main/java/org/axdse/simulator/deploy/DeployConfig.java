package org.axdse.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.axdse.simulator.data.ImageSelection;

/**
 * A deployment configuration ({@code deploy.json}): one chosen multiplier assignment with everything needed to
 * reproduce its accuracy bit for bit: the model file and its SHA-256, the dataset and evaluation set, the input
 * preprocessing, the quantization parameters as recorded ({@code QuantizedModel.toJson}), the assignment (the
 * shape {@code axdse evaluate --config} reads), the multiplier files exported beside it, how the point was chosen,
 * and the expected (from the search) and verified (re-evaluated) figures. Written by {@code axdse pick}, read by
 * {@code axdse evaluate --config}.
 *
 * @param format always {@link #FORMAT}: what tells a deploy file from an assignment file
 * @param verified null until {@code axdse pick --verify} re-evaluated the point
 * @param compensation null, or the compensation ({@code CompensationJson}) applied to the recorded quantization
 *     before the assignment runs (a search with {@code --compensate})
 * @param retraining null, or how {@code model} was retrained from the model the search evaluated ({@code axdse
 *     pick --retrain}); {@code expected} then refers to that base model, {@code verified} to the retrained one
 */
public record DeployConfig(String format, int formatVersion, ModelFile model, String dataset,
    EvaluationSet evaluation, JsonNode preprocessing, JsonNode quantization, JsonNode assignment,
    List<MultiplierFile> multipliers, Selection selection, Figures expected, Figures verified,
    JsonNode compensation, Retraining retraining) {
  public static final String FORMAT = "axdse-deploy";
  /**
   * Version 2 added {@code compensation}; version 3 the retraining's schedule, weight decay, augmentation,
   * training data and emulation ({@link DeployJson#read} upgrades a version-2 file, recording them as unknown).
   */
  public static final int FORMAT_VERSION = 3;

  public DeployConfig {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be \"" + FORMAT + "\", not " + format);
    }
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("unsupported format_version " + formatVersion + " (this build reads "
          + "2 and " + FORMAT_VERSION + "; run axdse pick again)");
    }
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(quantization, "quantization");
    Objects.requireNonNull(assignment, "assignment");
    multipliers = List.copyOf(Objects.requireNonNull(multipliers, "multipliers"));
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(expected, "expected");
    if (compensation != null && compensation.isNull()) {
      compensation = null;
    }
  }

  /** This configuration with the verified figures set. */
  public DeployConfig withVerified(Figures figures) {
    return new DeployConfig(format, formatVersion, model, dataset, evaluation, preprocessing, quantization,
        assignment, multipliers, selection, expected, figures, compensation, retraining);
  }

  /**
   * Approximation-aware retraining of the search's model ({@code baseModel}) for the chosen assignment:
   * {@code epochs} passes over the training images, AdamW with base rate {@code learningRate} under
   * {@code schedule} and decoupled weight decay {@code weightDecay}, mini-batches of {@code batchSize}, shuffling
   * and augmentation seed {@code seed}, augmentation {@code augmentation}, the training images {@code trainData}
   * (null: the train split of the deployment's dataset) and the forward pass {@code emulation}. The flags of
   * {@code axdse compensate --method retrain} take these values as they are written. {@code schedule},
   * {@code weightDecay}, {@code augmentation} and {@code emulation} are null only in a file written before format
   * version 3, which did not record them.
   */
  public record Retraining(ModelFile baseModel, int epochs, double learningRate, int batchSize, long seed,
      String schedule, Double weightDecay, String augmentation, String trainData, String emulation) {
    private static final List<String> SCHEDULES = List.of("cosine", "step", "constant");
    private static final List<String> AUGMENTATIONS = List.of("auto", "none", "crop-flip");
    private static final List<String> EMULATIONS = List.of("table", "model");

    public Retraining {
      Objects.requireNonNull(baseModel, "retraining.base_model");
      if (epochs < 1 || !(learningRate > 0) || batchSize < 1) {
        throw new IllegalArgumentException("retraining: epochs, learning_rate and batch_size must be positive");
      }
      oneOf("retraining.schedule", schedule, SCHEDULES);
      oneOf("retraining.augmentation", augmentation, AUGMENTATIONS);
      oneOf("retraining.emulation", emulation, EMULATIONS);
      if (weightDecay != null && !(weightDecay >= 0 && weightDecay < 1)) {
        throw new IllegalArgumentException("retraining.weight_decay must be in [0, 1): " + weightDecay);
      }
    }

    private static void oneOf(String field, String value, List<String> allowed) {
      if (value != null && !allowed.contains(value)) {
        throw new IllegalArgumentException(field + " must be one of " + String.join(", ", allowed) + ", not "
            + value);
      }
    }
  }

  /** The ONNX file, as an absolute path, and the SHA-256 of its bytes in lower-case hex. */
  public record ModelFile(String path, String sha256) {
    public ModelFile {
      Objects.requireNonNull(path, "model.path");
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("model.sha256 must be 64 lower-case hex digits");
      }
    }
  }

  /**
   * The images {@code verified} is measured on and {@code axdse evaluate --config} replays: {@code split} without
   * the {@code holdout} test images a search held out for calibration (0: none), cut to its first {@code limit}
   * (0: all); see {@link ImageSelection}.
   */
  public record EvaluationSet(String split, int holdout, int limit) {
    public EvaluationSet {
      if (!"test".equals(split) && !"train".equals(split)) {
        throw new IllegalArgumentException("evaluation.split must be test or train");
      }
      if (holdout < 0 || limit < 0) {
        throw new IllegalArgumentException("evaluation.holdout and limit must be >= 0 (0: none, all)");
      }
    }

    /** The selection these fields describe, the limit replaced by {@code limitOverride} when not null. */
    public ImageSelection selection(Integer limitOverride) {
      return new ImageSelection(holdout, 0, limitOverride != null ? limitOverride : limit);
    }
  }

  /**
   * A multiplier the assignment uses and the file it was exported to, relative to the deploy file's directory.
   *
   * @param kind {@code verilog} (a netlist) or {@code table} (a TFApprox {@code .bin}; the multiplier has no
   *     circuit)
   */
  public record MultiplierFile(String name, String file, String kind) {
    public MultiplierFile {
      Objects.requireNonNull(name, "multipliers[].name");
      Objects.requireNonNull(file, "multipliers[].file");
      if (!"verilog".equals(kind) && !"table".equals(kind)) {
        throw new IllegalArgumentException("multipliers[].kind must be verilog or table");
      }
    }
  }

  /**
   * How the point was chosen: from run directory {@code run}, point {@code pointId} of its front, under
   * {@code rule} ({@code max_accuracy_drop}, in percentage points, or {@code max_energy}, relative to exact) with
   * {@code limit}; energies are {@code energyMetric} ({@code multiplier_energy} or {@code system_energy});
   * {@code referenceAccuracy} is the exact network's accuracy at {@code fidelity} the drop is measured from (null
   * when the rule needs none).
   */
  public record Selection(String run, int pointId, String rule, double limit, String energyMetric,
      String fidelity, Double referenceAccuracy) {
    public Selection {
      Objects.requireNonNull(run, "selection.run");
      if (!"max_accuracy_drop".equals(rule) && !"max_energy".equals(rule)) {
        throw new IllegalArgumentException("selection.rule must be max_accuracy_drop or max_energy");
      }
      Objects.requireNonNull(energyMetric, "selection.energy_metric");
      Objects.requireNonNull(fidelity, "selection.fidelity");
    }
  }

  /**
   * Accuracy (top-1 fraction) of the assignment and of the exact-quantized network on {@code images} images,
   * and the relative energies (null when unknown).
   */
  public record Figures(int images, double accuracy, Double exactAccuracy, Double multiplierEnergy,
      Double systemEnergy) {
    public Figures {
      if (images < 0 || !(accuracy >= 0 && accuracy <= 1)) {
        throw new IllegalArgumentException("figures need images >= 0 and an accuracy in [0, 1]");
      }
    }
  }
}
