package org.axdse.explorer.backend;

import java.util.Objects;

/**
 * What the search asks the engine to load: the model, the data set, the quantisation scheme, the multiplier
 * library, the two fidelities and the seed that fixes the screening subset.
 *
 * @param model the model file or name, as given to {@code --model}
 * @param data the data set spec, as given to {@code --data}
 * @param quant {@code sym} or {@code asym}
 * @param library a library directory, or null for the built-in library
 * @param screeningImages N: the screening fidelity evaluates a fixed subset of N test images drawn with
 *     {@code seed}
 * @param finalImages M: the final fidelity evaluates the first M test images; 0 means the whole test set
 * @param seed the run's seed
 * @param channelRanking true when the search needs each layer's output channels ranked by sensitivity
 *     (granularity {@code group:G}); the engine then fills {@code ApproximableLayer.channelOrder}
 */
public record ProblemRequest(String model, String data, String quant, String library, int screeningImages,
    int finalImages, long seed, boolean channelRanking) {
  public ProblemRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(quant, "quant");
    if (screeningImages < 1 || finalImages < 0) {
      throw new IllegalArgumentException("screening images must be >= 1 and final images >= 0");
    }
  }
}
