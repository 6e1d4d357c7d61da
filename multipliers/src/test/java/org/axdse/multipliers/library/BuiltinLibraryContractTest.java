package org.axdse.multipliers.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** Every built-in multiplier against the contract all multipliers share. */
class BuiltinLibraryContractTest {

  /** Mean over pairs with a non-zero exact product of |approx - exact| / |exact|. */
  static double meanRelativeError(ProductTable t) {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < t.size(); i++) {
      long exact = t.exactAtIndex(i);
      if (exact != 0) {
        sum += Math.abs(t.atIndex(i) - exact) / (double) Math.abs(exact);
        count++;
      }
    }
    return sum / count;
  }

  @Test
  void everyMultiplierHonoursTheContract() {
    List<Multiplier> all = BuiltinLibrary.all();
    assertEquals(BuiltinLibrary.names().size(), all.size());
    Set<String> names = new HashSet<>();
    for (Multiplier m : all) {
      assertTrue(names.add(m.name()), "duplicate name " + m.name());
      MultiplierFormat f = m.format();
      assertTrue(m.name().matches("([us]8x[2-8]|e[2-5]m[1-4])_[a-z0-9_]+"), m.name());
      assertTrue(m.name().startsWith(f.namePrefix() + "_"), m.name() + " does not match format " + f);
      assertEquals(1 << (f.activationBits() + f.weightBits()), m.table().size(), m.name());
      assertNotNull(m.netlist(), m.name() + " is generated and must carry its circuit");
      assertEquals(f, m.netlist().format());
      assertFalse(m.description().isBlank(), m.name());
      MultiplierDesign d = BuiltinLibrary.design(m.name()).orElseThrow();
      assertEquals(f, d.format());
      if (d.zeroPreserving()) {
        for (int a = f.minActivation(); a <= f.maxActivation(); a++) {
          assertEquals(0, m.table().product(a, 0), m.name() + " a=" + a + " w=0");
        }
        for (int w = f.minWeight(); w <= f.maxWeight(); w++) {
          assertEquals(0, m.table().product(0, w), m.name() + " a=0 w=" + w);
        }
      }
    }
  }

  @Test
  void librarySpansFormatsAndErrorRange() {
    Map<String, Integer> perFormat = new TreeMap<>();
    for (Multiplier m : BuiltinLibrary.all()) {
      perFormat.merge(m.format().namePrefix(), 1, Integer::sum);
    }
    assertTrue(perFormat.getOrDefault("u8x8", 0) >= 40, perFormat.toString());
    assertTrue(perFormat.getOrDefault("s8x8", 0) >= 20, perFormat.toString());
    for (String narrow : List.of("u8x4", "s8x4", "u8x6", "s8x6")) {
      assertTrue(perFormat.getOrDefault(narrow, 0) >= 10, narrow + " in " + perFormat);
    }
    for (int n = 2; n <= 8; n++) {
      for (Signedness s : Signedness.values()) {
        assertTrue(perFormat.containsKey(MultiplierFormat.of(n, s).namePrefix()), n + " " + s);
      }
    }
    for (String prefix : List.of("u8x8", "s8x8")) {
      double min = Double.MAX_VALUE;
      double max = 0;
      for (Multiplier m : BuiltinLibrary.all()) {
        if (m.format().namePrefix().equals(prefix)) {
          double mre = meanRelativeError(m.table());
          min = Math.min(min, mre);
          max = Math.max(max, mre);
        }
      }
      assertEquals(0.0, min, prefix + " needs an exact design");
      assertTrue(max > 0.10, prefix + " max MRE " + max);
    }
  }

  @Test
  void exactDesignsAreExactAndLookupIsCached() {
    for (String name : List.of("u8x8_exact", "s8x8_exact_bw", "u8x8_wallace", "s8x8_dadda", "u8x4_exact")) {
      assertTrue(BuiltinLibrary.byName(name).orElseThrow().table().isExact(), name);
    }
    assertSame(BuiltinLibrary.byName("u8x8_trunc6").orElseThrow(),
        BuiltinLibrary.byName("u8x8_trunc6").orElseThrow());
    assertTrue(BuiltinLibrary.byName("u8x8_no_such_design").isEmpty());
    assertEquals(BuiltinLibrary.all(MultiplierFormat.signed8x8()).size(),
        BuiltinLibrary.designs().stream().filter(d -> d.format().equals(MultiplierFormat.signed8x8())).count());
  }
}
