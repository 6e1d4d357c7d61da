package org.axdse.explorer.cli;

import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.multipliers.util.BadInputException;

/**
 * Where {@code axdse search} gets its engine. {@link #problemFactory()} is the one place to plug in the
 * quantized simulator: return a {@link ProblemFactory} that loads the model, dataset and calibration named in
 * the request, filters the library to the model's signedness and weight width, and answers with the search
 * space and a pure, thread-safe {@link org.axdse.explorer.backend.CandidateEvaluator}.
 */
final class EngineBinding {
  private EngineBinding() {}

  static ProblemFactory problemFactory() {
    return request -> {
      throw new BadInputException("--model " + request.model()
          + ": this build has no quantized simulator engine bound to axdse search (see EngineBinding)");
    };
  }
}
