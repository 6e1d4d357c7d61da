package org.axdse.explorer.backend;

/**
 * Loads a {@link SearchProblem} for a request: the seam between the search and the engine. The engine side
 * implements it (model loading, calibration, the multiplier library filtered to the model's signedness, layer
 * workloads for the energy model, channel sensitivities); tests implement it with a synthetic problem. Failures
 * of user input are {@link org.axdse.multipliers.util.BadInputException}s.
 */
@FunctionalInterface
public interface ProblemFactory {
  SearchProblem open(ProblemRequest request);
}
