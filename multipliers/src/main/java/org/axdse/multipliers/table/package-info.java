/**
 * Product tables: the operand format of a multiplier and the table of its products over all operand pairs.
 * A {@link org.axdse.multipliers.table.ProductTable} is immutable and is the only form of a multiplier the
 * simulator reads. Index {@code (a << N) | w}: activation first, weight second, as in TFApprox. An
 * {@link org.axdse.multipliers.table.OperandDistribution} weights the same indices by how often a layer sees them.
 */
package org.axdse.multipliers.table;
