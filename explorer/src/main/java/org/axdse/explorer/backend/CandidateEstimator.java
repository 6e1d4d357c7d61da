package org.axdse.explorer.backend;

import org.axdse.simulator.assign.Assignment;

/**
 * The cheap side of an engine, for the surrogate-assisted search: an assignment's modelled noise and exact costs
 * in milliseconds instead of a simulation. Pure and deterministic (the same assignment always gives the same
 * estimate); called from the search's thread only.
 */
@FunctionalInterface
public interface CandidateEstimator {
  CandidateEstimate estimate(Assignment assignment);
}
