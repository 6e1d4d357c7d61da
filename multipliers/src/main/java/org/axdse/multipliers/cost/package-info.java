/**
 * The circuit cost model: area, critical-path delay and power (dynamic from simulated toggles, leakage from
 * area) of a netlist, charged from a user-replaceable {@link org.axdse.multipliers.cost.CellTable}. Figures are
 * in model units and are meant to be read relative to the exact multiplier of the same format, simulated on the
 * same reproducible operand stream. See {@code multipliers/COST_MODEL.md}.
 */
package org.axdse.multipliers.cost;
