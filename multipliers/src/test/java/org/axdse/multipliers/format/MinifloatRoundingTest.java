package org.axdse.multipliers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding against a brute-force nearest-value search with exact (BigDecimal) distances. */
class MinifloatRoundingTest {

  static List<Minifloat> formats() {
    return MinifloatFormats.namedAndVariants();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void encodeIsTheNearestValueTiesToEven(Minifloat f) {
    for (double x : probes(f)) {
      for (double signed : new double[] {x, -x}) {
        int expected = NearestCode.round(f, signed);
        int got = f.encode(signed);
        if (f.isNaN(expected)) {
          assertTrue(f.isNaN(got), f + " x=" + signed + " got " + got);
        } else {
          assertEquals(expected, got, f + " x=" + signed);
        }
      }
    }
  }

  @Test
  void e5m2MatchesRoundingIeeeHalfBitsToTheirTopByte() {
    // Independent method: RNE on the low 8 bits of the half pattern; a carry into the exponent gives infinity.
    Minifloat f = Minifloat.parse("e5m2_nosat");
    for (int bits = 0; bits < 0x10000; bits++) {
      float h = Float.float16ToFloat((short) bits);
      if (Float.isNaN(h)) {
        continue;
      }
      int magnitude = bits & 0x7FFF;
      int rounded = (magnitude + 0x7F + ((magnitude >> 8) & 1)) >> 8;
      int expected = ((bits >> 8) & 0x80) | Math.min(rounded, 0x7C);
      assertEquals(expected, f.encode(h), "half 0x" + Integer.toHexString(bits));
    }
  }

  private static List<Double> probes(Minifloat f) {
    List<Double> xs = new ArrayList<>();
    double[] v = positiveValues(f);
    double top = v[v.length - 1];
    double next = top + Math.scalb(1.0, f.exponent(f.maxCode()));
    for (int i = 0; i < v.length; i++) {
      double hi = i + 1 < v.length ? v[i + 1] : next;
      double mid = (v[i] + hi) / 2;
      xs.addAll(List.of(v[i], mid, Math.nextUp(mid), Math.nextDown(mid), Math.nextUp(v[i])));
    }
    xs.addAll(List.of(next, (next + top) / 2 + 2 * top, 1e300, Double.MIN_VALUE, f.minPositive() / 4));
    SplittableRandom r = new SplittableRandom(14);
    for (int i = 0; i < 2000; i++) {
      xs.add(Math.exp(r.nextDouble(Math.log(f.minPositive() / 8), Math.log(top * 4))));
    }
    return xs;
  }

  /** Positive finite values in code order, duplicates (flushed subnormals) dropped. */
  private static double[] positiveValues(Minifloat f) {
    List<Double> out = new ArrayList<>();
    for (int c = 0; c <= f.maxCode(); c++) {
      double v = f.decode(c);
      if (out.isEmpty() || v > out.get(out.size() - 1)) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
