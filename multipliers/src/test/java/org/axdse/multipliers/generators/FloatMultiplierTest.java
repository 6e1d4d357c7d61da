package org.axdse.multipliers.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.format.NearestCode;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Float multiplier netlists against independent float computations over every code pair. */
class FloatMultiplierTest {

  static List<Minifloat> formats() {
    return List.of(Minifloat.e4m3(), Minifloat.e5m2(), Minifloat.e3m4(), Minifloat.e3m2(), Minifloat.e2m3(),
        Minifloat.e2m1(), Minifloat.parse("e4m3_nosat"), Minifloat.parse("e5m2_nosat"),
        Minifloat.parse("e4m3_nosub"), Minifloat.parse("e5m2_b13_nosub"));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void roundedProductIsTheIeeeProductRoundedToNearestEven(Minifloat f) {
    ProductTable t = new FloatDesign(f, MantissaMultiplier.exact(), true).build().table();
    int n = f.codes();
    for (int i = 0; i < t.size(); i++) {
      double x = f.decode(i / n) * f.decode(i % n); // exact: at most 16 significant bits
      double expected;
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        expected = x; // IEEE: NaN propagates, 0 * inf = NaN, inf * finite = inf (only IEEE formats have inf)
      } else {
        expected = f.decode(NearestCode.round(f, x));
      }
      double got = FloatProduct.unpack(t.atIndex(i)).value();
      assertTrue(Double.isNaN(expected) ? Double.isNaN(got) : expected == got,
          f + " codes " + i / n + " x " + i % n + ": " + x + " -> " + got + ", expected " + expected);
    }
  }

  @Test
  void e5m2RoundedProductMatchesIeeeHalfRounding() {
    // Second, independent oracle: the product is exact in float; where it is also exact in binary16, rounding the
    // half's bit pattern to its top byte (RNE on the low 8 bits, carry into infinity) is E5M2 rounding.
    Minifloat f = Minifloat.parse("e5m2_nosat");
    ProductTable t = new FloatDesign(f, MantissaMultiplier.exact(), true).build().table();
    int checked = 0;
    for (int i = 0; i < 65536; i++) {
      float x = (float) (f.decode(i >> 8) * f.decode(i & 0xFF));
      short h = Float.floatToFloat16(x);
      if (Float.isNaN(x) || Float.float16ToFloat(h) != x) {
        continue;
      }
      int magnitude = h & 0x7FFF;
      int code = ((h >> 8) & 0x80) | Math.min((magnitude + 0x7F + ((magnitude >> 8) & 1)) >> 8, 0x7C);
      assertEquals(f.decode(code) + 0.0, FloatProduct.unpack(t.atIndex(i)).value() + 0.0, "pair " + i);
      checked++;
    }
    assertTrue(checked > 50_000, "pairs checked: " + checked);
  }

