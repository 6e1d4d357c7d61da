/**
 * Accuracy prediction from the statistical error model: each layer's noise-to-signal figure (modelled error
 * power against the spread of its exact accumulators), weighted by a sensitivity measured once per model by
 * injecting Gaussian noise into the layer's accumulators, and a monotone map from the weighted sum to top-1
 * fitted on simulated assignments. Also the noise-injection fidelity: the exact engine plus Gaussian noise with
 * the modelled per-channel mean and variance. Every prediction carries its calibration quality; everything is
 * deterministic from its seed.
 */
package org.axdse.simulator.predict;
