package org.axdse.multipliers.table;

/**
 * The operand widths and signedness of a multiplier: an {@code activationBits}-bit activation operand {@code a}
 * (first) times a {@code weightBits}-bit weight operand {@code w} (second). axdse uses 8-bit activations and
 * weights of 2 to 8 bits.
 */
public record MultiplierFormat(int activationBits, int weightBits, Signedness signedness) {
  public MultiplierFormat {
    if (activationBits != 8) {
      throw new IllegalArgumentException("activation operand must be 8 bits, got " + activationBits);
    }
    if (weightBits < 2 || weightBits > 8) {
      throw new IllegalArgumentException("weight operand must be 2 to 8 bits, got " + weightBits);
    }
    if (signedness == null) {
      throw new IllegalArgumentException("signedness is required");
    }
  }

  public static MultiplierFormat of(int weightBits, Signedness signedness) {
    return new MultiplierFormat(8, weightBits, signedness);
  }

  public static MultiplierFormat unsigned8x8() {
    return of(8, Signedness.UNSIGNED);
  }

  public static MultiplierFormat signed8x8() {
    return of(8, Signedness.SIGNED);
  }

  public boolean signed() {
    return signedness == Signedness.SIGNED;
  }

  /** Number of product-table entries, {@code 2^(activationBits + weightBits)}. */
  public int tableSize() {
    return 1 << (activationBits + weightBits);
  }

  /** Width of the exact product, {@code activationBits + weightBits}. */
  public int productBits() {
    return activationBits + weightBits;
  }

  public int minActivation() {
    return signed() ? -(1 << (activationBits - 1)) : 0;
  }

  public int maxActivation() {
    return signed() ? (1 << (activationBits - 1)) - 1 : (1 << activationBits) - 1;
  }

  public int minWeight() {
    return signed() ? -(1 << (weightBits - 1)) : 0;
  }

  public int maxWeight() {
    return signed() ? (1 << (weightBits - 1)) - 1 : (1 << weightBits) - 1;
  }

  /** The table index of operand values {@code a} and {@code w}: {@code (code(a) << weightBits) | code(w)}. */
  public int index(int a, int w) {
    if (a < minActivation() || a > maxActivation() || w < minWeight() || w > maxWeight()) {
      throw new IllegalArgumentException("operands (" + a + ", " + w + ") out of range for " + this);
    }
    return ((a & ((1 << activationBits) - 1)) << weightBits) | (w & ((1 << weightBits) - 1));
  }

  /** The activation operand value stored at table {@code index}. */
  public int activationAt(int index) {
    int code = index >>> weightBits;
    return signed() ? (code << (32 - activationBits)) >> (32 - activationBits) : code;
  }

  /** The weight operand value stored at table {@code index}. */
  public int weightAt(int index) {
    int code = index & ((1 << weightBits) - 1);
    return signed() ? (code << (32 - weightBits)) >> (32 - weightBits) : code;
  }

  /** The short label used in names and listings, e.g. {@code 8x8} or {@code 8x4}. */
  public String label() {
    return activationBits + "x" + weightBits;
  }

  /** Name prefix of designs in this format, e.g. {@code u8x8} or {@code s8x4}. */
  public String namePrefix() {
    return signedness.prefix() + label();
  }

  @Override
  public String toString() {
    return namePrefix();
  }
}
