package org.axdse.explorer.evolve;

import org.axdse.multipliers.cgp.Fitness;
import org.axdse.multipliers.netlist.Netlist;

/**
 * The outcome of one run: the layer, the error bound, the design it started from, the final parent circuit and its
 * evolution fitness, the generations done and candidates simulated, and the run's wall time in this process.
 */
public record EvolvedRun(String layer, double threshold, String from, Netlist circuit, Fitness fitness,
    long generations, long evaluations, double seconds) {}
