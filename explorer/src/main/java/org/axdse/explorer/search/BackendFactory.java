package org.axdse.explorer.search;

import java.util.function.Consumer;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.SearchProblem;

/**
 * Chooses where a run's candidates are evaluated: {@link #local()} (the default, {@code --threads} threads in
 * this JVM) or a cluster. Called once per run with the loaded problem and the run's settings; {@code log} prints
 * a line to the console and the run's {@code search.log} and may only be called from the thread that calls the
 * backend (buffer messages from other threads).
 */
@FunctionalInterface
public interface BackendFactory {
  EvaluationBackend open(SearchProblem problem, SearchSettings settings, Consumer<String> log);

  /** A pool of {@code settings.threads()} threads in this JVM. */
  static BackendFactory local() {
    return (problem, settings, log) -> EvaluationBackend.local(problem.evaluator(), settings.threads());
  }
}
