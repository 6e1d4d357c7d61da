package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.junit.jupiter.api.Test;

class BilinearPolicyTest {
  private static LookupTable design(String name) {
    return LookupTable.of(MultiplierCatalog.builtin().byName(name).table());
  }

  @Test
  void offNeverAndOnAlwaysForBilinearTables() {
    LookupTable trunc = design("s8x8_trunc6");
    LookupTable noisy = LookupTable.of(Reference.noisy(new Random(1), MultiplierFormat.signed8x8()));
    assertFalse(BilinearPolicy.OFF.chooses(trunc, 576, 64));
    assertTrue(BilinearPolicy.ON.chooses(trunc, 9, 1));
    assertFalse(BilinearPolicy.ON.chooses(noisy, 576, 64), "a table that is not bilinear keeps the table path");
    assertFalse(BilinearPolicy.AUTO.chooses(LookupTable.exact(MultiplierFormat.signed8x8()), 576, 64),
        "the exact table takes the exact path");
  }

  /** Perforation drops whole weight bits: the shift leaves no pair, so the path costs an exact GEMM. */
  @Test
  void perforatedDesignsNeedNoPopcountAndAlwaysWin() {
    LookupTable perf = design("s8x8_perf_r0r1");
    assertEquals(0, perf.bilinear().pairs());
    for (int k : new int[] {16, 144, 288, 576}) {
      assertTrue(BilinearPolicy.AUTO.chooses(perf, k, 16), "K " + k);
      assertTrue(BilinearPolicy.AUTO.chooses(perf, k, 16, BilinearPolicy.NATIVE), "K " + k + ", native costs");
    }
  }

  /** More rows share one packing, so a layer never loses the bilinear path by having more output channels. */
  @Test
  void theRuleIsMonotoneInTheRowsSharingAPacking() {
    for (String d : new String[] {"s8x8_trunc6", "s8x8_trunc8", "s8x8_bam_h2v8", "s8x8_trunc4"}) {
      LookupTable t = design(d);
      for (BilinearPolicy.Costs costs : new BilinearPolicy.Costs[] {BilinearPolicy.JAVA, BilinearPolicy.NATIVE}) {
        for (int k : new int[] {27, 144, 288, 576}) {
          boolean before = false;
          for (int rows = 1; rows <= 128; rows *= 2) {
            boolean now = BilinearPolicy.AUTO.chooses(t, k, rows, costs);
            assertTrue(now || !before, d + " K " + k + " rows " + rows + " " + costs);
            before = now;
          }
        }
      }
    }
  }
}
