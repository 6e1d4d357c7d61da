package org.axdse.explorer.backend;

import java.util.List;

/**
 * Where candidates are evaluated: genomes in, objective values out. The default is {@link #local} (a thread pool
 * in this JVM); a cluster backend can implement the same contract. A backend may evaluate a batch in any order
 * and on any worker, because {@link CandidateEvaluator}s are pure; the search consumes results in batch order, so
 * the order of completion never changes what the search does.
 */
public interface EvaluationBackend extends AutoCloseable {

  /** Receives each result as it completes, on the thread that called {@link #evaluate}. */
  @FunctionalInterface
  interface Listener {
    void completed(int index, Candidate candidate, CandidateResult result);
  }

  /**
   * Evaluates every candidate of {@code batch} at {@code fidelity} and returns the results in batch order,
   * telling {@code listener} about each one as it completes. Throws {@link StoppedException} (after reporting
   * every result that did complete) when {@code stop} is requested before the batch is done.
   */
  List<CandidateResult> evaluate(List<Candidate> batch, Fidelity fidelity, Listener listener, StopSignal stop);

  /**
   * As {@link #evaluate(List, Fidelity, Listener, StopSignal)}, letting the evaluator stop screening evaluations
   * early against {@code bar} (null: none). By default the bar is ignored and every evaluation is full.
   */
  default List<CandidateResult> evaluate(List<Candidate> batch, Fidelity fidelity, ScreeningBar bar,
      Listener listener, StopSignal stop) {
    return evaluate(batch, fidelity, listener, stop);
  }

  /** Number of candidates this backend evaluates at once (used for progress estimates). */
  int parallelism();

  /**
   * A short description of where evaluations run (members, evaluations per member, resubmissions) for the
   * progress line and the log, or empty when there is nothing to add (the local backend).
   */
  default String status() {
    return "";
  }

  @Override
  void close();

  /** A pool of {@code threads} worker threads in this JVM calling {@code evaluator}. */
  static EvaluationBackend local(CandidateEvaluator evaluator, int threads) {
    return new LocalBackend(evaluator, threads);
  }
}
