package org.axdse.multipliers.cost;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.netlist.NetlistBuilder;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * Test-only unsigned array multipliers built with {@link NetlistBuilder}: partial products {@code a_i & w_j} in
 * column {@code i + j}, each column reduced by full adders (three bits to a sum and a carry) and a final half
 * adder. {@code truncated(k)} omits every partial product in columns {@code < k}.
 */
final class TestArrays {
  private TestArrays() {}

  static Netlist truncated(MultiplierFormat format, int k) {
    NetlistBuilder b = new NetlistBuilder(format);
    int cols = format.productBits();
    List<List<Integer>> column = new ArrayList<>();
    for (int c = 0; c <= cols; c++) {
      column.add(new ArrayList<>());
    }
    for (int i = 0; i < format.activationBits(); i++) {
      for (int j = 0; j < format.weightBits(); j++) {
        if (i + j >= k) {
          column.get(i + j).add(b.and(b.a(i), b.w(j)));
        }
      }
    }
    int[] product = new int[cols];
    for (int c = 0; c < cols; c++) {
      List<Integer> bits = column.get(c);
      while (bits.size() >= 3) {
        int[] sc = b.fullAdder(bits.remove(0), bits.remove(0), bits.remove(0));
        bits.add(sc[0]);
        column.get(c + 1).add(sc[1]);
      }
      if (bits.size() == 2) {
        int[] sc = b.halfAdder(bits.remove(0), bits.remove(0));
        bits.add(sc[0]);
        column.get(c + 1).add(sc[1]);
      }
      product[c] = bits.isEmpty() ? b.zero() : bits.get(0);
    }
    return b.build(format.namePrefix() + "_test_trunc" + k, product);
  }
}
