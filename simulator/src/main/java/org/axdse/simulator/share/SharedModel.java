package org.axdse.simulator.share;

import java.util.List;

/**
 * A model whose weights are shared as {@code plan} says, with the clustering figures of each shared layer.
 *
 * @param model the float model with shared weights (an ordinary model: quantize, run or export it)
 * @param plan the plan applied
 * @param layers one entry per shared layer, in execution order
 */
public record SharedModel(org.axdse.simulator.model.Model model, SharingPlan plan, List<LayerSharing> layers) {
  public SharedModel {
    layers = List.copyOf(layers);
  }

  /**
   * The inertia proxy of the whole model: the sum over shared layers of their relative inertia. A cheap stand-in
   * for the accuracy loss (Dupuis et al., DATE 2020), computed without any inference.
   */
  public double proxy() {
    return layers.stream().mapToDouble(LayerSharing::relativeInertia).sum();
  }

  /**
   * The clustering of one layer.
   *
   * @param name the layer
   * @param k shared values per group
   * @param groups the number of groups (codebooks)
   * @param weights the weights of the layer
   * @param inertia the sum over groups of squared distances of the weights to their shared values
   * @param spread the same with one value per group (the groups' sums of squared deviations from their means)
   */
  public record LayerSharing(String name, int k, int groups, long weights, double inertia, double spread) {
    public LayerSharing {
      if (k < 1 || groups < 1 || weights < groups || inertia < 0 || spread < 0) {
        throw new IllegalArgumentException("layer '" + name + "': invalid sharing figures");
      }
    }

    /** Inertia relative to the spread: 0 when sharing loses nothing, 1 when every group collapses to its mean. */
    public double relativeInertia() {
      return spread == 0 ? 0 : inertia / spread;
    }
  }
}
