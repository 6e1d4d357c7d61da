/**
 * The quantized simulator bound to the search: {@link org.axdse.explorer.simulation.SimulatorProblems} loads a
 * model, its data, a post-training calibration and one {@link org.axdse.simulator.engine.SimulationSession} per
 * run, and answers with the search space (the library filtered to the model's multiplier format, with costs
 * relative to exact; channel rankings for group granularity) and a pure, deterministic evaluator whose screening
 * subset is fixed by the seed.
 */
package org.axdse.explorer.simulation;
