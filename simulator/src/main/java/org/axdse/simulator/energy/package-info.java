/**
 * The energy model: per-layer multiplier energy from MAC counts and the relative power of each chosen multiplier,
 * and system-level energy adding accumulators, register file, on-chip SRAM and DRAM accesses with per-operation
 * energies from an editable architecture file (defaults: Horowitz, ISSCC 2014, 45 nm). Every figure is reported
 * relative to the same network with exact multipliers, so an all-exact assignment scores exactly 1.
 */
package org.axdse.simulator.energy;
