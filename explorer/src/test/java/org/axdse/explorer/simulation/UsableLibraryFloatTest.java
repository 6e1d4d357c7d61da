package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.QuantMode;
import org.junit.jupiter.api.Test;

/**
 * {@code --number-formats}: the float designs cheaper than the exact 8x8 integer multiplier join the library with
 * their cost against it, interleaved with the integer designs so the uniform seeds cover every format.
 */
class UsableLibraryFloatTest {
  private static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  @Test
  void floatDesignsJoinInterleavedWithTheirCostAgainstInt8() {
    UsableLibrary integer = UsableLibrary.ofWidths(CATALOG, QuantMode.SYMMETRIC, WidthSet.of(8));
    UsableLibrary mixed = integer.withFloatFormats(CATALOG, List.of("e4m3", "e3m4"));
    assertEquals(integer.multipliers().get(0), mixed.multipliers().get(0), "the exact integer design stays first");
    List<String> names = mixed.names();
    assertTrue(names.containsAll(integer.names()), "every integer design stays");
    assertTrue(names.get(1).startsWith("s8x8_") && names.get(2).startsWith("e4m3_")
        && names.get(3).startsWith("e3m4_") && names.get(4).startsWith("s8x8_"), "round robin: " + names);
    var costs = MultiplierCosts.defaults();
    var reference = MultiplierCatalog.exactReference(MultiplierFormat.signed8x8());
    int floats = 0;
    for (MultiplierInfo m : mixed.multipliers()) {
      if (!UsableLibrary.isFloat(CATALOG, m.name())) {
        continue;
      }
      floats++;
      double power = costs.relativeCostAcrossFormats(CATALOG.byName(m.name()), reference).orElseThrow().power();
      assertEquals(power, m.relativePower(), 1e-12, m.name());
      assertTrue(power < 1.0, m.name());
    }
    assertTrue(names.contains("e4m3_exact") && names.contains("e3m4_lmul"), names.toString());
    assertTrue(!names.contains("e3m4_exact_rne"), "e3m4_exact_rne costs 1.28x the INT8 multiplier's power");
    assertEquals(names.size() - integer.names().size(), floats);
    assertEquals(integer, integer.withFloatFormats(CATALOG, List.of()), "no formats: unchanged");
  }
}
