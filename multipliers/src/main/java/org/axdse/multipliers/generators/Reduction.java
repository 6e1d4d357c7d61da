package org.axdse.multipliers.generators;

/**
 * How the partial-product bits are summed. Every reduction ends in a ripple-carry adder over the two remaining
 * rows, and drops carries out of the most significant product column (the product is taken modulo
 * {@code 2^(8+N)}).
 */
public enum Reduction {
  /**
   * Carry-save array: rows are added one after the other with a row of full adders each, as in the classic array
   * multiplier (and the Baugh-Wooley array for signed operands).
   */
  ARRAY,
  /**
   * Wallace tree: in each stage every column is cut into groups of three bits (full adder) and a last pair (half
   * adder), until at most two bits remain per column. C. S. Wallace, "A Suggestion for a Fast Multiplier", IEEE
   * Trans. Electronic Computers EC-13(1), 1964.
   */
  WALLACE,
  /**
   * Dadda tree: stages reduce column heights to 2, 3, 4, 6, 9, ... using as few adders as possible. L. Dadda,
   * "Some Schemes for Parallel Multipliers", Alta Frequenza 34, 1965.
   */
  DADDA;

  /** Lowercase label used in design names. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
