package org.axdse.multipliers.cgp;

import java.util.Objects;

/**
 * Where a run stands: its parent genome, the number of generations done and of candidates simulated. With the
 * run's seed this is all a resumed run needs to continue exactly as an uninterrupted one.
 */
public record EvolutionState(CgpGenome parent, long generation, long evaluations) {
  public EvolutionState {
    Objects.requireNonNull(parent, "parent");
    if (generation < 0 || evaluations < 0) {
      throw new IllegalArgumentException("generation and evaluations must be >= 0");
    }
  }

  /** The start of a run from {@code seedGenome}. */
  public static EvolutionState start(CgpGenome seedGenome) {
    return new EvolutionState(seedGenome, 0, 0);
  }
}
