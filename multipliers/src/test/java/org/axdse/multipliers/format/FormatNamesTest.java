package org.axdse.multipliers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatNamesTest {

  @Test
  void everyFormatPrintsToANameThatParsesBack() {
    for (Minifloat f : MinifloatFormats.all()) {
      assertEquals(f, NumberFormat.parse(f.name()), f.name());
      assertEquals(f.name(), NumberFormat.parse(f.name().toUpperCase()).name());
    }
    for (int bits = 2; bits <= 8; bits++) {
      for (boolean signed : new boolean[] {true, false}) {
        IntegerFormat i = new IntegerFormat(bits, signed);
        assertEquals(i, NumberFormat.parse(i.name()));
      }
    }
  }

  @Test
  void namedFormatsHaveShortNames() {
    assertEquals("e4m3", Minifloat.e4m3().name());
    assertEquals(Minifloat.e5m2(), NumberFormat.parse("E5M2"));
    assertEquals(new Minifloat(4, 3, 7, true, Specials.IEEE, true), NumberFormat.parse("e4m3_ieee"));
    assertEquals(new Minifloat(4, 3, 8, false, Specials.FN, false), NumberFormat.parse("e4m3_b8_nosub_nosat"));
    assertEquals(new IntegerFormat(8, true), NumberFormat.parse("INT8"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"E9M0", "E4M3x", "e4m5", "e0m7", "e2m1_nosat", "e4m3_fn_ieee", "e4m3_nosat_nosub",
      "int9", "uint1", "fp8", "", "e5m2_b999"})
  void badNamesAreOneLineBadInput(String text) {
    BadInputException e = assertThrows(BadInputException.class, () -> NumberFormat.parse(text));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("'" + text + "'") || text.isEmpty(), e.getMessage());
  }

  @Test
  void integerFormatsEncodeWithSaturationAndDecodeTwosComplement() {
    IntegerFormat s8 = new IntegerFormat(8, true);
    assertEquals(-1.0, s8.decode(0xFF));
    assertEquals(0x7F, s8.encode(1000));
    assertEquals(0x80, s8.encode(-1000));
    assertEquals(2, s8.encode(2.5)); // ties to even
    assertEquals(0xFE, s8.encode(-2.5)); // ties to even: -2
  }
}
