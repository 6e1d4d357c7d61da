package org.axdse.multipliers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinifloatProductTest {

  static List<Minifloat> formats() {
    return MinifloatFormats.namedAndVariants();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void scaledProductIsTheExactProductOfEveryFinitePair(Minifloat f) {
    BigDecimal scale = new BigDecimal(Math.scalb(1.0, f.productScaleShift()));
    int widest = 0;
    for (int a = 0; a < f.codes(); a++) {
      for (int b = 0; b < f.codes(); b++) {
        if (!f.isFinite(a) || !f.isFinite(b)) {
          int na = a;
          int nb = b;
          assertThrows(IllegalArgumentException.class, () -> f.scaledProduct(na, nb));
          continue;
        }
        BigDecimal exact = new BigDecimal(f.decode(a)).multiply(new BigDecimal(f.decode(b))).multiply(scale);
        assertTrue(exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0, f + " product not an integer");
        widest = Math.max(widest, exact.toBigInteger().abs().bitLength());
        if (exact.toBigInteger().bitLength() <= 63) {
          assertEquals(exact.longValueExact(), f.scaledProduct(a, b), f + " codes " + a + ", " + b);
        } else {
          int na = a;
          int nb = b;
          assertThrows(ArithmeticException.class, () -> f.scaledProduct(na, nb));
        }
      }
    }
    assertEquals(widest, f.productMagnitudeBits(), f.toString());
  }

  @Test
  void onlyE5m2AmongTheNamedFormatsNeedsMoreThanALong() {
    assertEquals(36, Minifloat.e4m3().productMagnitudeBits()); // (14 * 2^5 * 2^9)^2 = 196 * 2^28, 8 + 28 bits
    assertEquals(64, Minifloat.e5m2().productMagnitudeBits()); // (7 * 2^13 * 2^16)^2 = 49 * 2^58, 6 + 58 bits
    assertFalse(Minifloat.e5m2().scaledProductFitsLong());
    for (Minifloat f : List.of(Minifloat.e4m3(), Minifloat.e3m4(), Minifloat.e3m2(), Minifloat.e2m3(),
        Minifloat.e2m1())) {
      assertTrue(f.scaledProductFitsLong(), f.toString());
    }
    assertEquals(18, Minifloat.e4m3().productScaleShift()); // smallest subnormal 2^-9, squared
  }

  @Test
  void significandAndExponentGiveTheValue() {
    Minifloat f = Minifloat.e4m3();
    for (int c = 0; c < 256; c++) {
      if (f.isFinite(c)) {
        double v = (f.negative(c) ? -1 : 1) * f.significand(c) * Math.pow(2, f.exponent(c));
        assertTrue(f.decode(c) == v, "code " + c);
      }
    }
  }
}
