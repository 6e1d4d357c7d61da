package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.ToolTables.Order;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

/** The tool layouts against their index conventions, each expected index derived here from the convention. */
class ToolTablesTest {
  /** A non-commutative product, so that swapped operands show: p(a, w) = a*w + 3a - w. */
  static int p(int a, int w) {
    return a * w + 3 * a - w;
  }

  static Multiplier skewed(MultiplierFormat f) {
    int[] products = new int[f.tableSize()];
    for (int i = 0; i < products.length; i++) {
      products[i] = p(f.activationAt(i), f.weightAt(i));
    }
    return Multiplier.ofTable("skew", "test", ProductTable.of(f, products));
  }

  /** The numbers of a C initializer, in order. */
  static List<Integer> numbers(String body) {
    List<Integer> out = new ArrayList<>();
    Matcher m = Pattern.compile("-?\\d+").matcher(body);
    while (m.find()) {
      out.add(Integer.parseInt(m.group()));
    }
    return out;
  }

  @Test
  void torchApproxIsActivationMajorByTwosComplementPattern() {
    Multiplier m = skewed(MultiplierFormat.signed8x8());
    Npy npy = Npy.parse(Path.of("t.npy"), ToolTables.torchApproxNpy(m.table(), Path.of("t.npy")), 1 << 16);
    assertEquals(Npy.DType.I2, npy.dtype());
    assertArrayEquals(new long[] {256, 256}, npy.shape());
    // TorchApprox reads lut[(uint8_t) x][(uint8_t) w]: a = -3 is pattern 253, w = 5 is pattern 5
    int a = -3;
    int w = 5;
    assertEquals(p(a, w), npy.getLong((a & 0xFF) * 256 + (w & 0xFF)));
    assertEquals(p(-128, 127), npy.getLong(128 * 256 + 127));
    // for s8x8 it is the very table of the plain .npy export (index (a << 8) | w), so either file loads
    assertArrayEquals(MultiplierFiles.encode(m, FileFormat.NPY, Path.of("p.npy")),
        ToolTables.torchApproxNpy(m.table(), Path.of("t.npy")));
  }

  @Test
  void narrowWeightsSitAtTheirSignExtendedPattern() {
    int[] t = ToolTables.byBitPattern(skewed(MultiplierFormat.of(4, Signedness.SIGNED)).table(),
        Order.ACTIVATION_MAJOR);
    // s8x4 weight -8 is int8 pattern 0xF8 = 248; pattern 8 is no s8x4 weight and holds 0
    assertEquals(p(7, -8), t[7 * 256 + 248]);
    assertEquals(0, t[7 * 256 + 8]);
    assertEquals(p(-1, 7), t[255 * 256 + 7]);
  }

  @Test
  void torchApproxRefusesProductsBeyondInt16() {
    Multiplier u = BuiltinLibrary.byName("u8x8_exact").orElseThrow();
    var e = assertThrows(BadInputException.class, () -> ToolTables.torchApproxNpy(u.table(), Path.of("u.npy")));
    // 255 * 255 = 65025 > 32767
    assertTrue(e.getMessage().startsWith("u.npy") && e.getMessage().contains("int16"), e.getMessage());
  }

  @Test
  void adaptHeaderIsWeightMajorForConvAndActivationMajorForLinear() {
    Multiplier m = skewed(MultiplierFormat.signed8x8());
    String conv = new String(AdaptHeader.encode(m, Order.WEIGHT_MAJOR), StandardCharsets.US_ASCII);
    assertTrue(conv.contains("#include <stdint.h>"));
    int start = conv.indexOf("const int16_t lut [256][256] = {");
    assertTrue(start > 0, conv.substring(0, 600));
    List<Integer> conv2d = numbers(conv.substring(conv.indexOf('=', start) + 1));
    assertEquals(256 * 256, conv2d.size());
    // AdaPT's conv2d kernel reads lut[(uint8_t) weight][(uint8_t) input]
    int a = -3;
    int w = 5;
    assertEquals(p(a, w), conv2d.get((w & 0xFF) * 256 + (a & 0xFF)));

    String linear = new String(AdaptHeader.encode(m, Order.ACTIVATION_MAJOR), StandardCharsets.US_ASCII);
    List<Integer> fc = numbers(linear.substring(linear.indexOf('=', linear.indexOf("lut [")) + 1));
    // and its linear kernel lut[(uint8_t) input][(uint8_t) weight]
    assertEquals(p(a, w), fc.get((a & 0xFF) * 256 + (w & 0xFF)));
    assertFalse(ToolTables.orderFree(m.table()));
    assertTrue(ToolTables.orderFree(BuiltinLibrary.byName("s8x8_exact_bw").orElseThrow().table()));
  }

  @Test
  void unsignedHeaderWidensToInt32() {
    String h = new String(AdaptHeader.encode(BuiltinLibrary.byName("u8x8_exact").orElseThrow(), Order.WEIGHT_MAJOR),
        StandardCharsets.US_ASCII);
    assertTrue(h.contains("const int32_t lut [256][256]"));
    List<Integer> t = numbers(h.substring(h.indexOf('=', h.indexOf("lut [")) + 1));
    assertEquals(255 * 255, t.get(255 * 256 + 255));
    assertEquals(200 * 3, t.get(3 * 256 + 200));
  }
}
