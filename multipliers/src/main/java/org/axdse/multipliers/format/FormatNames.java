package org.axdse.multipliers.format;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.util.BadInputException;

/**
 * The one syntax of format names. Integers: {@code int<N>}, {@code uint<N>}, N = 2..8. Minifloats:
 * {@code e<E>m<M>} then optional parts in this order: {@code _b<bias>} (bias, may be negative), one of
 * {@code _ieee}, {@code _fn}, {@code _finite} (specials), {@code _nosub} (no subnormals), {@code _nosat}
 * (overflow to infinity or NaN). Omitted parts take {@link Minifloat#of}'s defaults; printing omits exactly
 * those, so {@code e4m3} is OCP E4M3 and {@code print(parse(s))} is canonical. Case-insensitive.
 */
final class FormatNames {
  private static final String SYNTAX =
      "expected int<N>, uint<N> (N = 2..8) or e<E>m<M>[_b<bias>][_ieee|_fn|_finite][_nosub][_nosat], e.g. e4m3";
  private static final Pattern INTEGER = Pattern.compile("(u?int)(\\d{1,2})");
  private static final Pattern MINIFLOAT = Pattern.compile(
      "e(\\d{1,2})m(\\d{1,2})(?:_b(-?\\d{1,3}))?(?:_(ieee|fn|finite))?(_nosub)?(_nosat)?");

  private FormatNames() {}

  static NumberFormat parse(String text) {
    if (text == null || text.isBlank()) {
      throw new BadInputException("format is empty: " + SYNTAX);
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    Matcher i = INTEGER.matcher(s);
    if (i.matches()) {
      int bits = Integer.parseInt(i.group(2));
      if (bits < 2 || bits > 8) {
        throw new BadInputException("format '" + text + "': integers have 2 to 8 bits, got " + bits);
      }
      return new IntegerFormat(bits, i.group(1).equals("int"));
    }
    Matcher f = MINIFLOAT.matcher(s);
    if (!f.matches()) {
      throw new BadInputException("format '" + text + "' does not parse: " + SYNTAX);
    }
    int e = Integer.parseInt(f.group(1));
    int m = Integer.parseInt(f.group(2));
    if (e < 1 || 1 + e + m > 8) {
      throw new BadInputException("format '" + text + "' has " + (1 + e + m) + " bits with " + e
          + " exponent bits: the table path needs at least 1 exponent bit and at most 8 bits (sign included)");
    }
    int bias = f.group(3) == null ? Minifloat.defaultBias(e) : Integer.parseInt(f.group(3));
    Specials specials = f.group(4) == null ? Minifloat.defaultSpecials(e, m)
        : Specials.valueOf(f.group(4).toUpperCase(Locale.ROOT));
    try {
      return new Minifloat(e, m, bias, f.group(5) == null, specials, f.group(6) == null);
    } catch (IllegalArgumentException ex) {
      throw new BadInputException("format '" + text + "': " + ex.getMessage());
    }
  }

  static String print(Minifloat f) {
    int e = f.exponentBits();
    int m = f.mantissaBits();
    StringBuilder s = new StringBuilder("e").append(e).append('m').append(m);
    if (f.bias() != Minifloat.defaultBias(e)) {
      s.append("_b").append(f.bias());
    }
    if (f.specials() != Minifloat.defaultSpecials(e, m)) {
      s.append('_').append(f.specials().suffix());
    }
    if (!f.subnormals()) {
      s.append("_nosub");
    }
    if (!f.saturate()) {
      s.append("_nosat");
    }
    return s.toString();
  }
}
