package org.axdse.multipliers.generators;

/**
 * The full-adder cell a reduction uses in a column: the exact adder or one of the five approximate mirror adders
 * (AMA1 to AMA5) of V. Gupta, D. Mohapatra, A. Raghunathan and K. Roy, "Low-Power Digital Signal Processing Using
 * Approximate Adders", IEEE TCAD 32(1), 2013 (Table I). Inputs are {@code (A, B, Cin)}; each cell is given by its
 * truth table (bit {@code 4A + 2B + Cin} of {@link #sumTable()} and {@link #carryTable()}) and built from plain
 * gates with the same function. The paper simplifies transistors; here the gate-level equivalents are used, so the
 * cost model sees fewer and simpler gates, not the paper's transistor counts.
 */
public enum AdderCell {
  /** The exact full adder. */
  EXACT(0b1001_0110, 0b1110_1000),
  /** AMA1: {@code Sum = Cin AND (A XNOR B)}, {@code Cout = B OR (A AND Cin)}; 2 sum errors, 1 carry error. */
  AMA1(0b1000_0010, 0b1110_1100),
  /** AMA2: {@code Cout} exact, {@code Sum = NOT Cout}; 2 sum errors. */
  AMA2(0b0001_0111, 0b1110_1000),
  /** AMA3: {@code Cout = B OR (A AND Cin)}, {@code Sum = NOT Cout}; 3 sum errors, 1 carry error. */
  AMA3(0b0001_0011, 0b1110_1100),
  /** AMA4: {@code Cout = A}, {@code Sum = Cin AND (NOT A OR B)}; 3 sum errors, 2 carry errors. */
  AMA4(0b1000_1010, 0b1111_0000),
  /** AMA5: {@code Cout = A}, {@code Sum = B}: wires only; 4 sum errors, 2 carry errors. */
  AMA5(0b1100_1100, 0b1111_0000);

  private final int sumTable;
  private final int carryTable;

  AdderCell(int sumTable, int carryTable) {
    this.sumTable = sumTable;
    this.carryTable = carryTable;
  }

  /** Truth table of the sum: bit {@code 4A + 2B + Cin} is the sum for those inputs. */
  public int sumTable() {
    return sumTable;
  }

  /** Truth table of the carry out, indexed as {@link #sumTable()}. */
  public int carryTable() {
    return carryTable;
  }

  /** The sum for input bits {@code a}, {@code b}, {@code cin} (each 0 or 1). */
  public int sum(int a, int b, int cin) {
    return (sumTable >>> (4 * a + 2 * b + cin)) & 1;
  }

  /** The carry out for input bits {@code a}, {@code b}, {@code cin} (each 0 or 1). */
  public int carry(int a, int b, int cin) {
    return (carryTable >>> (4 * a + 2 * b + cin)) & 1;
  }

  /** Short lowercase name used in design names, e.g. {@code ama3}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Builds the cell; returns {@code {sum, carry}}. */
  int[] build(Logic g, int a, int b, int cin) {
    return switch (this) {
      case EXACT -> g.fullAdder(a, b, cin);
      case AMA1 -> new int[] {g.and(cin, g.xnor(a, b)), g.or(b, g.and(a, cin))};
      case AMA2 -> {
        int carry = g.or(g.and(a, b), g.and(cin, g.or(a, b)));
        yield new int[] {g.not(carry), carry};
      }
      case AMA3 -> {
        int carry = g.or(b, g.and(a, cin));
        yield new int[] {g.not(carry), carry};
      }
      case AMA4 -> new int[] {g.and(cin, g.or(g.not(a), b)), a};
      case AMA5 -> new int[] {b, a};
    };
  }
}
