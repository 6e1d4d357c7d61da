package org.axdse.explorer.backend;

import org.axdse.simulator.assign.Assignment;

/**
 * The engine as the search sees it: evaluates one multiplier assignment at one fidelity. Implementations must be
 * pure (the same assignment and fidelity always give the same result, whatever was evaluated before and on
 * whichever thread: the screening subset is fixed by the seed, not drawn per call), deterministic and
 * thread-safe, because the search evaluates a generation in parallel and memoises results across runs.
 */
@FunctionalInterface
public interface CandidateEvaluator {
  CandidateResult evaluate(Assignment assignment, Fidelity fidelity);

  /**
   * As {@link #evaluate(Assignment, Fidelity)}, allowed to stop a screening evaluation early once the candidate
   * falls, with high confidence, below {@code bar} ({@code bar} given the candidate's costs; null: no bar). An
   * early-stopped result says so ({@link CandidateResult#stopped()}); by default every evaluation is full.
   */
  default CandidateResult evaluate(Assignment assignment, Fidelity fidelity,
      java.util.function.ToDoubleFunction<CandidateResult> bar) {
    return evaluate(assignment, fidelity);
  }
}
