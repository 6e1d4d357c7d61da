package org.axdse.multipliers.generators;

import java.util.List;

/**
 * The integer multiplier of a float multiplier's {@code (m+1) x (m+1)} significands (hidden bit included), built
 * from the project's integer generators.
 *
 * <ul>
 *   <li>{@link #exact()}: all partial products, array reduction.
 *   <li>{@link #truncated(int)}: partial products {@code a_i w_j} with {@code i + j < k} dropped, no correction
 *       (Kidambi, El-Guibaly and Antoniou, "Area-efficient multipliers for digital signal processing
 *       applications", IEEE TCAS-II 43(2), 1996): the truncated-mantissa float multiplier.
 *   <li>{@link #mitchell()}: Mitchell's logarithmic product ({@link MitchellCircuit}); on normalized significands
 *       {@code (1 + f1)(1 + f2) ~ 1 + f1 + f2}, the classic log-domain float multiplier (Mitchell 1962; as an FP
 *       multiplier e.g. Saadat, Bokhari and Parameswaran, "Minimally Biased Multipliers for Approximate Integer and
 *       Floating-Point Multiplication", IEEE TCAD 37(11), 2018).
 * </ul>
 *
 * @param truncatedColumns {@code k} for truncation, 0 otherwise
 * @param logarithmic true for Mitchell
 */
public record MantissaMultiplier(int truncatedColumns, boolean logarithmic) {
  public MantissaMultiplier {
    if (truncatedColumns < 0 || logarithmic && truncatedColumns != 0) {
      throw new IllegalArgumentException("truncation needs k >= 1 and does not combine with Mitchell");
    }
  }

  public static MantissaMultiplier exact() {
    return new MantissaMultiplier(0, false);
  }

  public static MantissaMultiplier truncated(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("truncation needs k >= 1, got " + k);
    }
    return new MantissaMultiplier(k, false);
  }

  public static MantissaMultiplier mitchell() {
    return new MantissaMultiplier(0, true);
  }

  public boolean isExact() {
    return truncatedColumns == 0 && !logarithmic;
  }

  /** Name part: {@code exact}, {@code trunc<k>}, {@code mitchell}. */
  public String label() {
    return logarithmic ? "mitchell" : truncatedColumns > 0 ? "trunc" + truncatedColumns : "exact";
  }

  public String description() {
    return logarithmic ? "Mitchell logarithmic significand product"
        : truncatedColumns > 0 ? "significand product with the " + truncatedColumns + " lowest columns truncated"
        : "exact significand product";
  }

  /** The product of unsigned words {@code x} and {@code y}, {@code width} bits. */
  int[] multiply(Logic g, int[] x, int[] y, int width) {
    if (logarithmic) {
      return MitchellCircuit.multiply(g, x, y, width);
    }
    List<Term> terms = PartialProducts.without(PartialProducts.terms(x.length, y.length, false),
        t -> t.column() < truncatedColumns);
    BitMatrix m = PartialProducts.matrix(g, x, y, terms, 0, width);
    return Reducer.exact(g, width).reduce(m, Reduction.ARRAY);
  }
}
