package org.axdse.multipliers.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.junit.jupiter.api.Test;

/** The generated circuits have the shape the designs promise, so the cost model sees what was removed. */
class CircuitStructureTest {

  static Map<CellType, Integer> counts(Netlist n) {
    Map<CellType, Integer> m = new EnumMap<>(CellType.class);
    n.cells().forEach(c -> m.merge(c.type(), 1, Integer::sum));
    return m;
  }

  @Test
  void unsignedArrayHasTheTextbookCellCount() {
    // An n x n array multiplier has n^2 AND gates and n(n-1) adders, n of them half adders:
    // for n = 8 that is 64 ANDs, 8 HAs and 56 - 8 = 48 FAs.
    Map<CellType, Integer> c = counts(MultiplierDesign.exact(MultiplierFormat.unsigned8x8()).netlist());
    assertEquals(Map.of(CellType.AND, 64, CellType.HA, 8, CellType.FA, 48), c);
  }

  @Test
  void droppedTermsLeaveNoGates() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    int previous = Integer.MAX_VALUE;
    for (int k = 1; k <= 14; k++) {
      Netlist n = MultiplierDesign.truncated(f, k, Correction.NONE).netlist();
      int ands = counts(n).getOrDefault(CellType.AND, 0);
      // Terms with i + j >= k: 64 minus the sum over columns c < k of the column heights min(c+1, 15-c).
      int kept = 64;
      for (int col = 0; col < k; col++) {
        kept -= Math.min(col + 1, 15 - col);
      }
      assertEquals(kept, ands, "trunc" + k);
      assertTrue(n.cells().size() <= previous, "trunc" + k + " is no larger than trunc" + (k - 1));
      previous = n.cells().size();
    }
  }

  @Test
  void ama5CellsAreWiresOnly() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    int exact = MultiplierDesign.exact(f).netlist().cells().size();
    int ama5 = MultiplierDesign.approximateAdders(f, AdderCell.AMA5, 8).netlist().cells().size();
    assertTrue(ama5 < exact, "AMA5 in 8 columns replaces adders by wires: " + ama5 + " < " + exact);
  }
}
