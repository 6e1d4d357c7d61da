package org.axdse.multipliers.table;

import org.axdse.multipliers.format.FloatProduct;
import org.axdse.multipliers.format.Minifloat;

/**
 * The operand widths and signedness of a multiplier: an {@code activationBits}-bit activation operand {@code a}
 * (first) times a {@code weightBits}-bit weight operand {@code w} (second). axdse uses 8-bit activations and
 * weights of 2 to 8 bits.
 *
 * <p>A float multiplier has a minifloat {@code element}: both operands are codes of that format (read as unsigned
 * bit patterns, so {@code activationBits == weightBits == element.bits()} and the signedness is {@code UNSIGNED}),
 * and its product table holds {@link FloatProduct#pack packed float products} instead of integers. Integer
 * formats have no element ({@code null}).
 */
public record MultiplierFormat(int activationBits, int weightBits, Signedness signedness, Minifloat element) {
  public MultiplierFormat {
    if (element != null) {
      if (activationBits != element.bits() || weightBits != element.bits() || signedness != Signedness.UNSIGNED) {
        throw new IllegalArgumentException("a " + element + " multiplier has " + element.bits()
            + "-bit unsigned codes");
      }
    } else if (activationBits != 8) {
      throw new IllegalArgumentException("activation operand must be 8 bits, got " + activationBits);
    }
    if (weightBits < 2 || weightBits > 8) {
      throw new IllegalArgumentException("weight operand must be 2 to 8 bits, got " + weightBits);
    }
    if (signedness == null) {
      throw new IllegalArgumentException("signedness is required");
    }
  }

  public MultiplierFormat(int activationBits, int weightBits, Signedness signedness) {
    this(activationBits, weightBits, signedness, null);
  }

  public static MultiplierFormat of(int weightBits, Signedness signedness) {
    return new MultiplierFormat(8, weightBits, signedness);
  }

  /** The format of a multiplier of two {@code element} codes, e.g. {@code e4m3}. */
  public static MultiplierFormat of(Minifloat element) {
    return new MultiplierFormat(element.bits(), element.bits(), Signedness.UNSIGNED, element);
  }

  /** True for a float multiplier, whose table entries are packed {@link FloatProduct}s. */
  public boolean isFloat() {
    return element != null;
  }

  /** The exact product stored for table {@code index}: {@code a * w}, or the packed exact float product. */
  public int exactProductAt(int index) {
    if (element != null) {
      return FloatProduct.exact(element, activationAt(index), weightAt(index)).pack();
    }
    return activationAt(index) * weightAt(index);
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

  /** The short label used in names and listings, e.g. {@code 8x8}, {@code 8x4} or {@code e4m3}. */
  public String label() {
    return element != null ? element.name() : activationBits + "x" + weightBits;
  }

  /** Name prefix of designs in this format, e.g. {@code u8x8}, {@code s8x4} or {@code e4m3}. */
  public String namePrefix() {
    return element != null ? element.name() : signedness.prefix() + label();
  }

  @Override
  public String toString() {
    return namePrefix();
  }
}
