package org.axdse.multipliers.generators;

import java.util.ArrayList;
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
 *   <li>{@link #lmul()}: L-Mul (H. Luo and W. Sun, "Addition is All You Need for Energy-efficient Language
 *       Models", arXiv 2410.00907, 2024): {@code (1 + f1)(1 + f2) ~ 1 + f1 + f2 + 2^-l(m)}, {@code l(m) = m} for
 *       {@code m <= 3}, 3 for {@code m = 4}, 4 above. As partial products: the hidden bits' row and column are
 *       kept, the {@code m x m} fraction block is dropped, and the AND of the two hidden bits adds the constant in
 *       column {@code 2m - l(m)}. Mitchell without the leading-one detectors, since a normal significand's leading
 *       one is the hidden bit; a subnormal operand keeps only its product with the other's hidden bit.
 *   <li>{@link #approximateAdders(AdderCell, int)}: all partial products, the full adders of the {@code c} lowest
 *       columns replaced by an approximate mirror adder (Gupta et al., IEEE TCAD 32(1), 2013), as the integer
 *       {@link ApproxAdderDesign}.
 * </ul>
 *
 * @param kind which multiplier
 * @param columns {@code k} for truncation, {@code c} for approximate adders, 0 otherwise
 * @param cell the adder cell of the {@code c} lowest columns ({@link AdderCell#EXACT} unless approximate adders)
 */
public record MantissaMultiplier(Kind kind, int columns, AdderCell cell) {
  /** The significand multipliers. */
  public enum Kind { EXACT, TRUNCATED, MITCHELL, LMUL, APPROXIMATE_ADDERS }

  public MantissaMultiplier {
    boolean counted = kind == Kind.TRUNCATED || kind == Kind.APPROXIMATE_ADDERS;
    if (kind == null || cell == null || counted != (columns >= 1) || columns < 0
        || (kind == Kind.APPROXIMATE_ADDERS) != (cell != AdderCell.EXACT)) {
      throw new IllegalArgumentException("truncation and approximate adders need >= 1 columns (and an approximate"
          + " cell), other kinds neither: " + kind + " " + columns + " " + cell);
    }
  }

  public MantissaMultiplier(Kind kind, int columns) {
    this(kind, columns, AdderCell.EXACT);
  }

  public static MantissaMultiplier exact() {
    return new MantissaMultiplier(Kind.EXACT, 0);
  }

  public static MantissaMultiplier approximateAdders(AdderCell cell, int columns) {
    return new MantissaMultiplier(Kind.APPROXIMATE_ADDERS, columns, cell);
  }

  public static MantissaMultiplier truncated(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("truncation needs k >= 1, got " + k);
    }
    return new MantissaMultiplier(Kind.TRUNCATED, k);
  }

  public static MantissaMultiplier mitchell() {
    return new MantissaMultiplier(Kind.MITCHELL, 0);
  }

  public static MantissaMultiplier lmul() {
    return new MantissaMultiplier(Kind.LMUL, 0);
  }

  public boolean isExact() {
    return kind == Kind.EXACT;
  }

  /** True for the designs that need at least one mantissa bit (Mitchell, L-Mul). */
  public boolean needsFraction() {
    return kind == Kind.MITCHELL || kind == Kind.LMUL;
  }

  /** Name part: {@code exact}, {@code trunc<k>}, {@code mitchell}, {@code lmul}. */
  public String label() {
    return switch (kind) {
      case EXACT -> "exact";
      case TRUNCATED -> "trunc" + columns;
      case MITCHELL -> "mitchell";
      case LMUL -> "lmul";
      case APPROXIMATE_ADDERS -> cell.label() + "_c" + columns;
    };
  }

  public String description() {
    return switch (kind) {
      case EXACT -> "exact significand product";
      case TRUNCATED -> "significand product with the " + columns + " lowest columns truncated";
      case MITCHELL -> "Mitchell logarithmic significand product";
      case LMUL -> "L-Mul significand product (fractions added, no fraction product)";
      case APPROXIMATE_ADDERS -> "significand product with " + cell.label().toUpperCase(java.util.Locale.ROOT)
          + " adders in the " + columns + " lowest columns";
    };
  }

  /** L-Mul's offset exponent {@code l(m)}. */
  public static int lmulOffset(int mantissaBits) {
    return mantissaBits <= 3 ? mantissaBits : mantissaBits == 4 ? 3 : 4;
  }

  /** The product of unsigned significand words {@code x} and {@code y} (hidden bit on top), {@code width} bits. */
  int[] multiply(Logic g, int[] x, int[] y, int width) {
    if (kind == Kind.MITCHELL) {
      return MitchellCircuit.multiply(g, x, y, width);
    }
    List<Term> all = PartialProducts.terms(x.length, y.length, false);
    List<Term> terms = switch (kind) {
      case TRUNCATED -> PartialProducts.without(all, t -> t.column() < columns);
      case LMUL -> lmulTerms(all, x.length - 1);
      default -> all;
    };
    BitMatrix m = PartialProducts.matrix(g, x, y, terms, 0, width);
    return new Reducer(g, width, cell, kind == Kind.APPROXIMATE_ADDERS ? columns : 0).reduce(m, Reduction.ARRAY);
  }

  private static List<Term> lmulTerms(List<Term> all, int m) {
    List<Term> terms = new ArrayList<>(PartialProducts.without(all, t -> t.i() < m && t.j() < m));
    terms.add(new Term(m, m, 1, 2 * m - lmulOffset(m)));
    return terms;
  }
}
