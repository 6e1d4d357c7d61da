package org.axdse.multipliers.format;

import java.util.ArrayList;
import java.util.List;

/** Test formats: the named ones and every valid combination of widths, specials, subnormals and overflow. */
final class MinifloatFormats {
  private MinifloatFormats() {}

  static List<Minifloat> named() {
    return List.of(Minifloat.e4m3(), Minifloat.e5m2(), Minifloat.e3m4(), Minifloat.e3m2(), Minifloat.e2m3(),
        Minifloat.e2m1());
  }

  /** Named formats with their variants: no subnormals, no saturation, another bias. */
  static List<Minifloat> namedAndVariants() {
    List<Minifloat> out = new ArrayList<>();
    for (Minifloat f : named()) {
      out.add(f);
      out.add(new Minifloat(f.exponentBits(), f.mantissaBits(), f.bias(), false, f.specials(), f.saturate()));
      out.add(new Minifloat(f.exponentBits(), f.mantissaBits(), f.bias() + 3, true, f.specials(), true));
      if (f.specials() != Specials.FINITE) {
        out.add(new Minifloat(f.exponentBits(), f.mantissaBits(), f.bias(), true, f.specials(), false));
      }
    }
    return out;
  }

  /** Every constructible format of 2 to 8 bits with the default bias and the default bias minus 2. */
  static List<Minifloat> all() {
    List<Minifloat> out = new ArrayList<>();
    for (int e = 1; e <= 7; e++) {
      for (int m = 0; 1 + e + m <= 8; m++) {
        for (Specials s : Specials.values()) {
          for (int b : new int[] {Minifloat.defaultBias(e), Minifloat.defaultBias(e) - 2}) {
            for (boolean sub : new boolean[] {true, false}) {
              for (boolean sat : new boolean[] {true, false}) {
                try {
                  out.add(new Minifloat(e, m, b, sub, s, sat));
                } catch (IllegalArgumentException invalid) {
                  // not a valid combination (e.g. FINITE without saturation): skipped by design
                }
              }
            }
          }
        }
      }
    }
    return out;
  }
}
