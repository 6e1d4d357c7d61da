package org.axdse.multipliers.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignificandDesignsTest {
  private static final MultiplierCatalog BUILTIN = MultiplierCatalog.builtin();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"e4m3", "e5m2", "e3m4"})
  void theExactIntegerDesignGivesTheExactFloatProductsForEveryPair(String format) {
    Multiplier m = BUILTIN.byName(format + "_sig_u8x8_exact");
    assertEquals(MultiplierFormat.of(Minifloat.parse(format)), m.format());
    // all 65,536 pairs: the table of exact IEEE products, the exact product word's
    assertEquals(ProductTable.exact(m.format()), m.table());
    assertEquals(BUILTIN.byName(format + "_exact").table(), m.table());
    assertEquals(BUILTIN.byName(format + "_exact_rne").table(), BUILTIN.byName(format + "_sig_u8x8_exact_rne")
        .table());
  }

  @Test
  void constantInputsFoldAwaySoTheExactCompositionIsTheFloatArray() {
    // the low operand bits are tied to 0: what is left of the 8x8 array is the 4x4 significand array
    assertEquals(BUILTIN.byName("e4m3_exact").netlist().cells().size(),
        BUILTIN.byName("e4m3_sig_u8x8_exact").netlist().cells().size());
  }

  @ParameterizedTest
  @CsvSource({"e4m3, u8x8_mitchell", "e4m3, u8x8_drum3", "e4m3, u8x8_trunc12_vc", "e4m3, u8x8_bam_h4v10",
      "e4m3, u8x8_ama5_c10", "e5m2, u8x8_trunc12", "e3m4, u8x8_drum4", "e2m3, u8x8_mitchell",
      "e4m3, u8x4_trunc6"})
  void anApproximateDesignEqualsAnIndependentComputationForEveryPair(String format, String integer) {
    Minifloat f = Minifloat.parse(format);
    Multiplier intMul = BUILTIN.byName(integer);
    ProductTable t = BUILTIN.byName(format + "_sig_" + integer).table();
    int bits = f.mantissaBits() + 1;
    int shiftA = intMul.format().activationBits() - bits;
    int shiftW = intMul.format().weightBits() - bits;
    ProductTable exact = ProductTable.exact(t.format());
    int differ = 0;
    for (int i = 0; i < t.size(); i++) {
      int a = i >> f.bits();
      int b = i & ((1 << f.bits()) - 1);
      if (!f.isFinite(a) || !f.isFinite(b)) {
        assertEquals(exact.atIndex(i), t.atIndex(i), "special pair " + a + ", " + b);
        continue;
      }
      // significands on the integer operands' top bits; the product's top 2m+2 bits are the significand product
      long p = Integer.toUnsignedLong(intMul.table().product(f.significand(a) << shiftA, f.significand(b) << shiftW));
      long kept = (p >>> (shiftA + shiftW)) & ((1L << (2 * bits)) - 1);
      long signed = f.negative(a) != f.negative(b) ? -kept : kept;
      int expected = FloatProduct.of(signed, f.exponent(a) + f.exponent(b)).pack();
      assertEquals(expected, t.atIndex(i), "pair " + a + ", " + b);
      differ += expected != exact.atIndex(i) ? 1 : 0;
    }
    assertTrue(differ > 0, integer + " is approximate on " + format + " significands");
  }

  @Test
  void lowColumnApproximationsVanishOnMsbAlignedSignificands() {
    // u8x8_trunc6 drops partial products of columns 0..5; E4M3 significands only reach columns 8..14
    assertNotEquals(ProductTable.exact(MultiplierFormat.unsigned8x8()), BUILTIN.byName("u8x8_trunc6").table());
    assertTrue(BUILTIN.byName("e4m3_sig_u8x8_trunc6").table().isExact());
  }

  @Test
  void verilogRoundTripKeepsTheTable() {
    for (String name : List.of("e4m3_sig_u8x8_mitchell", "e4m3_sig_u8x8_bam_h4v10_rne")) {
      Multiplier m = BUILTIN.byName(name);
      Path file = dir.resolve(name + ".v");
      MultiplierFiles.write(m, file);
      Multiplier back = MultiplierFiles.read(file);
      assertEquals(m.format(), back.format());
      assertEquals(m.table(), back.table());
    }
  }

  @Test
  void aLibraryCircuitComposesAndIsListedAmongTheFloatDesigns() {
    Multiplier source = BUILTIN.byName("u8x8_bam_h4v10");
    MultiplierFiles.write(new Multiplier("mul8u_lib", "imported", source.table(), source.netlist().withName(
        "mul8u_lib"), null), dir.resolve("mul8u_lib.v"));
    MultiplierCatalog catalog = MultiplierCatalog.withDirectories(List.of(dir));
    assertEquals(BUILTIN.byName("e4m3_sig_u8x8_bam_h4v10").table(), catalog.byName("e4m3_sig_mul8u_lib").table());
    List<String> e4m3 = catalog.all(MultiplierFormat.of(Minifloat.e4m3())).stream().map(Multiplier::name).toList();
    assertTrue(e4m3.containsAll(List.of("e4m3_sig_mul8u_lib", "e4m3_sig_mul8u_lib_rne")), e4m3.toString());
    assertFalse(BUILTIN.all(MultiplierFormat.of(Minifloat.e4m3())).stream()
        .anyMatch(m -> m.name().contains("_sig_")), "built-in integer designs are named, not listed");
    Multiplier mx = catalog.byName("e4m3_sig_mul8u_lib_mx32");
    assertEquals(catalog.byName("e4m3_sig_mul8u_lib").table(), mx.table());
    assertTrue(catalog.contains("e4m3_sig_mul8u_lib") && !BUILTIN.contains("e4m3_sig_mul8u_lib"));
  }

  @Test
  void unusableIntegerDesignsAreOneLineBadInput() {
    assertMessage("e4m3_sig_s8x8_exact_bw", "significand multiplier 's8x8_exact_bw' is signed");
    assertMessage("e3m4_sig_u8x4_trunc6", "has 8x4-bit operands; e3m4 significands need at least 5 bits");
    assertMessage("e4m3_sig_no_such", "unknown integer multiplier 'no_such'");
    assertMessage("e4m3_sig_no_such_rne", "unknown integer multiplier 'no_such'");
    assertMessage("e4m3_sig_e4m3_exact", "is a float multiplier");
    assertMessage("e9m0_sig_u8x8_exact", "unknown multiplier 'e9m0_sig_u8x8_exact'");
    Multiplier table = Multiplier.ofTable("tab8", "", ProductTable.exact(MultiplierFormat.unsigned8x8()));
    MultiplierFiles.write(table, dir.resolve("tab8.bin"));
    BadInputException e = assertThrows(BadInputException.class,
        () -> MultiplierCatalog.withDirectories(List.of(dir)).byName("e4m3_sig_tab8"));
    assertTrue(e.getMessage().contains("'tab8' is table-only") && !e.getMessage().contains("\n"), e.getMessage());
    assertFalse(MultiplierCatalog.withDirectories(List.of(dir)).contains("e4m3_sig_tab8"));
  }

  private static void assertMessage(String name, String part) {
    BadInputException e = assertThrows(BadInputException.class, () -> BUILTIN.byName(name));
    assertTrue(e.getMessage().contains(part) && !e.getMessage().contains("\n"), e.getMessage());
  }
}
