package org.axdse.simulator.engine;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * An 8xN product table laid out as an 8xM table (M >= N, same signedness), so that layers and channels of
 * different weight widths run through one engine format: an N-bit weight value is also an M-bit value, and its
 * row holds the 8xN products; rows of M-bit values outside the N-bit range hold 0 (such weights never occur,
 * the weights being quantized at N bits). Sums are those of the 8xN table, whatever path the kernels take.
 */
final class WidenedTable {
  private WidenedTable() {}

  static ProductTable widen(ProductTable table, MultiplierFormat to) {
    MultiplierFormat from = table.format();
    if (from.equals(to)) {
      return table;
    }
    if (from.signed() != to.signed() || from.activationBits() != to.activationBits()
        || from.weightBits() > to.weightBits()) {
      throw new IllegalArgumentException("cannot lay a " + from + " table out as " + to);
    }
    int[] products = new int[to.tableSize()];
    for (int a = from.minActivation(); a <= from.maxActivation(); a++) {
      for (int w = from.minWeight(); w <= from.maxWeight(); w++) {
        products[to.index(a, w)] = table.product(a, w);
      }
    }
    return ProductTable.of(to, products);
  }
}
