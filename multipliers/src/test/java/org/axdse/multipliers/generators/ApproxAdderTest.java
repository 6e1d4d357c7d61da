package org.axdse.multipliers.generators;

import static org.axdse.multipliers.generators.TruncationTest.forEachPair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ApproxAdderTest {

  /**
   * Table I of Gupta et al. 2013, rows A B Cin = 000..111, written out here as (sum, carry) strings so the enum's
   * tables are checked against the paper rather than against themselves.
   */
  static final String[][] PUBLISHED = {
    // AMA1: sum wrong at 010 and 100, carry wrong at 010
    {"AMA1", "00 10 01 01 00 01 01 11"},
    // AMA2: sum = NOT carry, wrong at 000 and 111
    {"AMA2", "10 10 10 01 10 01 01 01"},
    // AMA3: AMA1's carry with sum = NOT carry
    {"AMA3", "10 10 01 01 10 01 01 01"},
    // AMA4: carry = A
    {"AMA4", "00 10 00 10 01 01 01 11"},
    // AMA5: carry = A, sum = B
    {"AMA5", "00 00 10 10 01 01 11 11"},
  };

  @Test
  void cellTablesMatchThePaper() {
    for (String[] row : PUBLISHED) {
      AdderCell cell = AdderCell.valueOf(row[0]);
      String[] entries = row[1].split(" ");
      for (int x = 0; x < 8; x++) {
        int a = x >> 2;
        int b = (x >> 1) & 1;
        int c = x & 1;
        assertEquals(entries[x].charAt(0) - '0', cell.sum(a, b, c), cell + " sum at " + x);
        assertEquals(entries[x].charAt(1) - '0', cell.carry(a, b, c), cell + " carry at " + x);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(AdderCell.class)
  void cellGatesImplementTheirTruthTable(AdderCell cell) {
    // Build the cell alone on operand bits a0, a1, a2 and read its outputs as product bits 0 and 1.
    Logic g = new Logic(MultiplierFormat.of(2, Signedness.UNSIGNED));
    int[] a = g.aBits();
    int[] out = cell.build(g, a[2], a[1], a[0]);
    int[] product = new int[10];
    java.util.Arrays.fill(product, Logic.ZERO);
    product[0] = out[0];
    product[1] = out[1];
    Netlist n = g.build("cell", product);
    ProductTable t = new org.axdse.multipliers.netlist.BitParallelSimulator(n).productTable();
    for (int x = 0; x < 8; x++) {
      int p = t.product(x, 0);
      assertEquals(cell.sum(x >> 2, (x >> 1) & 1, x & 1), p & 1);
      assertEquals(cell.carry(x >> 2, (x >> 1) & 1, x & 1), (p >> 1) & 1);
    }
  }

  static List<Arguments> cases() {
    List<Arguments> args = new ArrayList<>();
    for (Signedness s : Signedness.values()) {
      for (int n : new int[] {2, 4, 8}) {
        for (AdderCell cell : List.of(AdderCell.AMA1, AdderCell.AMA3, AdderCell.AMA5)) {
          for (Reduction r : Reduction.values()) {
            args.add(Arguments.of(MultiplierFormat.of(n, s), cell, r));
          }
        }
      }
    }
    return args;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void errorStaysBelowTheApproximateColumns(MultiplierFormat f, AdderCell cell, Reduction r) {
    int c = 6;
    ProductTable exactC0 = new ApproxAdderDesign(f, cell, 0, r).build().table();
    assertTrue(exactC0.isExact(), "no approximate columns means an exact multiplier");
    ProductTable t = new ApproxAdderDesign(f, cell, c, r).build().table();
    // Cells below column c change the weighted sum by at most 3 * 2^col each, and at most one cell per column
    // per reduction step exists, so the error is bounded by 3 * (steps) * (2^c - 1) with at most 8 + N steps;
    // an error reaching the high columns by a wiring mistake would break this bound.
    long bound = 3L * (8 + f.weightBits()) * ((1L << c) - 1);
    forEachPair(f, (a, w) -> assertTrue(Math.abs((long) t.product(a, w) - (long) a * w) <= bound,
        () -> f + " " + cell + " " + r + " a=" + a + " w=" + w + " -> " + t.product(a, w)));
    assertFalse(t.isExact(), "an approximate cell in 6 columns changes some product");
  }

  @Test
  void zeroPreservingCellsGiveZeroProducts() {
    for (AdderCell cell : List.of(AdderCell.AMA1, AdderCell.AMA4, AdderCell.AMA5)) {
      ApproxAdderDesign d = new ApproxAdderDesign(MultiplierFormat.unsigned8x8(), cell, 10, Reduction.ARRAY);
      assertTrue(d.zeroPreserving());
      ProductTable t = d.build().table();
      for (int v = 0; v < 256; v++) {
        assertEquals(0, t.product(0, v));
        assertEquals(0, t.product(v, 0));
      }
    }
    assertEquals("u8x8_ama3_c6",
        MultiplierDesign.approximateAdders(MultiplierFormat.unsigned8x8(), AdderCell.AMA3, 6).name());
  }
}
