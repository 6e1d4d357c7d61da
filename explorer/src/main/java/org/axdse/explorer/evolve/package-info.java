/**
 * {@code axdse evolve}'s loop: per approximable layer and error bound, a CGP run ({@code multipliers.cgp}) under
 * the layer's calibrated operand distribution, checkpointed so that a killed run resumes exactly; the per-layer
 * Pareto sets it finds, compared with the built-in designs under the same distribution; and the library directory
 * it writes, which {@code search --library} and {@code pick} read like any other. Runs are independent and each
 * is driven by one thread, so results do not depend on the thread count. {@code axdse evolve-check} then measures
 * the designs in the simulated network ({@code SimulatedLoss}: one layer approximate, compensated as the search
 * compensates) and keeps those that beat the built-in designs ({@code DesignSelection}), deterministically.
 */
package org.axdse.explorer.evolve;
