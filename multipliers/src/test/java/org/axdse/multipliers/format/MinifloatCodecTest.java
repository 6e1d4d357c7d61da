package org.axdse.multipliers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinifloatCodecTest {

  static List<Minifloat> allFormats() {
    return MinifloatFormats.all();
  }

  @Test
  void enumerationCoversManyFormats() {
    // 36 (e, m) pairs; most take several specials/bias/subnormal/overflow variants.
    assertTrue(MinifloatFormats.all().size() > 300, "formats: " + MinifloatFormats.all().size());
  }

  @ParameterizedTest
  @MethodSource("allFormats")
  void everyCodeRoundTripsThroughItsValue(Minifloat f) {
    for (int c = 0; c < f.codes(); c++) {
      double v = f.decode(c);
      int back = f.encode(v);
      if (f.isNaN(c)) {
        assertTrue(f.isNaN(back), f + " NaN code " + c);
      } else if (!f.subnormals() && f.exponentField(c) == 0) {
        // flushed patterns all decode to a signed zero, whose code has a zero mantissa
        assertEquals(c & f.signBit(), back, f + " code " + c);
      } else {
        assertEquals(c, back, f + " code " + c + " value " + v);
      }
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(f.decode(back)), f + " code " + c);
    }
  }

  @ParameterizedTest
  @MethodSource("allFormats")
  void positiveFiniteCodesIncreaseInValueUpToTheMaximum(Minifloat f) {
    double previous = -1;
    for (int c = 0; c <= f.maxCode(); c++) {
      double v = f.decode(c);
      assertTrue(v >= previous && !Double.isNaN(v), f + " code " + c);
      previous = v;
    }
    for (int c = f.maxCode() + 1; c < f.signBit(); c++) {
      assertTrue(!f.isFinite(c), f + " code above maxCode is finite: " + c);
    }
  }

  @Test
  void e5m2IsTheTopByteOfIeeeHalf() {
    Minifloat f = Minifloat.e5m2();
    for (int c = 0; c < 256; c++) {
      float half = Float.float16ToFloat((short) (c << 8));
      double v = f.decode(c);
      if (Float.isNaN(half)) {
        assertTrue(Double.isNaN(v), "code " + c);
      } else {
        assertEquals((double) half, v, "code " + c);
      }
    }
  }

  @Test
  void ocpValuesOfTheNamedFormats() {
    Minifloat e4m3 = Minifloat.e4m3();
    assertEquals(448.0, e4m3.maxFinite());
    assertEquals(0x7E, e4m3.maxCode());
    assertTrue(e4m3.isNaN(0x7F) && e4m3.isNaN(0xFF));
    assertEquals(2, countNaN(e4m3));
    assertEquals(Math.scalb(1.0, -9), e4m3.minPositive());
    assertEquals(Math.scalb(1.0, -6), e4m3.decode(0x08));
    assertEquals(57344.0, Minifloat.e5m2().maxFinite());
    assertEquals(Math.scalb(1.0, -16), Minifloat.e5m2().minPositive());
    assertEquals(6, countNaN(Minifloat.e5m2()));
    assertEquals(30.0, Minifloat.e3m4().maxFinite());
    assertEquals(Math.scalb(1.0, -6), Minifloat.e3m4().minPositive());
    assertEquals(28.0, Minifloat.e3m2().maxFinite());
    assertEquals(7.5, Minifloat.e2m3().maxFinite());
    assertEquals(0.125, Minifloat.e2m3().minPositive());
    double[] e2m1 = Arrays.copyOf(Minifloat.e2m1().values(), 8);
    assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0), Arrays.stream(e2m1).boxed().toList());
    assertEquals(-6.0, Minifloat.e2m1().decode(0xF));
  }

  @Test
  void overflowRules() {
    Minifloat sat = Minifloat.e4m3();
    Minifloat fnNoSat = Minifloat.parse("e4m3_nosat");
    Minifloat ieeeNoSat = Minifloat.parse("e5m2_nosat");
    assertEquals(0x7E, sat.encode(1e9));
    assertEquals(0xFE, sat.encode(Double.NEGATIVE_INFINITY)); // no infinity in E4M3: saturates
    assertEquals(0xFC, Minifloat.e5m2().encode(Double.NEGATIVE_INFINITY)); // an infinity stays one
    // 464 is halfway between 448 (mantissa 110, even) and 480 (mantissa 111): ties to 448
    assertEquals(0x7E, fnNoSat.encode(464));
    assertTrue(fnNoSat.isNaN(fnNoSat.encode(464.0001)));
    // E5M2's 57344 has mantissa 11 (odd): the tie at 61440 rounds up, beyond the maximum, to infinity
    assertEquals(0x7C, ieeeNoSat.encode(61440));
    assertEquals(0x7B, ieeeNoSat.encode(61439.99));
    assertEquals(0xFC, ieeeNoSat.encode(Double.NEGATIVE_INFINITY));
    assertEquals(0x7B, Minifloat.e5m2().encode(61440));
  }

  private static int countNaN(Minifloat f) {
    int n = 0;
    for (int c = 0; c < f.codes(); c++) {
      n += f.isNaN(c) ? 1 : 0;
    }
    return n;
  }
}
