package org.axdse.explorer.cli;

import org.axdse.simulator.precision.DataAwarePrecision;
import picocli.CommandLine.Option;

/**
 * The data-aware precision flags of {@code axdse search} (a picocli mixin), as {@code axdse evaluate} names them:
 * {@code --weight-rounding nearest|gptq} (GPTQ rounding of the widths narrower than the widest, under the
 * calibration images' input moments) and {@code --share-codebook kmeans|refit} with {@code --share-refit-rounds N}
 * (shared values refitted to each layer's output). Their {@link #label()} is the run's {@code precision} setting.
 */
public final class PrecisionFlags {
  @Option(names = "--weight-rounding", paramLabel = "nearest|gptq", defaultValue = "nearest",
      description = "Rounding of weights narrower than the widest --weight-bits width: nearest, or gptq (error "
          + "feedback under the calibration images' input second moments) (default: ${DEFAULT-VALUE}).")
  String weightRounding;

  @Option(names = "--share-codebook", paramLabel = "kmeans|refit", defaultValue = "kmeans",
      description = "Shared values: kmeans, or refit (the k-means clusters' values refitted by least squares to "
          + "each layer's output over the calibration images, biases corrected) (default: ${DEFAULT-VALUE}).")
  String codebook;

  @Option(names = "--share-refit-rounds", paramLabel = "N", defaultValue = "0",
      description = "With --share-codebook refit: rounds of reassigning weights to their nearest refitted value "
          + "and refitting (default: ${DEFAULT-VALUE}).")
  int refitRounds;

  /** The run setting; a one-line error for a bad value. */
  String label() {
    return DataAwarePrecision.of(weightRounding, codebook, refitRounds).label();
  }
}
