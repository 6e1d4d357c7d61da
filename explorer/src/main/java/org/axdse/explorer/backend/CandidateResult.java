package org.axdse.explorer.backend;

/**
 * What the engine measures for one assignment at one fidelity: top-1 accuracy (a fraction in [0, 1]), the energy
 * of the multiplications and the energy of the whole accelerator model, both relative to the all-exact network
 * (exact = 1). {@code systemEnergy} is NaN when the engine has no system energy model. {@code weightMemory} is
 * the bits of the weights relative to 8-bit weights (NaN when the engine does not report it). {@code latency} is
 * the cycles per image relative to the exact network (the IMC target; NaN when the engine does not report it).
 * {@code stoppedAfter} is 0 for a full evaluation; an early-stopped screening evaluation (see {@link ScreeningBar})
 * gives the number of images it saw, and its accuracy is an estimate.
 */
public record CandidateResult(double accuracy, double multiplierEnergy, double systemEnergy, double weightMemory,
    double latency, int stoppedAfter) {
  public CandidateResult {
    if (stoppedAfter < 0) {
      throw new IllegalArgumentException("stoppedAfter must be >= 0: " + stoppedAfter);
    }
    if (!(accuracy >= 0 && accuracy <= 1)) {
      throw new IllegalArgumentException("accuracy must be a fraction in [0, 1]: " + accuracy);
    }
    if (!(multiplierEnergy >= 0) || Double.isInfinite(multiplierEnergy)) {
      throw new IllegalArgumentException("multiplier energy must be finite and >= 0: " + multiplierEnergy);
    }
    if (systemEnergy < 0 || Double.isInfinite(systemEnergy)) {
      throw new IllegalArgumentException("system energy must be finite and >= 0 or NaN: " + systemEnergy);
    }
    if (weightMemory < 0 || Double.isInfinite(weightMemory)) {
      throw new IllegalArgumentException("weight memory must be finite and >= 0 or NaN: " + weightMemory);
    }
    if (latency < 0 || Double.isInfinite(latency)) {
      throw new IllegalArgumentException("latency must be finite and >= 0 or NaN: " + latency);
    }
  }

  /** A full evaluation's result without a latency figure. */
  public CandidateResult(double accuracy, double multiplierEnergy, double systemEnergy, double weightMemory) {
    this(accuracy, multiplierEnergy, systemEnergy, weightMemory, Double.NaN, 0);
  }

  /** True when the evaluation stopped early (its accuracy is an estimate). */
  public boolean stopped() {
    return stoppedAfter > 0;
  }

  /** A result without a weight memory figure. */
  public CandidateResult(double accuracy, double multiplierEnergy, double systemEnergy) {
    this(accuracy, multiplierEnergy, systemEnergy, Double.NaN, Double.NaN, 0);
  }
}
