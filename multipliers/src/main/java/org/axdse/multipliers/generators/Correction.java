package org.axdse.multipliers.generators;

/** Error correction of a truncated multiplier. */
public enum Correction {
  /** Plain truncation: the dropped columns are lost. */
  NONE(""),
  /**
   * Constant correction: add the expected value of the dropped terms, {@code sum sign 2^(i+j) / 4} over the
   * dropped terms (each {@code a_i w_j} is 1 with probability 1/4 under uniform operands), rounded to the nearest
   * integer (halves up). After S. S. Kidambi, F. El-Guibaly and A. Antoniou, "Area-Efficient Multipliers for
   * Digital Signal Processing Applications", IEEE Trans. Circuits and Systems II 43(2), 1996. Their design also
   * rounds the output to the kept columns; here the full product width is kept, so the constant keeps its low
   * bits.
   */
  CONSTANT("_cc"),
  /**
   * Variable correction: the terms of column {@code k-1}, the most significant dropped column, are kept but added
   * into column {@code k}, which approximates the carries the dropped columns would send. E. J. King and E. E.
   * Swartzlander, "Data-Dependent Truncation Scheme for Parallel Multipliers", Asilomar 1997. Their rounding
   * constant for an n-bit output is omitted because the full product width is kept.
   */
  VARIABLE("_vc");

  private final String suffix;

  Correction(String suffix) {
    this.suffix = suffix;
  }

  /** Suffix in design names: empty, {@code _cc} or {@code _vc}. */
  public String suffix() {
    return suffix;
  }
}
