package org.axdse.multipliers.library;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.generators.AdderCell;
import org.axdse.multipliers.generators.FloatDesign;
import org.axdse.multipliers.generators.MantissaMultiplier;

/**
 * The built-in float multipliers: for the FP8 formats E4M3, E5M2 and E3M4 the exact product word, its rounded
 * (RNE) form, truncated significand products, Mitchell's logarithmic one, L-Mul and AMA5 adders in the three lowest
 * columns; for the OCP MX element types
 * E3M2, E2M3 and E2M1 the exact and rounded designs. Truncation levels keep at least the top columns of the
 * {@code (2m+2)}-bit significand product.
 */
final class FloatCatalogue {
  private FloatCatalogue() {}

  static List<FloatDesign> designs() {
    List<FloatDesign> d = new ArrayList<>();
    fp8(d, Minifloat.e4m3(), new int[] {2, 3, 4}, 3);
    fp8(d, Minifloat.e5m2(), new int[] {2, 3}, 2);
    fp8(d, Minifloat.e3m4(), new int[] {3, 5}, 5);
    for (Minifloat f : List.of(Minifloat.e3m2(), Minifloat.e2m3(), Minifloat.e2m1())) {
      d.add(new FloatDesign(f, MantissaMultiplier.exact(), false));
      d.add(new FloatDesign(f, MantissaMultiplier.exact(), true));
    }
    return d;
  }

  private static void fp8(List<FloatDesign> d, Minifloat f, int[] truncations, int roundedTruncation) {
    d.add(new FloatDesign(f, MantissaMultiplier.exact(), false));
    d.add(new FloatDesign(f, MantissaMultiplier.exact(), true));
    for (int k : truncations) {
      d.add(new FloatDesign(f, MantissaMultiplier.truncated(k), false));
    }
    d.add(new FloatDesign(f, MantissaMultiplier.truncated(roundedTruncation), true));
    d.add(new FloatDesign(f, MantissaMultiplier.mitchell(), false));
    d.add(new FloatDesign(f, MantissaMultiplier.mitchell(), true));
    d.add(new FloatDesign(f, MantissaMultiplier.lmul(), false));
    d.add(new FloatDesign(f, MantissaMultiplier.lmul(), true));
    d.add(new FloatDesign(f, MantissaMultiplier.approximateAdders(AdderCell.AMA5, 3), false));
  }
}
