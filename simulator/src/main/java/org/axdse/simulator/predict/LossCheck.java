package org.axdse.simulator.predict;

/**
 * One design's simulated loss in one layer ({@link SimulatedLoss}): the mean squared change of the logit codes
 * against the exact-quantized network ({@code logitChange}, the accuracy predictor's unit), the images whose top-1
 * class changed ({@code flips}), and the images classified correctly with the design and with the exact network.
 */
public record LossCheck(String layer, String design, double logitChange, int flips, int correct, int exactCorrect,
    int images) {
  public LossCheck {
    if (!(logitChange >= 0) || Double.isInfinite(logitChange) || images < 1 || flips < 0 || flips > images
        || correct < 0 || correct > images || exactCorrect < 0 || exactCorrect > images) {
      throw new IllegalArgumentException(design + " in " + layer + ": change " + logitChange + ", " + flips
          + " flips, " + correct + " and " + exactCorrect + " correct of " + images);
    }
  }

  /** The top-1 drop against the exact-quantized network, in points. */
  public double drop() {
    return 100.0 * (exactCorrect - correct) / images;
  }
}