  @Test
  void e4m3RoundedProductMatchesRoundingFloat32Bits() {
    // Second, independent oracle: the product is exact in float32; where it is at least E4M3's smallest normal
    // (2^-6), rounding its bit pattern to 3 mantissa bits (RNE on the low 20 bits, carry into the exponent) and
    // rebiasing the exponent (127 -> 7) is E4M3 rounding; beyond 448 it saturates to code 0x7E.
    Minifloat f = Minifloat.e4m3();
    ProductTable t = new FloatDesign(f, MantissaMultiplier.exact(), true).build().table();
    int checked = 0;
    for (int i = 0; i < 65536; i++) {
      float x = (float) (f.decode(i >> 8) * f.decode(i & 0xFF));
      if (Float.isNaN(x) || Math.abs(x) < 0x1p-6f) {
        continue;
      }
      int bits = Float.floatToRawIntBits(x);
      int magnitude = bits & 0x7FFFFFFF;
      int rounded = (magnitude + 0x7FFFF + ((magnitude >> 20) & 1)) >> 20; // (exponent << 3) | mantissa, bias 127
      int code = Math.min(rounded - (120 << 3), 0x7E) | ((bits >>> 24) & 0x80);
      assertEquals(f.decode(code), FloatProduct.unpack(t.atIndex(i)).value(), "pair " + i);
      checked++;
    }
    assertTrue(checked > 40_000, "pairs checked: " + checked);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void exactWordIsTheExactProduct(Minifloat f) {
    assertTrue(new FloatDesign(f, MantissaMultiplier.exact(), false).build().table().isExact(), f.toString());
  }

  @Test
  void truncatedMantissaDropsExactlyTheLowColumns() {
    Minifloat f = Minifloat.e4m3();
    int k = 3;
    ProductTable t = new FloatDesign(f, MantissaMultiplier.truncated(k), false).build().table();
    for (int i = 0; i < t.size(); i++) {
      int a = i >> 8;
      int b = i & 0xFF;
      if (!f.isFinite(a) || !f.isFinite(b)) {
        continue;
      }
      long kept = 0; // sum of partial products a_i b_j 2^(i+j) with i + j >= k
      for (int x = 0; x < 4; x++) {
        for (int y = 0; y < 4; y++) {
          if (x + y >= k) {
            kept += (long) ((f.significand(a) >> x) & 1) * ((f.significand(b) >> y) & 1) << (x + y);
          }
        }
      }
      double expected = (f.negative(a) != f.negative(b) ? -1 : 1) * Math.scalb((double) kept,
          f.exponent(a) + f.exponent(b));
      assertEquals(expected + 0.0, FloatProduct.unpack(t.atIndex(i)).value() + 0.0, "pair " + a + ", " + b);
    }
  }

  @ParameterizedTest
  @MethodSource("fp8")
  void lmulAddsTheFractionsAndItsConstant(Minifloat f) {
    // (hA F + a)(hB F + b) with F = 2^m loses a*b and gains hA hB 2^(2m - l(m)) (Luo and Sun 2024)
    int m = f.mantissaBits();
    int l = m <= 3 ? m : m == 4 ? 3 : 4;
    ProductTable t = new FloatDesign(f, MantissaMultiplier.lmul(), false).build().table();
    for (int i = 0; i < t.size(); i++) {
      int a = i >> 8;
      int b = i & 0xFF;
      if (!f.isFinite(a) || !f.isFinite(b)) {
        continue;
      }
      long ha = f.significand(a) >> m;
      long hb = f.significand(b) >> m;
      long fa = f.significand(a) & ((1 << m) - 1);
      long fb = f.significand(b) & ((1 << m) - 1);
      long p = (ha * hb << (2 * m)) + ((ha * fb + hb * fa) << m) + (ha * hb << (2 * m - l));
      double expected = (f.negative(a) != f.negative(b) ? -1 : 1) * Math.scalb((double) p,
          f.exponent(a) + f.exponent(b));
      assertEquals(expected + 0.0, FloatProduct.unpack(t.atIndex(i)).value() + 0.0, f + " pair " + a + ", " + b);
    }
  }

  @ParameterizedTest
  @MethodSource("fp8")
  void approximateAddersErrOnlyBelowTheirColumnsAndTheirCarries(Minifloat f) {
    // AMA cells in the c lowest columns: those columns may be wrong (< 2^c) and so may each row's carry into
    // column c (at most m + 1 rows), so |P - P_exact| < (m + 2) * 2^c; columns above are exact adders.
    int m = f.mantissaBits();
    int c = 3;
    ProductTable t = new FloatDesign(f, MantissaMultiplier.approximateAdders(AdderCell.AMA5, c), false).build()
        .table();
    int wrong = 0;
    for (int i = 0; i < t.size(); i++) {
      int a = i >> 8;
      int b = i & 0xFF;
      if (!f.isFinite(a) || !f.isFinite(b)) {
        continue;
      }
      double unit = Math.scalb(1.0, f.exponent(a) + f.exponent(b));
      double error = Math.abs(FloatProduct.unpack(t.atIndex(i)).value() - f.decode(a) * f.decode(b)) / unit;
      assertTrue(error < (m + 2) << c, f + " pair " + a + ", " + b + ": error " + error + " units");
      wrong += error > 0 ? 1 : 0;
    }
    assertTrue(wrong > 0, "AMA5 changes some products");
  }

  static List<Minifloat> fp8() {
    return List.of(Minifloat.e4m3(), Minifloat.e5m2(), Minifloat.e3m4());
  }

  @Test
  void mitchellNeverOverestimatesAndStaysWithinItsBound() {
    Minifloat f = Minifloat.e4m3();
    ProductTable t = new FloatDesign(f, MantissaMultiplier.mitchell(), false).build().table();
    int exactPairs = 0;
    for (int i = 0; i < t.size(); i++) {
      int a = i >> 8;
      int b = i & 0xFF;
      if (!f.isFinite(a) || !f.isFinite(b) || f.significand(a) == 0 || f.significand(b) == 0) {
        continue;
      }
      double x = Math.abs(f.decode(a) * f.decode(b));
      double p = Math.abs(FloatProduct.unpack(t.atIndex(i)).value());
      assertTrue(p <= x && p >= x * 8 / 9 - Math.scalb(1.0, f.exponent(a) + f.exponent(b)),
          "pair " + a + ", " + b + ": " + p + " vs " + x);
      // Mitchell is exact when one significand is a power of two (a zero fraction)
      if (Integer.bitCount(f.significand(a)) == 1) {
        assertEquals(x, p, "pair " + a + ", " + b);
        exactPairs++;
      }
    }
    assertTrue(exactPairs > 1000);
  }
}
