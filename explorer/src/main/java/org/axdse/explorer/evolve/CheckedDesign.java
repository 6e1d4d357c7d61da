package org.axdse.explorer.evolve;

import org.axdse.simulator.predict.LossCheck;

/**
 * A design checked in one layer: whether it was evolved (else built-in), its power relative to the exact
 * reference under the layer's operands (as the search charges it), the evolution's figure for it ({@code
 * predicted}: the predicted loss with {@code --measure loss}, else the normalised error; NaN when unknown) and its
 * simulated loss.
 */
public record CheckedDesign(String name, boolean evolved, double relativePower, double predicted,
    LossCheck simulated) {
  public CheckedDesign {
    if (!(relativePower >= 0) || Double.isInfinite(relativePower) || !name.equals(simulated.design())) {
      throw new IllegalArgumentException(name + ": power " + relativePower + ", checked as " + simulated.design());
    }
  }
}
