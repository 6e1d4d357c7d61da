package org.axdse.multipliers.table;

import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;

/**
 * The two output layouts of a float multiplier circuit, and their reading as {@link FloatProduct}s.
 *
 * <ul>
 *   <li>Rounded: {@code element.bits()} product bits, a code of the operand format itself (the product rounded
 *       to nearest even with the format's overflow rule).
 *   <li>Exact word: {@link #wordBits} product bits, LSB first: the significand product {@code P} ({@code 2m+2}
 *       bits), the exponent sum {@code S} ({@code e+1} bits), the sign, an infinity flag and a NaN flag; the value
 *       is {@code ±P * 2^(S - 2 * (bias + m))}, no normalization and no rounding.
 * </ul>
 */
public final class FloatProductWords {
  private FloatProductWords() {}

  /** Width of the exact-product word: {@code (2m + 2) + (e + 1) + 3}, 16 bits for E4M3, 15 for E5M2. */
  public static int wordBits(Minifloat f) {
    return significandBits(f) + exponentBits(f) + 3;
  }

  public static int significandBits(Minifloat f) {
    return 2 * (f.mantissaBits() + 1);
  }

  public static int exponentBits(Minifloat f) {
    return f.exponentBits() + 1;
  }

  /** True when {@code productBits} is one of the two layouts of {@code f}. */
  public static boolean isLayout(Minifloat f, int productBits) {
    return productBits == f.bits() || productBits == wordBits(f);
  }

  /** The packed product read from the raw output bits {@code raw} of a circuit with {@code productBits} outputs. */
  public static int packed(Minifloat f, int productBits, int raw) {
    if (productBits == f.bits()) {
      return FloatProduct.ofValue(f.decode(raw)).pack();
    }
    if (productBits != wordBits(f)) {
      throw new IllegalArgumentException("a " + f + " multiplier has " + f.bits() + " (rounded) or " + wordBits(f)
          + " (exact word) product bits, got " + productBits);
    }
    int sb = significandBits(f);
    int eb = exponentBits(f);
    long p = raw & ((1L << sb) - 1);
    int s = (raw >>> sb) & ((1 << eb) - 1);
    boolean negative = ((raw >>> (sb + eb)) & 1) != 0;
    boolean inf = ((raw >>> (sb + eb + 1)) & 1) != 0;
    boolean nan = ((raw >>> (sb + eb + 2)) & 1) != 0;
    if (nan) {
      return FloatProduct.ofValue(Double.NaN).pack();
    }
    if (inf) {
      return FloatProduct.ofValue(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY).pack();
    }
    return FloatProduct.of(negative ? -p : p, s - 2 * (f.bias() + f.mantissaBits())).pack();
  }

  /** Replaces every raw output in {@code raw} (in place) by its packed product; returns the array. */
  static int[] packAll(Minifloat f, int productBits, int[] raw) {
    for (int i = 0; i < raw.length; i++) {
      raw[i] = packed(f, productBits, raw[i]);
    }
    return raw;
  }

  /** The product table of a float circuit from its raw outputs, index order. */
  public static ProductTable table(MultiplierFormat format, int productBits, int[] raw) {
    return ProductTable.of(format, packAll(format.element(), productBits, raw.clone()));
  }
}
