/**
 * Product tables: the operand format of a multiplier and the table of its products over all operand pairs.
 * A {@link org.axdse.multipliers.table.ProductTable} is immutable and is the only form of a multiplier the
 * simulator reads. Index {@code (a << N) | w}: activation first, weight second, as in TFApprox.
 */
package org.axdse.multipliers.table;
