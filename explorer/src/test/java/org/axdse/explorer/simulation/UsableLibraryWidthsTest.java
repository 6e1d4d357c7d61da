package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.QuantMode;
import org.junit.jupiter.api.Test;

/** The library of a multi-width search: every width's exact design first, costs against the exact 8x8 design. */
class UsableLibraryWidthsTest {
  private static final MultiplierCatalog LIB = MultiplierCatalog.builtin();

  @Test
  void exactDesignsOfEveryWidthComeFirstAndNarrowerOnesSaveEnergy() {
    UsableLibrary u = UsableLibrary.ofWidths(LIB, QuantMode.SYMMETRIC, new WidthSet(List.of(4, 6, 8)));
    assertEquals("s8x8_exact_bw", u.exactName());
    assertEquals(List.of("s8x8_exact_bw", "s8x6_exact_bw", "s8x4_exact_bw"), u.names().subList(0, 3));
    Map<String, Double> power = u.multipliers().stream()
        .collect(Collectors.toMap(MultiplierInfo::name, MultiplierInfo::relativePower));
    assertEquals(1.0, power.get("s8x8_exact_bw"));
    assertTrue(power.get("s8x4_exact_bw") < power.get("s8x6_exact_bw") && power.get("s8x6_exact_bw") < 1.0);
    for (MultiplierInfo m : u.multipliers().subList(3, u.multipliers().size())) {
      int bits = LIB.byName(m.name()).format().weightBits();
      assertTrue(List.of(4, 6, 8).contains(bits), m.name());
      assertTrue(!LIB.byName(m.name()).table().isExact(), "approximate after the exact designs: " + m.name());
      assertTrue(m.relativePower() < power.get("s8x" + bits + "_exact_bw"),
          m.name() + " costs less than the exact design of its width");
    }
  }

  @Test
  void oneWidthIsTheSingleWidthLibrary() {
    assertEquals(UsableLibrary.of(LIB, QuantMode.ASYMMETRIC.format(6)),
        UsableLibrary.ofWidths(LIB, QuantMode.ASYMMETRIC, WidthSet.of(6)));
  }
}
