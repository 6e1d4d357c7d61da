package org.axdse.simulator.numformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.axdse.multipliers.format.Minifloat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grid's rounding against the format's own encoder ({@link Minifloat#encode}, then decode) on every value,
 * every midpoint between neighbours (the ties), just beside each, and random reals, saturating at the largest
 * finite value; and the direct (binade step) rounding against the binary search.
 */
class FormatGridTest {
  @ParameterizedTest
  @ValueSource(strings = {"e4m3", "e5m2", "e3m4", "e3m2", "e2m3", "e2m1"})
  void nearestIsTheFormatsOwnRoundingSaturated(String name) {
    Minifloat f = (Minifloat) org.axdse.multipliers.format.NumberFormat.parse(name);
    FormatGrid g = FormatGrid.of(f);
    double[] m = g.magnitudes();
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i + 1 < m.length; i++) {
      double mid = (m[i] + m[i + 1]) / 2;
      for (double x : new double[] {m[i], mid, Math.nextUp(mid), Math.nextDown(mid), m[i] + r.nextDouble()
          * (m[i + 1] - m[i])}) {
        for (double s : new double[] {x, -x}) {
          double decoded = f.decode(f.encode(s));
          double want = decoded == 0 ? 0.0 : decoded; // the grid gives +0 for both zeros
          assertEquals(want, g.nearest(s), name + " at " + s);
          assertEquals(want, g.searched(s, Math.abs(s)), name + " searched at " + s);
        }
      }
    }
    assertEquals(g.maxFinite(), g.nearest(1e30));
    assertEquals(-g.maxFinite(), g.nearest(-g.maxFinite() * 1.04));
  }
}
