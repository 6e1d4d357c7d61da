package org.axdse.multipliers.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.junit.jupiter.api.Test;

class TableOrientationTest {
  /** The same products with the operands swapped: entry (a, w) holds t(w, a). */
  static ProductTable transposed(ProductTable t) {
    MultiplierFormat f = t.format();
    int[] p = new int[t.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = t.product(f.weightAt(i), f.activationAt(i));
    }
    return ProductTable.of(f, p);
  }

  @Test
  void perforationIgnoresWeightRowsAndItsTransposeIsFlagged() {
    ProductTable perf = BuiltinLibrary.byName("u8x8_perf_r0r1").orElseThrow().table();
    // perforating rows 0 and 1 computes a * (w & ~3): weight bits 0 and 1 never matter, every activation bit does
    assertEquals(List.of(0, 1), TableOrientation.ignoredBits(perf, false));
    assertEquals(List.of(), TableOrientation.ignoredBits(perf, true));
    assertTrue(TableOrientation.transposedWarning(perf).isEmpty());

    Optional<String> w = TableOrientation.transposedWarning(transposed(perf));
    assertTrue(w.isPresent());
    assertTrue(w.get().contains("activation bit(s) [0, 1]") && w.get().contains("transposed"), w.get());
  }

  @Test
  void noBuiltin8x8DesignLooksTransposed() {
    for (MultiplierFormat f : List.of(MultiplierFormat.unsigned8x8(), MultiplierFormat.signed8x8())) {
      for (Multiplier m : BuiltinLibrary.all(f)) {
        assertEquals(Optional.empty(), TableOrientation.transposedWarning(m.table()), m.name());
      }
    }
  }

  @Test
  void narrowWeightTablesAreNotJudged() {
    // an 8x4 table cannot be stored transposed: its shape already says which operand has 4 bits
    ProductTable t = BuiltinLibrary.byName("u8x4_exact").orElseThrow().table();
    assertTrue(TableOrientation.transposedWarning(t).isEmpty());
  }
}
