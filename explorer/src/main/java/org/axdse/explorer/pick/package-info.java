/**
 * {@code axdse pick}: chooses one point of a run's Pareto front under an accuracy-drop or energy bound and writes
 * a deployment configuration ({@code deploy.json}, see {@code org.axdse.simulator.deploy}) with the multipliers'
 * Verilog beside it. The run directory is only read; the quantization is recomputed with the run's settings, which
 * is deterministic, and recorded so that {@code axdse evaluate --config deploy.json} replays it bit for bit.
 */
package org.axdse.explorer.pick;
