package org.axdse.multipliers.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

class AccumulatedDesignsTest {
  private static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  @Test
  void anAccumulatorNameIsTheSameMultiplierWithItsAccumulator() {
    for (String base : new String[] {"e4m3_lmul", "e3m4_exact", "e4m3_sig_u8x8_mitchell"}) {
      for (String acc : AccumulatedDesigns.ACCUMULATORS) {
        Multiplier m = CATALOG.byName(base + "_acc" + acc);
        Multiplier b = CATALOG.byName(base);
        assertEquals(base + "_acc" + acc, m.name());
        assertEquals(b.table(), m.table());
        assertEquals(b.netlist().cells(), m.netlist().cells());
        assertEquals(Optional.of(acc), AccumulatedDesigns.accumulator(m));
        assertEquals(Optional.empty(), AccumulatedDesigns.accumulator(b));
        assertTrue(CATALOG.contains(m.name()));
      }
    }
  }

  @Test
  void onlyPerTensorFloatDesignsTakeAnAccumulatorOnce() {
    assertFalse(CATALOG.contains("s8x8_trunc4_accfp32"), "integer designs sum in int32");
    BadInputException e = assertThrows(BadInputException.class, () -> CATALOG.byName("e4m3_exact_mx32_accfp32"));
    assertTrue(e.getMessage().contains("block-scaled") && !e.getMessage().contains("\n"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> CATALOG.byName("e4m3_exact_accfp32_accbf16"));
    assertTrue(e.getMessage().startsWith("unknown multiplier"), e.getMessage());
    e = assertThrows(BadInputException.class, () -> CATALOG.byName("e4m3_exact_accfp32_mx32"));
    assertTrue(e.getMessage().startsWith("unknown multiplier 'e4m3_exact_accfp32_mx32'"), e.getMessage());
    assertThrows(BadInputException.class, () -> CATALOG.byName("e4m3_exact_accfp64"));
  }
}
