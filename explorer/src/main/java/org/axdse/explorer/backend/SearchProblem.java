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

  @Override
  default void close() {}

  /** A problem over {@code space} evaluated by {@code evaluator}, with nothing to release. */
  static SearchProblem of(SearchSpace space, CandidateEvaluator evaluator) {
    return new SearchProblem() {
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
