package org.axdse.simulator.predict;

import java.util.List;
import java.util.SplittableRandom;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;

/**
 * Random layer-wise assignments for fitting and measuring the accuracy map: each draw picks a density
 * {@code p} uniform in [0, 1], then makes each layer approximate with probability {@code p}, with a multiplier
 * drawn uniformly from the candidates (the others stay exact). So the draws span near-exact to fully
 * approximate networks. Deterministic from the seed.
 */
public final class RandomAssignments {
  private final List<String> layers;
  private final List<String> candidates;
  private final SplittableRandom random;

  public RandomAssignments(List<String> layers, List<String> candidates, long seed) {
    if (layers.isEmpty() || candidates.isEmpty()) {
      throw new IllegalArgumentException(layers.size() + " layers, " + candidates.size() + " candidates");
    }
    this.layers = List.copyOf(layers);
    this.candidates = List.copyOf(candidates);
    this.random = new SplittableRandom(seed);
  }

  public Assignment next() {
    double p = random.nextDouble();
    Assignment a = Assignment.allExact();
    for (String l : layers) {
      if (random.nextDouble() < p) {
        a = a.with(l, new LayerAssignment.Uniform(candidates.get(random.nextInt(candidates.size()))));
      }
    }
    return a;
  }
}
