package org.axdse.multipliers.cgp;

/**
 * A layer's measured response of the network's logits (mean squared change of the logit codes) to error of each
 * kind, as functions of the error's size relative to the variance of the layer's exact accumulators: zero-mean
 * noise, the share of the signal lost (the root mean square of the channels' gains) and constant offsets. The
 * accuracy predictor's per-layer sensitivity provides them (explorer: {@code LayerLosses}).
 */
public interface LayerResponse {
  /** Logit response to zero-mean noise of noise-to-signal ratio {@code ratio}. */
  double noise(double ratio);

  /** Logit response to the share {@code share} of every channel's signal taken away. */
  double loss(double share);

  /** Logit response to constant offsets of offset-to-signal ratio {@code ratio}. */
  double offset(double ratio);
}
