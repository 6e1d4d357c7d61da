package org.axdse.explorer.backend;

import org.axdse.explorer.encoding.SearchSpace;

/**
 * A loaded problem: the space the search explores and the evaluator that scores an assignment. Holds the loaded
 * model and tables; closing it releases them.
 */
public interface SearchProblem extends AutoCloseable {
  SearchSpace space();

  CandidateEvaluator evaluator();

  /** What the engine saved so far (a cache's hits, say) for the log, or empty. */
  default String status() {
    return "";
  }

  /**
   * The estimator of {@code axdse search --surrogate}, or null when this engine cannot predict accuracy. Opened
   * on the first call (it may measure sensitivities first) and kept; failures of user input are
   * {@link org.axdse.multipliers.util.BadInputException}s.
   */
  default CandidateEstimator estimator() {
    return null;
  }

  /**
   * A meter of one-layer losses for {@code axdse search --init allocation} (the search asks once, before
   * generation 0), or null when this engine cannot measure them.
   */
  default LayerLossMeter layerLosses() {
    return null;
  }

  @Override
  default void close() {}

  /** A problem over {@code space} evaluated by {@code evaluator}, with nothing to release. */
  static SearchProblem of(SearchSpace space, CandidateEvaluator evaluator) {
    return of(space, evaluator, null);
  }

  /** As {@link #of(SearchSpace, CandidateEvaluator)}, with {@code estimator} (null: none) for the surrogate. */
  static SearchProblem of(SearchSpace space, CandidateEvaluator evaluator, CandidateEstimator estimator) {
    return new SearchProblem() {
      @Override
      public CandidateEstimator estimator() {
        return estimator;
      }

      @Override
      public SearchSpace space() {
        return space;
      }

      @Override
      public CandidateEvaluator evaluator() {
        return evaluator;
      }
    };
  }
}
