package org.axdse.multipliers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class FloatProductTest {

  @Test
  void exactTablesOfTheNamedFormatsHoldTheIeeeProductOfEveryPair() {
    for (Minifloat f : MinifloatFormats.named()) {
      ProductTable t = ProductTable.exact(MultiplierFormat.of(f));
      assertEquals(f.codes() * f.codes(), t.size());
      assertTrue(t.isExact());
      for (int i = 0; i < t.size(); i++) {
        double expected = f.decode(i >>> f.bits()) * f.decode(i & (f.codes() - 1)); // exact in a double
        double got = FloatProduct.unpack(t.atIndex(i)).value();
        assertTrue(Double.isNaN(expected) ? Double.isNaN(got) : expected == got, f + " index " + i);
      }
    }
  }

  @Test
  void packedProductsAreEqualExactlyWhenTheirValuesAre() {
    Minifloat f = Minifloat.e4m3();
    Map<Integer, Double> seen = new HashMap<>();
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        if (f.isFinite(a) && f.isFinite(b)) {
          int packed = FloatProduct.exact(f, a, b).pack();
          double v = f.decode(a) * f.decode(b) + 0.0; // + 0.0 folds -0 into 0: packed products have no sign of zero
          Double before = seen.putIfAbsent(packed, v);
          assertTrue(before == null || before == v, "packed " + packed);
          assertEquals(v, FloatProduct.unpack(packed).value());
        }
      }
    }
    assertEquals(seen.size(), seen.values().stream().distinct().count());
    assertEquals(0, FloatProduct.of(0, 5).pack());
  }

  @Test
  void scaledMatchesTheFormatsScaledProduct() {
    Minifloat f = Minifloat.e3m4();
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        if (f.isFinite(a) && f.isFinite(b)) {
          assertEquals(f.scaledProduct(a, b), FloatProduct.exact(f, a, b).scaled(f.productScaleShift()));
        }
      }
    }
    assertThrows(ArithmeticException.class, () -> FloatProduct.of(3, -1).scaled(0));
  }

  @Test
  void nonFiniteProductsFollowIeee() {
    Minifloat f = Minifloat.e5m2();
    int inf = 0x7C;
    int negOne = 0xBC;
    assertTrue(FloatProduct.exact(f, 0, inf).isNaN()); // 0 * inf
    assertEquals(Double.NEGATIVE_INFINITY, FloatProduct.unpack(FloatProduct.exact(f, negOne, inf).pack()).value());
    assertTrue(FloatProduct.unpack(FloatProduct.exact(f, 0x7F, 0x3C).pack()).isNaN());
    assertFalse(FloatProduct.exact(f, 0x3C, 0x3C).isNaN());
    assertEquals(1.0, FloatProduct.exact(f, 0x3C, 0x3C).value()); // 1 * 1
  }
}
