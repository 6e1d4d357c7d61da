package org.axdse.explorer.checkpoint;

import java.util.Arrays;
import java.util.Objects;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;

/**
 * One line of the evaluation log: a canonical genome (empty for the reference, the all-exact network), the
 * fidelity it was evaluated at, and the result.
 */
public record EvaluationRecord(Fidelity fidelity, int[] genome, CandidateResult result) {
  public EvaluationRecord {
    Objects.requireNonNull(fidelity, "fidelity");
    genome = genome.clone();
    Objects.requireNonNull(result, "result");
  }

  @Override
  public int[] genome() {
    return genome.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationRecord r && fidelity == r.fidelity && Arrays.equals(genome, r.genome)
        && result.equals(r.result);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fidelity, Arrays.hashCode(genome), result);
  }

  @Override
  public String toString() {
    return "EvaluationRecord[" + fidelity + ", " + Arrays.toString(genome) + ", " + result + "]";
  }
}
