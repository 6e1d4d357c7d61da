package org.axdse.explorer.backend;

import java.util.Arrays;
import java.util.Objects;
import org.axdse.simulator.assign.Assignment;

/**
 * One unit of work for an {@link EvaluationBackend}: the genome that identifies the candidate (the cache key)
 * and the assignment it decodes to (what the engine evaluates). A cluster backend may ship either.
 */
public record Candidate(int[] genome, Assignment assignment) {
  public Candidate {
    genome = Objects.requireNonNull(genome, "genome").clone();
    Objects.requireNonNull(assignment, "assignment");
  }

  @Override
  public int[] genome() {
    return genome.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c && Arrays.equals(genome, c.genome) && assignment.equals(c.assignment);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(genome) + assignment.hashCode();
  }

  @Override
  public String toString() {
    return "Candidate" + Arrays.toString(genome);
  }
}
