package org.axdse.simulator.compensation;

/**
 * Which activations bias correction measures the accumulator error on. {@link #EXACT_INPUTS}: one exact run over
 * the calibration images; every layer's error is measured on the inputs the exact network gives it (after
 * correction the upstream errors have zero mean, so the inputs are close to these). {@link #SEQUENTIAL}: layer by
 * layer in execution order, each measured on the inputs the approximate network with every earlier layer already
 * corrected gives it; one calibration run per approximate layer.
 */
public enum BiasOrder {
  EXACT_INPUTS,
  SEQUENTIAL
}
