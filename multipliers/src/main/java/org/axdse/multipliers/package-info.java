/**
 * Approximate multipliers as gate-level netlists and product tables. {@link org.axdse.multipliers.Multiplier} is
 * the domain noun: a name, a table, and a circuit where one is known. Sub-packages hold the netlist model,
 * generators, error metrics, the circuit cost model and file formats.
 */
package org.axdse.multipliers;
