package org.axdse.explorer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.explorer.backend.FloatFormats;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.QuantMode;
import org.junit.jupiter.api.Test;

/**
 * {@code --number-formats mxfp8}: the OCP MX names become {@code <element>_mx32}, and the element format's designs
 * join the search under their block-scaled names ({@code e4m3_lmul_mx32}), with the element multiplier's cost,
 * beside the per-tensor designs of the same format when both are asked for.
 */
class MxFormatsLibraryTest {
  private static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  @Test
  void mxNamesParseToCanonicalBlockScaledFormats() {
    assertEquals(List.of("e4m3_mx32", "e4m3", "e2m3_mx32", "e2m1_mx32", "e5m2_mx32"),
        FloatFormats.parse("mxfp8, e4m3,E4M3_MX32,mxfp6,MXFP4,e5m2_mx32", "--number-formats"));
    BadInputException e = assertThrows(BadInputException.class,
        () -> FloatFormats.parse("e4m3x_mx32", "--number-formats"));
    assertTrue(e.getMessage().startsWith("--number-formats e4m3x_mx32: format 'e4m3x' does not parse"),
        e.getMessage());
  }

  @Test
  void blockScaledDesignsJoinWithTheElementMultipliersCost() {
    UsableLibrary integer = UsableLibrary.ofWidths(CATALOG, QuantMode.SYMMETRIC, WidthSet.of(8));
    UsableLibrary tensor = integer.withFloatFormats(CATALOG, List.of("e4m3"));
    UsableLibrary both = integer.withFloatFormats(CATALOG, List.of("e4m3", "e4m3_mx32"));
    List<String> plain = tensor.names().stream().filter(n -> n.startsWith("e4m3_")).toList();
    List<String> mx = both.names().stream().filter(n -> n.endsWith("_mx32")).toList();
    assertEquals(plain.stream().map(n -> n + "_mx32").toList(), mx, "every per-tensor candidate, block-scaled");
    assertTrue(mx.contains("e4m3_exact_mx32") && mx.contains("e4m3_lmul_mx32"), mx.toString());
    for (MultiplierInfo m : both.multipliers()) {
      if (m.name().endsWith("_mx32")) {
        MultiplierInfo base = tensor.multipliers().stream()
            .filter(b -> b.name().equals(m.name().replace("_mx32", ""))).findFirst().orElseThrow();
        assertEquals(base.relativePower(), m.relativePower(), 0.0, m.name());
        assertTrue(UsableLibrary.isFloat(CATALOG, m.name()), m.name() + " resolves to a float design");
      }
    }
    assertEquals(tensor.names().size() + mx.size(), both.names().size());
  }
}
