package org.axdse.explorer.backend;

/**
 * What one design costs and harms in one layer when it is the only approximate layer: the mean squared change of
 * the logit codes against the exact network on the screening images, compensated as the search compensates its
 * candidates (the accuracy predictor's unit), the top-1 accuracy on those images, and the multiplier and system
 * energy of that one-layer assignment relative to the all-exact network ({@code systemEnergy} NaN without a
 * system model). Measured by a {@link LayerLossMeter} for {@code search --init allocation}.
 */
public record LayerLoss(String layer, String design, double logitChange, double top1, double multiplierEnergy,
    double systemEnergy) {
  public LayerLoss {
    if (!(top1 >= 0 && top1 <= 1)) {
      throw new IllegalArgumentException(design + " in " + layer + ": top-1 " + top1);
    }
    if (!(logitChange >= 0) || Double.isInfinite(logitChange) || !(multiplierEnergy >= 0)
        || Double.isInfinite(multiplierEnergy)) {
      throw new IllegalArgumentException(design + " in " + layer + ": logit change " + logitChange
          + ", multiplier energy " + multiplierEnergy);
    }
  }
}
