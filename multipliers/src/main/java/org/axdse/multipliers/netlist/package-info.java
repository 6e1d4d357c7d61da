/**
 * Gate-level netlists of multipliers and their bit-parallel evaluation. A {@link
 * org.axdse.multipliers.netlist.Netlist} is combinational, every net is driven once, and cells are kept in
 * topological order, so one pass over the cells evaluates it; {@link
 * org.axdse.multipliers.netlist.BitParallelSimulator} does so for 64 operand pairs per {@code long}.
 */
package org.axdse.multipliers.netlist;
