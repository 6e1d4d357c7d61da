/**
 * {@code axdse pick}: chooses one point of a run's Pareto front under an accuracy-drop or energy bound and writes
 * a deployment configuration ({@code deploy.json}, see {@code org.axdse.simulator.deploy}) with the multipliers'
 * Verilog beside it, and their tables for PyTorch tools (AdaPT headers, TorchApprox {@code .npy}) with a script
 * that loads them layer by layer. The run directory is only read; the quantization is recomputed with the run's
 * settings, which is deterministic, and recorded so that {@code axdse evaluate --config deploy.json} replays it
 * bit for bit. It lives in explorer, not results, because it runs inference through the simulator.
 */
package org.axdse.explorer.pick;
