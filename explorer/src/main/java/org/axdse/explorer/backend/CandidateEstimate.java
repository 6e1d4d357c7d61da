package org.axdse.explorer.backend;

/**
 * What an engine can tell about an assignment without simulating it: the two parts of its modelled logit noise
 * (from zero-mean error and from channel offsets; an accuracy map fitted on simulated points turns them into a
 * predicted accuracy) and its exact costs, which need no simulation: multiplier and system energy relative to the
 * all-exact network ({@code systemEnergy} NaN without a system model) and weight memory (NaN when not reported).
 * The costs equal those of a simulation of the same assignment.
 */
public record CandidateEstimate(double noise, double offsetNoise, double multiplierEnergy, double systemEnergy,
    double weightMemory) {
  public CandidateEstimate {
    if (!(noise >= 0) || !(offsetNoise >= 0) || Double.isInfinite(noise) || Double.isInfinite(offsetNoise)) {
      throw new IllegalArgumentException("noise parts must be finite and >= 0: " + noise + ", " + offsetNoise);
    }
    new CandidateResult(0, multiplierEnergy, systemEnergy, weightMemory);
  }

  /** These costs with {@code accuracy}: the candidate as the surrogate sees it. */
  public CandidateResult withAccuracy(double accuracy) {
    return new CandidateResult(accuracy, multiplierEnergy, systemEnergy, weightMemory);
  }
}
